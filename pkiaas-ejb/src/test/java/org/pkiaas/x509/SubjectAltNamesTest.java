package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.x509.SubjectAltNames.Name;

class SubjectAltNamesTest {

  private static final String FIELD = "subjectAltNames";

  // parse(): the API's TYPE:value form

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DNS:www.example.com          | DNS   | www.example.com",
        "dns: WWW.Example.COM         | DNS   | www.example.com",
        "DNS:bücher.example           | DNS   | xn--bcher-kva.example",
        "DNS:*.example.com            | DNS   | *.example.com",
        "DNS:localhost                | DNS   | localhost",
        "DNS:a-b.c0.example           | DNS   | a-b.c0.example",
        "IP:192.0.2.1                 | IP    | 192.0.2.1",
        "ip:2001:db8::1               | IP    | 2001:db8:0:0:0:0:0:1",
        "EMAIL:alice@example.com      | EMAIL | alice@example.com",
        "Email:bob.smith+tag@mail.example.org | EMAIL | bob.smith+tag@mail.example.org",
        "URI:https://example.com/path?q=1 | URI | https://example.com/path?q=1",
        "URI:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 | URI | urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "UPN:user@corp.example        | UPN   | user@corp.example",
      })
  void eachTypeIsParsedAndNormalised(String written, SanType type, String value) {
    assertEquals(List.of(new Name(type, value)), SubjectAltNames.parse(FIELD, List.of(written)));
  }

  @Test
  void namesKeepTheirOrder() {
    List<Name> names =
        SubjectAltNames.parse(FIELD, List.of("DNS:b.example", "IP:10.0.0.1", "DNS:a.example"));
    assertEquals(
        List.of(
            new Name(SanType.DNS, "b.example"),
            new Name(SanType.IP, "10.0.0.1"),
            new Name(SanType.DNS, "a.example")),
        names);
  }

  @Test
  void emptyListParsesToNoNames() {
    assertEquals(List.of(), SubjectAltNames.parse(FIELD, List.of()));
  }

  @Test
  void ipv6WrittenDifferentlyNormalisesToTheSameValue() {
    List<Name> names =
        SubjectAltNames.parse(
            FIELD, List.of("IP:2001:DB8::1", "IP:2001:db8:0:0:0:0:0:1", "IP:2001:0db8:0000::0001"));
    assertEquals(1, names.stream().distinct().count(), names.toString());
    assertEquals("2001:db8:0:0:0:0:0:1", names.get(0).value());
  }

  @Test
  void ipv6LoopbackIsAccepted() {
    assertEquals("0:0:0:0:0:0:0:1", SubjectAltNames.parse(FIELD, List.of("IP:::1")).get(0).value());
  }

  @Test
  void sixtyThreeCharacterLabelIsAccepted() {
    String label = "a".repeat(63);
    assertEquals(
        label + ".example",
        SubjectAltNames.parse(FIELD, List.of("DNS:" + label + ".example")).get(0).value());
  }

  // parse(): refusals, each naming the field the caller gave

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DNS:*.com", // wildcard needs two more labels
        "DNS:*",
        "DNS:www.*.example.com", // wildcard only left-most
        "DNS:*.*.example.com",
        "DNS:w*.example.com", // partial-label wildcards are not issued
        "DNS:exa_mple.com",
        "DNS:-example.com",
        "DNS:example-.com",
        "DNS:example..com",
        "DNS:.example.com",
        "DNS:example.com.",
        "DNS:",
        "DNS:exa mple.com",
        "DNS:192.0.2.1/24",
      })
  void badDnsNamesAreRefused(String written) {
    assertRefused(written);
  }

  @Test
  void dnsLabelLongerThan63IsRefused() {
    assertRefused("DNS:" + "a".repeat(64) + ".example");
  }

  @Test
  void dnsNameLongerThan253IsRefused() {
    String name =
        String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)));
    assertEquals(253, name.length());
    assertEquals(name, SubjectAltNames.parse(FIELD, List.of("DNS:" + name)).get(0).value());
    assertRefused("DNS:" + name + "e");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "IP:192.0.2.256",
        "IP:999.1.1.1",
        "IP:1.2.3.4.5",
        "IP:host.example",
        "IP:",
        "IP:10.0.0.0/8",
        "IP:2001:db8::1::2",
        "IP:gggg::1",
        "IP:abc:def",
      })
  void badIpAddressesAreRefused(String written) {
    assertRefused(written);
  }

  /**
   * Shorthand IPv4 forms ({@code 1.2.3}, {@code 10}) are legacy inet_aton syntax; a person typing
   * {@code 10.0.1} most likely mistyped, and the certificate would silently name {@code 10.0.0.1}.
   * A SAN takes a dotted quad only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"IP:1.2.3", "IP:127.1", "IP:10", "IP:4294967295"})
  void incompleteDottedQuadsAreRefused(String written) {
    assertRefused(written);
  }

  /**
   * An IPv6 zone index (RFC 4007) is local to a host and has no place in a certificate; accepted
   * here, it would make encode() throw an IllegalArgumentException later.
   */
  @Test
  void ipv6ZoneIndexIsRefused() {
    assertRefused("IP:fe80::1%1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EMAIL:alice",
        "EMAIL:alice@example",
        "EMAIL:@example.com",
        "EMAIL:alice@@example.com",
        "EMAIL:al ice@example.com",
        "EMAIL:",
        "UPN:user",
        "UPN:user@corp",
      })
  void badEmailAddressesAndUpnsAreRefused(String written) {
    assertRefused(written);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "URI:/relative/path",
        "URI:example.com",
        "URI:http://exa mple.com/",
        "URI:",
        "URI:://x"
      })
  void relativeOrMalformedUrisAreRefused(String written) {
    assertRefused(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FQDN:www.example.com", "RID:1.2.3", "DIRNAME:CN=x", "X400:foo"})
  void unknownTypeIsRefused(String written) {
    InvalidInputException e = assertRefused(written);
    assertTrue(e.getMessage().contains("unknown type"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.com", ":www.example.com", ""})
  void entryWithoutTypeIsRefused(String written) {
    InvalidInputException e = assertRefused(written);
    assertTrue(e.getMessage().contains("TYPE:value"), e.getMessage());
  }

  @Test
  void oneBadEntryRefusesTheWholeList() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                SubjectAltNames.parse(
                    "overrides.subjectAltNames", List.of("DNS:ok.example", "IP:nope")));
    assertEquals("overrides.subjectAltNames", e.field());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  /**
   * rfc822Name and uniformResourceIdentifier are IA5String (RFC 5280 §4.2.1.6): ASCII only; an
   * internationalised domain must be written as A-labels (§7.5, §7.4). A non-ASCII value must be
   * refused or converted, never encoded as a corrupt IA5String.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "EMAIL:user@bücher.example",
        "EMAIL:jörg@example.com",
        "URI:https://bücher.example/",
        "URI:https://example.com/日本"
      })
  void namesEncodedAsIa5StringAreAsciiOrRefused(String written) {
    List<Name> names;
    try {
      names = SubjectAltNames.parse(FIELD, List.of(written));
    } catch (InvalidInputException e) {
      assertEquals(FIELD, e.field());
      return;
    }
    String value = names.get(0).value();
    assertTrue(
        StandardCharsets.US_ASCII.newEncoder().canEncode(value),
        written + " was accepted as '" + value + "', which an IA5String cannot carry");
  }

  // encode() and of(): the GeneralNames and back

  @Test
  void encodeWritesEachTypeWithItsRfc5280Tag() throws Exception {
    List<Name> names =
        SubjectAltNames.parse(
            FIELD,
            List.of(
                "DNS:www.example.com",
                "IP:192.0.2.1",
                "IP:2001:db8::1",
                "EMAIL:alice@example.com",
                "URI:https://example.com/",
                "UPN:user@corp.example"));

    GeneralName[] encoded =
        GeneralNames.getInstance(SubjectAltNames.encode(names).getEncoded()).getNames();

    assertEquals(6, encoded.length);
    assertEquals(GeneralName.dNSName, encoded[0].getTagNo());
    assertEquals("www.example.com", ((ASN1String) encoded[0].getName()).getString());
    assertEquals(GeneralName.iPAddress, encoded[1].getTagNo());
    assertArrayEquals(
        new byte[] {(byte) 192, 0, 2, 1},
        ASN1OctetString.getInstance(encoded[1].getName()).getOctets());
    assertEquals(GeneralName.iPAddress, encoded[2].getTagNo());
    byte[] v6 = new byte[16];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[2] = 0x0d;
    v6[3] = (byte) 0xb8;
    v6[15] = 1;
    assertArrayEquals(v6, ASN1OctetString.getInstance(encoded[2].getName()).getOctets());
    assertEquals(GeneralName.rfc822Name, encoded[3].getTagNo());
    assertEquals("alice@example.com", ((ASN1String) encoded[3].getName()).getString());
    assertEquals(GeneralName.uniformResourceIdentifier, encoded[4].getTagNo());
    assertEquals("https://example.com/", ((ASN1String) encoded[4].getName()).getString());

    // otherName ::= SEQUENCE { type-id 1.3.6.1.4.1.311.20.2.3, value [0] EXPLICIT UTF8String }
    assertEquals(GeneralName.otherName, encoded[5].getTagNo());
    ASN1Sequence other = ASN1Sequence.getInstance(encoded[5].getName());
    assertEquals(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), other.getObjectAt(0));
    ASN1TaggedObject value = ASN1TaggedObject.getInstance(other.getObjectAt(1));
    assertEquals(0, value.getTagNo());
    assertTrue(value.isExplicit());
    assertEquals(new DERUTF8String("user@corp.example"), value.getExplicitBaseObject());
  }

  @Test
  void encodeThenOfGivesBackTheSameNamesForAllFiveTypes() throws Exception {
    List<Name> names =
        SubjectAltNames.parse(
            FIELD,
            List.of(
                "DNS:www.example.com",
                "DNS:*.bücher.example",
                "IP:192.0.2.1",
                "IP:2001:DB8::1",
                "EMAIL:alice@example.com",
                "URI:https://example.com/a?b=c",
                "UPN:user@corp.example"));

    GeneralNames decoded = GeneralNames.getInstance(SubjectAltNames.encode(names).getEncoded());

    assertEquals(names, SubjectAltNames.of("csr", decoded));
  }

  @Test
  void ofNullIsNoNames() {
    assertEquals(List.of(), SubjectAltNames.of("csr", null));
  }

  @Test
  void ofNormalisesCsrValues() {
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "WWW.Example.COM"),
              new GeneralName(GeneralName.iPAddress, "2001:0db8::0001"),
            });
    assertEquals(
        List.of(
            new Name(SanType.DNS, "www.example.com"), new Name(SanType.IP, "2001:db8:0:0:0:0:0:1")),
        SubjectAltNames.of("csr", names));
  }

  @Test
  void ofRefusesABadDnsNameInACsr() {
    GeneralNames names =
        new GeneralNames(new GeneralName(GeneralName.dNSName, "www.*.example.com"));
    assertEquals(
        "csr",
        assertThrows(InvalidInputException.class, () -> SubjectAltNames.of("csr", names)).field());
  }

  @Test
  void ofRefusesUnsupportedGeneralNameTypes() {
    GeneralNames names = new GeneralNames(new GeneralName(new X500Name("CN=x")));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SubjectAltNames.of("csr", names));
    assertEquals("csr", e.field());
    GeneralNames rid = new GeneralNames(new GeneralName(GeneralName.registeredID, "1.2.3.4"));
    assertEquals(
        "csr",
        assertThrows(InvalidInputException.class, () -> SubjectAltNames.of("csr", rid)).field());
  }

  @Test
  void ofRefusesOtherNamesThatAreNotUpns() {
    ASN1Encodable other =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.9"),
              new DERTaggedObject(true, 0, new DERUTF8String("user@example.com"))
            });
    GeneralNames names = new GeneralNames(new GeneralName(GeneralName.otherName, other));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SubjectAltNames.of("csr", names));
    assertEquals("csr", e.field());
    assertTrue(e.getMessage().contains("UPN"), e.getMessage());
  }

  /** of() takes the field to name in its errors; a malformed IP address is no exception. */
  @Test
  void ofNamesTheGivenFieldForAMalformedIpAddress() {
    GeneralNames names =
        new GeneralNames(new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[5])));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> SubjectAltNames.of("requestedExtensions", names));
    assertEquals("requestedExtensions", e.field());
  }

  // join(): the stored and displayed form

  @Test
  void joinWritesTypeColonValueCommaSeparated() {
    List<Name> names =
        SubjectAltNames.parse(
            FIELD,
            List.of(
                "DNS:www.example.com",
                "IP:192.0.2.1",
                "EMAIL:a@example.com",
                "URI:https://example.com/",
                "UPN:u@corp.example"));
    assertEquals(
        "DNS:www.example.com,IP:192.0.2.1,EMAIL:a@example.com,URI:https://example.com/,UPN:u@corp.example",
        SubjectAltNames.join(names));
    assertEquals("", SubjectAltNames.join(List.of()));
  }

  @Test
  void joinedNamesParseBackToTheSameNames() {
    List<Name> names =
        SubjectAltNames.parse(
            FIELD, List.of("DNS:bücher.example", "IP:2001:db8::1", "UPN:u@corp.example"));
    assertEquals(
        names, SubjectAltNames.parse(FIELD, List.of(SubjectAltNames.join(names).split(","))));
  }

  private static InvalidInputException assertRefused(String written) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> SubjectAltNames.parse(FIELD, List.of(written)),
            written + " was accepted");
    assertEquals(FIELD, e.field());
    return e;
  }
}
