package org.pkiaas.ct.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;

/**
 * The JSON of RFC 6962 §4.1 and §4.2: the {@code add-chain} / {@code add-pre-chain} request body
 * and the SCT a log answers with.
 */
public final class CtJson {

  /** Far above any real answer (about 200 bytes); a longer body is not an SCT. */
  public static final int MAX_ANSWER_BYTES = 16 * 1024;

  /**
   * Looked up once: each {@code Json.create...} call looks the provider up again through the
   * service loader, which cost more than the rest of a log submission's JSON.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private CtJson() {}

  /** {@code {"chain": [base64 DER, ...]}}: the (pre)certificate first, then its issuers. */
  public static String addChainRequest(List<byte[]> chain) {
    JsonArrayBuilder certificates = JSON.createArrayBuilder();
    for (byte[] der : chain) {
      certificates.add(Base64.getEncoder().encodeToString(der));
    }
    return JSON.createObjectBuilder().add("chain", certificates).build().toString();
  }

  /**
   * The SCT of an {@code add-chain} answer: {@code sct_version}, {@code id}, {@code timestamp},
   * {@code extensions} and {@code signature}, the binary ones base64.
   */
  public static SignedCertificateTimestamp sct(String body) {
    if (body.length() > MAX_ANSWER_BYTES) {
      throw new CtFormatException("The answer is too long to be an SCT");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonObject json = reader.readObject();
      int version = json.getInt("sct_version");
      if (version != SignedCertificateTimestamp.V1) {
        throw new CtFormatException("Unknown sct_version " + version);
      }
      JsonNumber timestamp = json.getJsonNumber("timestamp");
      if (timestamp == null || !timestamp.isIntegral()) {
        throw new CtFormatException("The timestamp is not an integer");
      }
      return new SignedCertificateTimestamp(
          version,
          base64(json, "id"),
          timestamp.longValueExact(),
          json.containsKey("extensions") ? base64(json, "extensions") : new byte[0],
          DigitallySigned.decode(base64(json, "signature")));
    } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
      throw new CtFormatException("The answer is not an RFC 6962 SCT: " + e.getMessage(), e);
    }
  }

  private static byte[] base64(JsonObject json, String name) {
    try {
      return Base64.getDecoder().decode(json.getString(name));
    } catch (IllegalArgumentException e) {
      throw new CtFormatException("'" + name + "' is not base64", e);
    }
  }
}
