package org.pkiaas.pki.acme;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.pkiaas.acme.boundary.AcmeProblem;

/**
 * Feeds the ACME request reader (RFC 8555 §6.2: the flattened JWS of RFC 7515 §7.2.2, its protected
 * header and its JSON payload, then the §7 payload readers) real requests mangled thousands of
 * ways: flipped bits and cut text in the body, in the decoded header and in the decoded payload
 * (each encoded again, so the mangling reaches the inner parsers), random text and deep nesting.
 * The only failure any step may report is {@link AcmeProblem}, which the resource answers as an
 * ACME problem document; nothing else may escape towards a 500.
 */
class AcmeRequestFuzzTest {

  private static final String URL = "https://pki.example/pki/acme/new-order";
  private static final ECKey KEY = key();

  private static final String NEW_ORDER =
      "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"a.example\"},"
          + "{\"type\":\"ip\",\"value\":\"192.0.2.1\"}],\"replaces\":\"abc.def\"}";
  private static final String NEW_ACCOUNT =
      "{\"termsOfServiceAgreed\":true,\"contact\":[\"mailto:a@example.test\"],"
          + "\"externalAccountBinding\":{\"protected\":\"e30\",\"payload\":\"e30\","
          + "\"signature\":\"AA\"}}";
  private static final String REVOKE = "{\"certificate\":\"MAoGA1UEAwwDYWJj\",\"reason\":4}";

  private static final List<String> PAYLOADS = List.of(NEW_ORDER, NEW_ACCOUNT, REVOKE, "");

  /** A real ES256 signature, over other content: a body's signature fails, it does not crash. */
  private static final String SIGNATURE = signature();

  private static String signature() {
    try {
      JWSObject jws =
          new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), new Payload("x"));
      jws.sign(new ECDSASigner(KEY));
      return jws.getSignature().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey key() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header() {
    return new JWSHeader.Builder(JWSAlgorithm.ES256)
        .jwk(KEY.toPublicJWK())
        .type(JOSEObjectType.JOSE)
        .customParam("nonce", "bm9uY2U")
        .customParam("url", URL)
        .build()
        .toBase64URL()
        .toString();
  }

  /** A flattened JWS signed over exactly these (possibly mangled) header and payload texts. */
  private static String body(String headerJson, String payloadJson) {
    String header = b64(headerJson);
    String payload = b64(payloadJson);
    return "{\"protected\":\""
        + header
        + "\",\"payload\":\""
        + payload
        + "\",\"signature\":\""
        + SIGNATURE
        + "\"}";
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String headerJson() {
    return new String(Base64.getUrlDecoder().decode(header()), StandardCharsets.UTF_8);
  }

  /** Every step a request goes through before the boundary decides; only AcmeProblem may leave. */
  private static void readsOrRefuses(String body) {
    JwsMessage message;
    try {
      message = JwsMessage.parse(body);
    } catch (AcmeProblem refused) {
      return;
    }
    try {
      if (message.jwk() != null) {
        message.verify(JwsMessage.verifier(message.jwk()));
      }
    } catch (AcmeProblem refused) {
      // badSignatureAlgorithm, badPublicKey or malformed
    }
    JsonObject payload = message.payloadOrEmpty();
    for (Function<JsonObject, ?> reader :
        List.<Function<JsonObject, ?>>of(
            AcmePayloads::newOrder,
            AcmePayloads::newAccount,
            AcmePayloads::accountUpdate,
            AcmePayloads::revokeCert,
            AcmePayloads::finalizeOrder,
            AcmePayloads::keyChange)) {
      try {
        reader.apply(payload);
      } catch (AcmeProblem refused) {
        // malformed, rejectedIdentifier, unsupportedIdentifier, badCSR ...
      }
    }
  }

  private static String flip(String text, List<Integer> positions) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return text;
    }
    for (int position : positions) {
      int bit = position % (bytes.length * 8);
      bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Property(tries = 2000)
  void bitFlipsInTheBody(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @Size(min = 1, max = 6)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    readsOrRefuses(flip(body(headerJson(), PAYLOADS.get(which)), positions));
  }

  @Property(tries = 2000)
  void bitFlipsInTheProtectedHeader(
      @ForAll @Size(min = 1, max = 6)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    readsOrRefuses(body(flip(headerJson(), positions), NEW_ORDER));
  }

  @Property(tries = 3000)
  void bitFlipsInThePayload(
      @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll @Size(min = 1, max = 6)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    readsOrRefuses(body(headerJson(), flip(PAYLOADS.get(which), positions)));
  }

  @Property(tries = 1000)
  void truncation(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @IntRange(min = 0, max = 2000) int keep,
      @ForAll @IntRange(min = 0, max = 2) int where) {
    String header = headerJson();
    String payload = PAYLOADS.get(which);
    String body =
        switch (where) {
          case 0 -> body(header, payload);
          case 1 -> body(header.substring(0, Math.min(keep, header.length())), payload);
          default -> body(header, payload.substring(0, Math.min(keep, payload.length())));
        };
    readsOrRefuses(where == 0 ? body.substring(0, Math.min(keep, body.length())) : body);
  }

  @Property(tries = 2000)
  void randomText(@ForAll @StringLength(max = 400) String text, @ForAll boolean asPayload) {
    readsOrRefuses(asPayload ? body(headerJson(), text) : text);
  }

  @Property(tries = 300)
  void deepNesting(
      @ForAll @IntRange(min = 1, max = 3000) int depth,
      @ForAll @IntRange(min = 0, max = 2) int where) {
    String deep = "[".repeat(depth) + "]".repeat(depth);
    String body =
        switch (where) {
          case 0 -> "{\"protected\":" + deep + "}";
          case 1 -> body("{\"alg\":\"ES256\",\"x\":" + deep + "}", NEW_ORDER);
          default -> body(headerJson(), "{\"identifiers\":" + deep + "}");
        };
    readsOrRefuses(body);
  }
}
