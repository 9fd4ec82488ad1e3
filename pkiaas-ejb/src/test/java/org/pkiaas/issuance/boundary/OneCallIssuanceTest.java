package org.pkiaas.issuance.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The one call refuses to run inside a caller's transaction, before it reads or signs anything: a
 * caller waiting for its group must hold no connection its group's writer needs.
 */
class OneCallIssuanceTest {

  @Test
  void refusesACallerWithATransactionOpen() {
    OneCallIssuance oneCall = new OneCallIssuance();
    oneCall.transactions =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, arguments) ->
                    method.getName().equals("getTransactionKey") ? "the caller's" : null);
    // no lookup, signer or store is set: reaching any of them would fail otherwise
    assertThrows(
        IllegalStateException.class,
        () -> oneCall.issue(null, "template", "csr", SignOverrides.NONE));
  }
}
