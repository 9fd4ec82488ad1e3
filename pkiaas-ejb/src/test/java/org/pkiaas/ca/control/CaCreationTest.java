package org.pkiaas.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.ca.boundary.CaSubject;
import org.pkiaas.ca.boundary.NewCertificateAuthority;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;

class CaCreationTest {

  private static KeyPair ecKey;
  private static String ecKeyPem;

  @BeforeAll
  static void generateImportableKey() {
    ecKey = KeySpec.parse("EC", null, "P-256", null).generate();
    ecKeyPem = Pem.encode("PRIVATE KEY", ecKey.getPrivate().getEncoded());
  }

  /** The request fields, mutable so each test states only what it changes. */
  static final class Request {
    String name;
    CaSubject subject = new CaSubject("Example Root CA", null, null, null, null, null);
    String keyType;
    Integer keySize;
    String curve;
    String parameterSet;
    String signatureAlgorithm;
    Integer validityDays;
    Integer pathLength;
    List<String> keyUsage;
    List<String> extendedKeyUsage;
    Boolean csrOnly;
    String privateKeyPem;
    String privateKeyPassword;
    String keyStorage;

    NewCertificateAuthority build() {
      return new NewCertificateAuthority(
          name,
          subject,
          keyType,
          keySize,
          curve,
          parameterSet,
          signatureAlgorithm,
          validityDays,
          pathLength,
          keyUsage,
          extendedKeyUsage,
          csrOnly,
          privateKeyPem,
          privateKeyPassword,
          keyStorage);
    }
  }

  private static CaCreation create(Consumer<Request> change) {
    Request request = new Request();
    change.accept(request);
    return CaCreation.of(request.build().draft());
  }

