package org.pkiaas.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance every PKIaaS builder and key factory names explicitly. It is
 * never added to {@link java.security.Security}: WildFly registers its own, and a second global
 * registration would mix classes from two class loaders.
 */
public final class BouncyCastle {

  public static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
