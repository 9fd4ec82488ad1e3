package org.pkiaas.api.body;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pkiaas.acme.boundary.ExternalAccountBindings.BindingRequest;
import org.pkiaas.api.account.AccountRequest;
import org.pkiaas.api.certificate.CertificatesResource.RevocationRequest;
import org.pkiaas.api.issuance.PreApprovalRequest;
import org.pkiaas.api.issuance.PublicRequestSubmission;
import org.pkiaas.api.issuance.RequestsResource.BulkAction;
import org.pkiaas.api.template.TemplateSettingsRequest;
import org.pkiaas.api.template.TemplatesResource.NewTemplate;
import org.pkiaas.ca.boundary.CaChanges;
import org.pkiaas.ca.boundary.NewCertificateAuthority;
import org.pkiaas.problem.InvalidInputException;

/**
 * Mutated JSON (bit flips, truncation, spliced bytes, tampered numbers, deep nesting) against the
 * REST request binding: every body is either a request record or a refusal the API answers as a 400
 * problem ({@link InvalidInputException}); nothing else may escape.
 */
class RequestBodyFuzzTest {

  /** Well-formed bodies of the API's richest request records, to mutate. */
  private static final List<Seed> SEEDS =
      List.of(
          new Seed(
              NewCertificateAuthority.class,
              """
                    {"name":"Root","subject":{"commonName":"Root CA","organization":"Example","country":"DE"},
                     "keyType":"EC","curve":"P-384","validityDays":3650,"pathLength":1,
                     "keyUsage":["keyCertSign","cRLSign"],"extendedKeyUsage":["serverAuth"],"csrOnly":false}"""),
          new Seed(
              CaChanges.class,
              """
                    {"cpsText":"Our practices\\nin two lines","cpsUrl":"https://example.com/cps","serviceKeyType":"EC",
                     "serviceCurve":"P-256","serviceSignatureHash":"SHA-256","crlValidityDays":7}"""),
          new Seed(
              TemplateSettingsRequest.class,
              """
                    {"name":"Web","general":{"enabled":true,"validityDays":90,"renewalWindowDays":30,"description":"x"},
                     "subject":{"suppliedByCsr":false,"organization":"Example","country":"DE"},
                     "keyUsage":{"keyUsage":["digitalSignature"],"extendedKeyUsage":["serverAuth"]},
                     "basicConstraints":{"ca":false},"distribution":{"includeAia":true,"policyOid":"2.23.140.1.2.1"},
                     "requests":{"allowedKeyTypes":["RSA","EC"],"minimumRsaBits":2048,"allowedSanTypes":["DNS","IP"]},
                     "scep":{"enabled":false,"ipAclList":"10.0.0.0/8"},
                     "certificateTransparency":{"logs":[{"url":"https://ct.example/log","publicKey":"MFkw",
                     "notAfterFrom":"2026-01-01T00:00:00Z","timeoutMillis":5000}],"sctsRequired":1}}"""),
          new Seed(
              PreApprovalRequest.class,
              """
                    {"subject":"CN=www.example.com,O=Example","subjectAltNames":["DNS:www.example.com","IP:192.0.2.1"],
                     "validityDays":30,"email":"a@example.com"}"""),
          new Seed(
              PublicRequestSubmission.class,
              """
                    {"email":"a@example.com","subject":{"commonName":"www.example.com"},"subjectAltNames":["DNS:www.example.com"]}"""),
          new Seed(
              BulkAction.class,
              """
                    {"action":"sign","ids":["0b6c5a0e-1111-2222-3333-444455556666"],"reason":"r",
                     "overrides":{"subject":"CN=x","subjectAltNames":["DNS:x.example"],"validityDays":10}}"""),
          new Seed(
              BindingRequest.class,
              """
                    {"name":"ci","allowedUses":3,"expiresAt":"2030-01-01T00:00:00Z","algorithm":"HS256"}"""),
          new Seed(
              AccountRequest.class,
              "{\"username\":\"alice\",\"password\":\"secret\",\"role\":\"USER\"}"),
          new Seed(
              NewTemplate.class,
              "{\"name\":\"Clients\",\"starter\":\"CLIENT_AUTHENTICATION\",\"description\":\"d\"}"),
          new Seed(
              RevocationRequest.class,
              "{\"reason\":\"keyCompromise\",\"invalidityDate\":\"2026-01-01T00:00:00Z\"}"));

