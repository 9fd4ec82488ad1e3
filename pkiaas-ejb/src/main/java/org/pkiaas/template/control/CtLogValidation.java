package org.pkiaas.template.control;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.template.entity.TemplateSettings.CertificateTransparency;
import org.pkiaas.template.entity.TemplateSettings.CtLog;

/**
 * Checks a template's CT logs: an http(s) URL and a key a log may have (RFC 6962 §2.1.4: ECDSA on
 * NIST P-256 or RSA of at least 2048 bits) for each, no log twice, a sane deadline and window, and
 * a number of required SCTs the logs can meet.
 */
final class CtLogValidation {

  static final int MAX_TIMEOUT_MILLIS = 60_000;

  private CtLogValidation() {}

  static CertificateTransparency validate(CertificateTransparency ct) {
    List<CtLog> logs = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<CtLog> requested = ct.logs() == null ? List.of() : ct.logs();
    if (requested.size() > 8) {
      throw new InvalidInputException("certificateTransparency.logs", "At most 8 CT logs");
    }
    for (int i = 0; i < requested.size(); i++) {
      CtLog log = log("certificateTransparency.logs[" + i + "]", requested.get(i));
      if (!keys.add(log.publicKey())) {
        throw new InvalidInputException(
            "certificateTransparency.logs[" + i + "].publicKey", "This log is listed twice");
      }
      logs.add(log);
    }
    Integer required = ct.sctsRequired();
    if (required != null && (required < 1 || required > logs.size())) {
      throw new InvalidInputException(
          "certificateTransparency.sctsRequired",
          "Between 1 and the number of logs (" + logs.size() + ") SCTs can be required");
    }
    return new CertificateTransparency(List.copyOf(logs), logs.isEmpty() ? null : required);
  }

  private static CtLog log(String field, CtLog log) {
    if (log == null) {
      throw new InvalidInputException(field, "A CT log needs a URL and a public key");
    }
    String url = log.url() == null ? "" : log.url().trim();
    if (url.length() > 1000 || !url.matches("https?://[^\\s,?#]+")) {
      throw new InvalidInputException(field + ".url", "The log URL is an http or https URL");
    }
    String key = log.publicKey() == null ? "" : log.publicKey().replaceAll("\\s", "");
    checkKey(field + ".publicKey", key);
    if (log.notAfterFrom() != null
        && log.notAfterUntil() != null
        && !log.notAfterFrom().isBefore(log.notAfterUntil())) {
      throw new InvalidInputException(
          field + ".notAfterUntil", "The log's window ends after it starts");
    }
    Integer timeout = log.timeoutMillis();
    if (timeout != null && (timeout < 100 || timeout > MAX_TIMEOUT_MILLIS)) {
      throw new InvalidInputException(
          field + ".timeoutMillis", "The deadline is 100 to " + MAX_TIMEOUT_MILLIS + " ms");
    }
    return new CtLog(url, key, log.notAfterFrom(), log.notAfterUntil(), timeout);
  }

  private static void checkKey(String field, String base64) {
    java.security.PublicKey key;
    try {
      key = CaSigners.publicKey(Base64.getDecoder().decode(base64));
    } catch (RuntimeException e) { // whatever the bytes are, they are not a key
      throw new InvalidInputException(
          field, "The log key is the base64 of its DER SubjectPublicKeyInfo");
    }
    boolean allowed =
        key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getOrder().bitLength() == 256
            || key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048;
    if (!allowed) {
      throw new InvalidInputException(
          field, "A CT log key is ECDSA P-256 or RSA of at least 2048 bits (RFC 6962 §2.1.4)");
    }
  }
}
