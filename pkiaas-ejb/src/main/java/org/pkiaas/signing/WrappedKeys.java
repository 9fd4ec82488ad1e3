package org.pkiaas.signing;

import java.util.Optional;

/**
 * A place that keeps keys wrapped under the master key ({@link KeyWrapper}). Each component that
 * stores such keys provides one bean, so {@link MasterKeyGuard} can tell an empty database from one
 * whose keys another master key wrapped, without signing knowing their entities.
 */
public interface WrappedKeys {

  /** One stored key, to prove the master key opens it; empty when this place holds none. */
  Optional<Wrapped> any();

  /** A wrapped key and the context it was wrapped under. */
  record Wrapped(byte[] key, String context) {}
}
