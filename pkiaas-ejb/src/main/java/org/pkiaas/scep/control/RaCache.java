package org.pkiaas.scep.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pkiaas.ca.boundary.CaWithdrawn;
import org.pkiaas.scep.control.RegistrationAuthorities.Ra;

/**
 * This node's unwrapped RA of each CA, by the credential it came from: unwrapping the RSA key and
 * parsing the certificate for every SCEP message cost as much as a database read, and the answer is
 * the same for the RA's whole life. Which credential is current is still read on every request, so
 * a renewed, revoked or withdrawn RA is never served from here: a different credential id replaces
 * the entry. One entry per CA that has answered SCEP on this node; the keys are held in memory as
 * every CA signer's key is.
 */
@ApplicationScoped
public class RaCache {

  private record Entry(String credentialId, Ra ra) {}

  private final Map<String, Entry> byCa = new ConcurrentHashMap<>();

  /** The RA of {@code caId} from credential {@code credentialId}, loaded once per credential. */
  Ra get(String caId, String credentialId, Supplier<Ra> load) {
    Entry entry = byCa.get(caId);
    if (entry != null && entry.credentialId().equals(credentialId)) {
      return entry.ra();
    }
    Ra ra = load.get();
    byCa.put(caId, new Entry(credentialId, ra));
    return ra;
  }

  /** A retired or deleted CA's RA key leaves this node's memory. */
  void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaWithdrawn event) {
    byCa.remove(event.caId());
  }
}
