package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.NonceIssuer;
import org.pkiaas.acme.boundary.AcmeProblem;

/**
 * ACME's error language (RFC 8555 §6.7): an {@code application/problem+json} document with an
 * {@code urn:ietf:params:acme:error:*} type, and a fresh Replay-Nonce so that a client can retry
 * after badNonce (§6.5).
 */
@Provider
public class AcmeProblemMapper implements ExceptionMapper<AcmeProblem> {

    static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    NonceIssuer nonces;

    @Inject
    AcmeUrls urls;

    @Override
    public Response toResponse(AcmeProblem problem) {
        AcmeError error = problem.error();
        var body = JsonP.JSON.createObjectBuilder().add("type", error.uri()).add("detail", problem.getMessage()).add("status", error.status());
        if (error == AcmeError.BAD_SIGNATURE_ALGORITHM) {
            var algorithms = JsonP.JSON.createArrayBuilder();
            JwsMessage.ALGORITHMS.stream().map(Object::toString).sorted().forEach(algorithms::add);
            body.add("algorithms", algorithms);
        }
        return Response.status(error.status()).type(PROBLEM_JSON).entity(body.build().toString())
                .header(AcmeResource.REPLAY_NONCE, nonces.issue()).header("Cache-Control", "no-store")
                .header("Link", "<" + urls.directory() + ">;rel=\"index\"").build();
    }
}
