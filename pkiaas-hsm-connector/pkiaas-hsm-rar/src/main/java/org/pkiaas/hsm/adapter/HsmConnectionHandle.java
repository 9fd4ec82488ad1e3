package org.pkiaas.hsm.adapter;

import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmLinkState;
import org.pkiaas.hsm.HsmUnavailableException;

/**
 * What a caller holds: a handle on a pooled {@link HsmManagedConnection}.
 *
 * <p>Closing it returns the managed connection to the pool; using it after that, or after the
 * container cleaned the managed connection up, throws {@link IllegalStateException}.
 */
public final class HsmConnectionHandle implements HsmConnection {

  private volatile HsmManagedConnection owner;
  private final AtomicBoolean closed = new AtomicBoolean();

  HsmConnectionHandle(HsmManagedConnection owner) {
    this.owner = owner;
  }

  @Override
  public byte[] sign(PublicKey caKey, String algorithm, byte[] data) throws HsmException {
    return open().sign(caKey, algorithm, data);
  }

  @Override
  public HsmLinkState linkState(PublicKey caKey) {
    return open().linkState(caKey);
  }

  @Override
  public byte[] linkCertificate() throws HsmUnavailableException {
    return open().linkCertificate();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      owner.handleClosed(this);
    }
  }

  /** Re-points this handle at another managed connection (connection sharing). */
  synchronized void moveTo(HsmManagedConnection newOwner) {
    owner.release(this);
    owner = newOwner;
    newOwner.adopt(this);
  }

  /** Marks this handle unusable without firing a close event: the container already knows. */
  void invalidate() {
    closed.set(true);
  }

  private HsmManagedConnection open() {
    if (closed.get()) {
      throw new IllegalStateException("This HSM connection is closed");
    }
    return owner;
  }
}