  private static void assertRefused(String field, Consumer<Request> change) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> create(change));
    assertEquals(field, e.field(), e.getMessage());
  }

  // defaults

  @Test
  void onlyTheCommonNameIsNeeded() {
    CaCreation creation = create(r -> {});

    assertEquals("Example Root CA", creation.name());
    assertEquals(new X500Name("CN=Example Root CA"), creation.subject());
    assertEquals(new KeySpec(KeyAlgorithm.RSA, "3072"), creation.keySpec());
    assertEquals("SHA256withRSA", creation.signatureAlgorithm());
    assertEquals(3650, creation.validityDays());
    assertNull(creation.pathLength());
    assertEquals(List.of("keyCertSign", "cRLSign", "digitalSignature"), creation.keyUsage());
    assertEquals(List.of(), creation.extendedKeyUsage());
    assertFalse(creation.csrOnly());
    assertNull(creation.importedKey());
    assertEquals(KeyBackend.MANAGED, creation.backend());
  }

  @Test
  void profileCarriesTheSettledValues() {
    CaCreation creation =
        create(
            r -> {
              r.keyType = "EC";
              r.validityDays = 730;
              r.pathLength = 2;
              r.extendedKeyUsage = List.of("serverAuth");
            });
    var profile = creation.profile();
    assertEquals(creation.subject(), profile.subject());
    assertEquals(730, profile.validityDays());
    assertEquals(2, profile.pathLength());
    assertEquals(creation.keyUsage(), profile.keyUsage());
    assertEquals(List.of("serverAuth"), profile.extendedKeyUsage());
  }

  @Test
  void nameDefaultsToTheTrimmedCommonName() {
    assertEquals(
        "Padded CA",
        create(r -> r.subject = new CaSubject("  Padded CA  ", null, null, null, null, null))
            .name());
    assertEquals(
        "Padded CA",
        create(
                r -> {
                  r.subject = new CaSubject("  Padded CA  ", null, null, null, null, null);
                  r.name = "   ";
                })
            .name());
    assertEquals("Given name", create(r -> r.name = " Given name ").name());
  }

  @Test
  void subjectIsOrderedMostSignificantFirst() {
    CaCreation creation =
        create(r -> r.subject = new CaSubject("Root", "Example", "PKI", "Munich", "Bavaria", "de"));
    assertEquals(
        new X500Name("C=DE,ST=Bavaria,L=Munich,O=Example,OU=PKI,CN=Root"), creation.subject());
  }

  @Test
  void keyFieldsAndSignatureAlgorithmAreSettled() {
    CaCreation ec =
        create(
            r -> {
              r.keyType = "ecdsa";
              r.curve = "secp384r1";
            });
    assertEquals(new KeySpec(KeyAlgorithm.EC, "P-384"), ec.keySpec());
    assertEquals("SHA384withECDSA", ec.signatureAlgorithm());

    CaCreation rsa =
        create(
            r -> {
              r.keySize = 4096;
              r.signatureAlgorithm = "SHA-512";
            });
    assertEquals(new KeySpec(KeyAlgorithm.RSA, "4096"), rsa.keySpec());
    assertEquals("SHA512withRSA", rsa.signatureAlgorithm());

    CaCreation mlDsa =
        create(
            r -> {
              r.keyType = "ML_DSA";
              r.parameterSet = "87";
            });
    assertEquals(new KeySpec(KeyAlgorithm.ML_DSA, "ML-DSA-87"), mlDsa.keySpec());
    assertEquals("ML-DSA-87", mlDsa.signatureAlgorithm());
  }

  @Test
  void usagesAreCanonicalised() {
    CaCreation creation =
        create(
            r -> {
              r.keyUsage = List.of("KEYCERTSIGN", " crlsign ", "keyCertSign");
              r.extendedKeyUsage = List.of("ocspsigning", "1.3.6.1.4.1.99999.7");
            });
    assertEquals(List.of("keyCertSign", "cRLSign"), creation.keyUsage());
    assertEquals(List.of("OCSPSigning", "1.3.6.1.4.1.99999.7"), creation.extendedKeyUsage());
  }

  @Test
  void csrOnlyIsKept() {
    assertTrue(create(r -> r.csrOnly = true).csrOnly());
    assertFalse(create(r -> r.csrOnly = false).csrOnly());
  }

  @Test
  void managedKeyIsGeneratedToTheSpec() {
    CaCreation creation = create(r -> r.keyType = "EC");
    KeyPair pair = creation.keyPair();
    assertEquals(creation.keySpec(), KeySpec.of(pair.getPublic()));
  }

  // keys on an IoT-HSM device

  @Test
  void hsmStorageKeepsTheKeyOffThisServer() {
    CaCreation creation =
        create(
            r -> {
              r.keyStorage = "HSM";
              r.keyType = "EC";
              r.curve = "P-384";
            });
    assertEquals(KeyBackend.HSM, creation.backend());
    assertEquals(new KeySpec(KeyAlgorithm.EC, "P-384"), creation.keySpec());
    assertEquals("SHA384withECDSA", creation.signatureAlgorithm());
    assertNull(creation.importedKey());
  }

  @Test
  void managedIsTheDefaultStorage() {
    assertEquals(KeyBackend.MANAGED, create(r -> r.keyStorage = "MANAGED").backend());
  }

  @Test
  void hsmStorageTakesOnlyWhatTheLinkSigns() {
    assertRefused(
        "keyType",
        r -> {
          r.keyStorage = "HSM";
          r.keyType = "ED25519";
        });
    assertRefused(
        "signatureAlgorithm",
        r -> {
          r.keyStorage = "HSM";
          r.keyType = "RSA";
          r.signatureAlgorithm = "SHA256withRSAandMGF1";
        });
    assertRefused(
        "keyStorage",
        r -> {
          r.keyStorage = "HSM";
          r.privateKeyPem = ecKeyPem;
        });
    assertRefused(
        "csrOnly",
        r -> {
          r.keyStorage = "HSM";
          r.csrOnly = true;
        });
  }

  // imported keys

  @Test
  void importedKeyDecidesTheSpec() {
    CaCreation creation = create(r -> r.privateKeyPem = ecKeyPem);
    assertEquals(new KeySpec(KeyAlgorithm.EC, "P-256"), creation.keySpec());
    assertEquals("SHA256withECDSA", creation.signatureAlgorithm());
    assertEquals(KeyBackend.IMPORTED, creation.backend());
    assertSame(creation.importedKey(), creation.keyPair());
    assertArrayEquals(ecKey.getPublic().getEncoded(), creation.keyPair().getPublic().getEncoded());
  }

  @Test
  void importedKeyMayRestateItsType() {
    assertEquals(
        KeyBackend.IMPORTED,
        create(
                r -> {
                  r.privateKeyPem = ecKeyPem;
                  r.keyType = "EC";
                })
            .backend());
  }

  @Test
  void importedKeyOfAnotherTypeThanRequestedIsRefused() {
    assertRefused(
        "keyType",
        r -> {
          r.privateKeyPem = ecKeyPem;
          r.keyType = "RSA";
        });
    assertRefused(
        "keyType",
        r -> {
          r.privateKeyPem = ecKeyPem;
          r.keyType = "ML_DSA";
        });
  }

  @Test
  void unreadableImportedKeyIsRefused() {
    assertRefused(
        "privateKeyPem",
        r -> r.privateKeyPem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
  }

  // refusals, each naming its field

  @Test
  void missingCommonNameIsRefused() {
    assertRefused("subject.commonName", r -> r.subject = null);
    assertRefused(
        "subject.commonName",
        r -> r.subject = new CaSubject(null, "Example", null, null, null, "DE"));
    assertRefused(
        "subject.commonName", r -> r.subject = new CaSubject("  ", null, null, null, null, null));
  }

  @Test
  void overlongSubjectAttributesAreRefused() {
    assertRefused(
        "subject.commonName",
        r -> r.subject = new CaSubject("x".repeat(65), null, null, null, null, null));
    assertRefused(
        "subject.organization",
        r -> r.subject = new CaSubject("CA", "o".repeat(65), null, null, null, null));
    assertEquals(
        new X500Name("CN=" + "x".repeat(64)),
        create(r -> r.subject = new CaSubject("x".repeat(64), null, null, null, null, null))
            .subject());
  }

  @ParameterizedTest
  @ValueSource(strings = {"USA", "D", "1A", "D-"})
  void countryThatIsNotTwoLettersIsRefused(String country) {
    assertRefused(
        "subject.country", r -> r.subject = new CaSubject("CA", null, null, null, null, country));
  }

  @Test
  void overlongNameIsRefused() {
    assertRefused("name", r -> r.name = "n".repeat(201));
    assertEquals(200, create(r -> r.name = "n".repeat(200)).name().length());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 36501})
  void validityOutOfRangeIsRefused(int days) {
    assertRefused("validityDays", r -> r.validityDays = days);
  }

  @Test
  void validityAtItsBoundsIsAccepted() {
    assertEquals(1, create(r -> r.validityDays = 1).validityDays());
    assertEquals(36500, create(r -> r.validityDays = 36500).validityDays());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 17})
  void pathLengthOutOfRangeIsRefused(int pathLength) {
    assertRefused("pathLength", r -> r.pathLength = pathLength);
  }

  @Test
  void keyUsageWithoutKeyCertSignIsRefused() {
    assertRefused("keyUsage", r -> r.keyUsage = List.of("cRLSign", "digitalSignature"));
    assertRefused("keyUsage", r -> r.keyUsage = List.of("keyCertSign", "signEverything"));
  }

  @Test
  void unknownExtendedKeyUsageIsRefused() {
    assertRefused("extendedKeyUsage", r -> r.extendedKeyUsage = List.of("webServer"));
  }

  @Test
  void keyFieldErrorsNameTheirField() {
    assertRefused("keyType", r -> r.keyType = "DSA");
    assertRefused("curve", r -> r.curve = "P-256");
    assertRefused(
        "curve",
        r -> {
          r.keyType = "RSA";
          r.curve = "P-384";
        });
    assertRefused("keySize", r -> r.keySize = 1024);
    assertRefused(
        "keySize",
        r -> {
          r.keyType = "EC";
          r.keySize = 256;
        });
    assertRefused("parameterSet", r -> r.parameterSet = "65");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA256withECDSA", "MD5withRSA", "SHA-1", "ML-DSA-65"})
  void signatureAlgorithmThatDoesNotFitTheKeyIsRefused(String algorithm) {
    assertRefused("signatureAlgorithm", r -> r.signatureAlgorithm = algorithm);
  }

  @Test
  void descriptionNeverShowsTheImportedKey() {
    Request request = new Request();
    request.privateKeyPem = ecKeyPem;
    request.privateKeyPassword = "secret password";
    String text = request.build().toString();
    assertFalse(request.build().draft().toString().contains("PRIVATE"));
    assertFalse(text.contains("PRIVATE KEY") || text.contains("secret password"), text);
    assertFalse(CaCreation.of(request.build().draft()).toString().contains("PRIVATE"));
  }
}
