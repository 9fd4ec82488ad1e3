package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.boundary.NonceIssuer;

/**
 * ACME's error language (RFC 8555 §6.7): an {@code application/problem+json} document with an
 * {@code urn:ietf:params:acme:error:*} type, and a fresh Replay-Nonce so that a client can retry
 * after badNonce (§6.5).
 */
@Provider
public class AcmeProblemMapper implements ExceptionMapper<AcmeProblem> {

  static final String PROBLEM_JSON = "application/problem+json";

  /**
   * A Java class name with its message separator, as library exceptions put it in their messages.
   */
  private static final Pattern JAVA_CLASS =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

  @Inject NonceIssuer nonces;

  @Inject AcmeUrls urls;

  @Override
  public Response toResponse(AcmeProblem problem) {
    AcmeError error = problem.error();
    var body =
        JsonP.JSON
            .createObjectBuilder()
            .add("type", error.uri())
            .add("detail", inProtocolWords(problem.getMessage()))
            .add("status", error.status());
    if (error == AcmeError.BAD_SIGNATURE_ALGORITHM) {
      var algorithms = JsonP.JSON.createArrayBuilder();
      JwsMessage.ALGORITHMS.stream().map(Object::toString).sorted().forEach(algorithms::add);
      body.add("algorithms", algorithms);
    }
    var response =
        Response.status(error.status())
            .type(PROBLEM_JSON)
            .entity(body.build().toString())
            .header(AcmeResource.REPLAY_NONCE, nonces.issue())
            .header("Cache-Control", "no-store")
            .header("Link", "<" + urls.directory() + ">;rel=\"index\"");
    if (problem.retryAfterSeconds() > 0) {
      response.header("Retry-After", problem.retryAfterSeconds()); // RFC 8555 §6.6
    }
    return response.build();
  }

  /**
   * The detail without Java class names: a client is told what is wrong with its request, never
   * which class of this server noticed. Details are written so; this catches a library message that
   * slipped into one.
   */
  static String inProtocolWords(String detail) {
    if (detail == null || detail.isBlank()) {
      return "The request could not be processed";
    }
    String cleaned = JAVA_CLASS.matcher(detail).replaceAll("").strip();
    return cleaned.isEmpty() ? "The request could not be processed" : cleaned;
  }
}