  /**
   * Fragments spliced in: other JSON types, control and bidi characters, huge and fractional
   * numbers, nesting.
   */
  private static final List<String> FRAGMENTS =
      List.of(
          "null",
          "\"\"",
          "5",
          "2048.5",
          "\"2048\"",
          "true",
          "[]",
          "{}",
          "\"RSA\\u0000\"",
          "\"a\\u202eb\"",
          "\"\\ud800\"",
          "1e999999999",
          "-0",
          "99999999999999999999",
          "[null]",
          "{\"x\":1}",
          "\"\\u0000\"",
          "[".repeat(1200),
          "{\"a\":".repeat(1200),
          ",",
          ":",
          "\"",
          "\\",
          "\u0000");

  record Seed(Class<? extends Record> type, String json) {}

  @Property(tries = 4000)
  void mutatedBodiesAreReadOrRefusedAs400(@ForAll("mutatedBodies") Body body) {
    try {
      RequestBodyBinderTest.BINDER.read(body.bytes(), body.type());
    } catch (InvalidInputException expected) {
      // answered as a 400 problem naming the field, or as malformed-body
    } catch (RuntimeException | StackOverflowError e) {
      fail(
          "escaped "
              + e
              + " for "
              + body.type().getSimpleName()
              + ": "
              + new String(body.bytes(), StandardCharsets.UTF_8),
          e);
    }
  }

  record Body(Class<? extends Record> type, byte[] bytes) {
    @Override
    public String toString() {
      return type.getSimpleName() + " " + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Provide
  Arbitrary<Body> mutatedBodies() {
    Arbitrary<Seed> seeds = Arbitraries.of(SEEDS);
    Arbitrary<Integer> mutation = Arbitraries.integers().between(0, 5);
    Arbitrary<Long> randomness = Arbitraries.longs();
    return Combinators.combine(seeds, mutation, randomness, Arbitraries.integers().between(1, 8))
        .as(
            (seed, kind, random, rounds) -> {
              byte[] bytes = seed.json().getBytes(StandardCharsets.UTF_8);
              java.util.Random rng = new java.util.Random(random);
              for (int i = 0; i < rounds; i++) {
                bytes = mutate(bytes, (kind + i) % 6, rng);
              }
              return new Body(seed.type(), bytes);
            });
  }

  private static byte[] mutate(byte[] bytes, int kind, java.util.Random rng) {
    if (bytes.length == 0) {
      return bytes;
    }
    int at = rng.nextInt(bytes.length);
    return switch (kind) {
      case 0 -> { // flip one bit
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << rng.nextInt(8));
        yield copy;
      }
      case 1 -> Arrays.copyOf(bytes, at); // truncate
      case 2 ->
          splice(
              bytes,
              at,
              FRAGMENTS.get(rng.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8));
      case 3 -> { // random bytes
        byte[] noise = new byte[1 + rng.nextInt(16)];
        rng.nextBytes(noise);
        yield splice(bytes, at, noise);
      }
      case 4 -> replaceValue(bytes, rng); // a value of another type in place of one
      default -> { // a digit tampered into a length or a number elsewhere
        byte[] copy = bytes.clone();
        copy[at] = (byte) ('0' + rng.nextInt(10));
        yield copy;
      }
    };
  }

  /** Replaces what follows one {@code ":"} up to the next {@code ,} or {@code }} by a fragment. */
  private static byte[] replaceValue(byte[] bytes, java.util.Random rng) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int colon = text.indexOf(':', rng.nextInt(text.length()));
    if (colon < 0) {
      return bytes;
    }
    int end = colon + 1;
    while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '}') {
      end++;
    }
    String fragment = FRAGMENTS.get(rng.nextInt(FRAGMENTS.size()));
    return (text.substring(0, colon + 1) + fragment + text.substring(end))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] splice(byte[] bytes, int at, byte[] fragment) {
    byte[] spliced = new byte[bytes.length + fragment.length];
    System.arraycopy(bytes, 0, spliced, 0, at);
    System.arraycopy(fragment, 0, spliced, at, fragment.length);
    System.arraycopy(bytes, at, spliced, at + fragment.length, bytes.length - at);
    return spliced;
  }
}
