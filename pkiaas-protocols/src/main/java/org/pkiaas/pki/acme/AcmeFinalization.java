package org.pkiaas.pki.acme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.pkiaas.acme.boundary.AcmeOrders;
import org.pkiaas.acme.boundary.AcmeOrders.OrderState;
import org.pkiaas.pki.acme.AcmeAuthenticator.Authenticated;

/**
 * One transaction of a finalize request (RFC 8555 §7.4): the nonce's use, the account, the order
 * and the certificate commit together. {@link AcmeResource} may run it twice, around the wait for
 * Certificate Transparency logs ({@link org.pkiaas.ct.boundary.LoggedIssuance}); the first run
 * rolls back, nonce use included, so the second sees the request as new.
 */
@ApplicationScoped
public class AcmeFinalization {

  @Inject AcmeAuthenticator authenticator;

  @Inject AcmeOrders orders;

  @Inject AcmeUrls urls;

  /** The order, finalized, as its JSON (§7.1.3), written while the order is still managed. */
  @Transactional
  public JsonObject finalize(String orderId, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.finalizeOrder(orderId));
    AcmePayloads.Finalize payload = AcmePayloads.finalizeOrder(signed.payload());
    OrderState state = orders.finalize(signed.accountId(), orderId, payload.csr());
    return AcmeJson.order(state, urls);
  }
}
