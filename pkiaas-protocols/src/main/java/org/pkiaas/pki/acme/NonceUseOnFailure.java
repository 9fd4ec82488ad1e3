package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.pkiaas.acme.boundary.AcmeNonces;

/**
 * A nonce is used once even by a request that fails (RFC 8555 §6.5): a failed request's transaction
 * rolled back its nonce's use with everything else, so the use is recorded again, on its own,
 * before the answer goes out. A refused request can then not be replayed later, when it might
 * succeed. What counts is whether the transaction committed, not the answer's status.
 */
@Provider
@SignedRequest
public class NonceUseOnFailure implements ContainerResponseFilter {

  @Inject PresentedNonce presented;

  @Inject AcmeNonces nonces;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String nonce = presented.get();
    if (nonce != null && !presented.isCommitted()) {
      nonces.useUp(nonce);
    }
  }
}
