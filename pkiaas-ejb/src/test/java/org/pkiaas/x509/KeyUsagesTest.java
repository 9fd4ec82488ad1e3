package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;

class KeyUsagesTest {

  @Test
  void keyUsageNamesAreCanonicalInGivenOrderWithoutDuplicates() {
    assertEquals(
        List.of("cRLSign", "keyCertSign", "digitalSignature"),
        KeyUsages.keyUsageNames(
            "keyUsage", List.of("CRLSIGN", " keycertsign ", "digitalSignature", "cRLSign")));
  }

  @Test
  void unknownKeyUsageIsRefusedNamingTheField() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                KeyUsages.keyUsageNames("template.keyUsage", List.of("keyCertSign", "serverAuth")));
    assertEquals("template.keyUsage", e.field());
    assertTrue(e.getMessage().contains("'serverAuth'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "digitalSignature, 128",
    "nonRepudiation,   64",
    "keyEncipherment,  32",
    "dataEncipherment, 16",
    "keyAgreement,     8",
    "keyCertSign,      4",
    "cRLSign,          2",
    "encipherOnly,     1",
    "decipherOnly,     32768",
  })
  void eachKeyUsageHasItsRfc5280Bit(String name, int bit) {
    assertEquals(new KeyUsage(bit), KeyUsages.keyUsage(List.of(name)));
  }

  @Test
  void keyUsageBitsAreCombined() {
    KeyUsage usage = KeyUsages.keyUsage(List.of("keyCertSign", "cRLSign", "digitalSignature"));
    assertEquals(
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature), usage);
    assertTrue(usage.hasUsages(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    // DER: a BIT STRING of one octet, 1000 0110, its one trailing zero bit counted as unused
    assertArrayEquals(new byte[] {0x03, 0x02, 0x01, (byte) 0x86}, encoded(usage));
  }

  private static byte[] encoded(KeyUsage usage) {
    try {
      return usage.getEncoded("DER");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void extendedKeyUsageNamesAndOidsAreCanonical() {
    assertEquals(
        List.of("serverAuth", "OCSPSigning", "1.3.6.1.4.1.311.10.3.12", "timeStamping"),
        KeyUsages.extendedKeyUsageNames(
            "extendedKeyUsage",
            List.of(
                "SERVERAUTH",
                "ocspSigning",
                " 1.3.6.1.4.1.311.10.3.12 ",
                "timeStamping",
                "serverAuth")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"webServer", "1.2.abc", "3.1.2", "1", "1..2", "1.02", ""})
  void unknownExtendedKeyUsageIsRefusedNamingTheField(String name) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> KeyUsages.extendedKeyUsageNames("extendedKeyUsage", List.of("serverAuth", name)));
    assertEquals("extendedKeyUsage", e.field());
  }

  @Test
  void extendedKeyUsageIsEncodedWithTheRightPurposes() {
    ExtendedKeyUsage eku =
        KeyUsages.extendedKeyUsage(
            List.of(
                "serverAuth",
                "clientAuth",
                "codeSigning",
                "emailProtection",
                "timeStamping",
                "OCSPSigning",
                "kdcAuth",
                "documentSigning",
                "1.3.6.1.4.1.99999.1"));
    KeyPurposeId[] usages = eku.getUsages();
    assertEquals(9, usages.length);
    assertEquals(KeyPurposeId.id_kp_serverAuth, usages[0]);
    assertEquals(KeyPurposeId.id_kp_clientAuth, usages[1]);
    assertEquals(KeyPurposeId.id_kp_codeSigning, usages[2]);
    assertEquals(KeyPurposeId.id_kp_emailProtection, usages[3]);
    assertEquals(KeyPurposeId.id_kp_timeStamping, usages[4]);
    assertEquals(KeyPurposeId.id_kp_OCSPSigning, usages[5]);
    assertEquals(new ASN1ObjectIdentifier("1.3.6.1.5.2.3.5"), usages[6].toOID()); // RFC 4556
    assertEquals(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"), usages[7].toOID()); // RFC 9336
    assertEquals(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), usages[8].toOID());
  }

  @Test
  void anyExtendedKeyUsageAndSmartcardLogonAreKnown() {
    ExtendedKeyUsage eku =
        KeyUsages.extendedKeyUsage(
            KeyUsages.extendedKeyUsageNames(
                "eku", List.of("anyExtendedKeyUsage", "smartcardLogon")));
    assertTrue(eku.hasKeyPurposeId(KeyPurposeId.anyExtendedKeyUsage));
    assertEquals(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.2"), eku.getUsages()[1].toOID());
  }

  @Test
  void joinAndSplitRoundTrip() {
    List<String> names = List.of("keyCertSign", "cRLSign");
    assertEquals("keyCertSign,cRLSign", KeyUsages.join(names));
    assertEquals(names, KeyUsages.split(KeyUsages.join(names)));
    assertEquals(List.of(), KeyUsages.split(null));
    assertEquals(List.of(), KeyUsages.split(" "));
    assertEquals(List.of(), KeyUsages.split(KeyUsages.join(List.of())));
  }
}
