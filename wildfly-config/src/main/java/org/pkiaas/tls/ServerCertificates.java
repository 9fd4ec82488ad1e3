package org.pkiaas.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A JCA provider with one key manager factory, {@code PKIaaSServerCertificates}, for the HTTPS
 * listener: its key manager reads the server's key and chain from a PKCS#12 file again at the first
 * handshake after the file changed, so a renewed certificate is served without a restart or a
 * management operation. Two files are watched, both opened with the key store's password:
 *
 * <ul>
 *   <li>{@code issued-https.p12} beside the configured key store, written by PKIaaS when one of its
 *       own CAs issues the server certificate (docs/operator-guide.md, "HTTPS", option a); when
 *       present and readable it wins;
 *   <li>the configured key store ({@code pkiaas.https.keystore} / {@code PKIAAS_HTTPS_KEYSTORE},
 *       default {@code jboss.server.config.dir/pkiaas/https.p12}), the same path WildFly's key
 *       store {@code pkiaas-https} loads.
 * </ul>
 *
 * When neither can be read, the key store WildFly loaded at start answers. Writers replace a file
 * by an atomic move, so a handshake never reads half a file.
 */
public final class ServerCertificates extends Provider {

  private static final long serialVersionUID = 1L;

  public static final String ALGORITHM = "PKIaaSServerCertificates";

  /** The file PKIaaS writes beside the configured key store when one of its CAs issues. */
  public static final String ISSUED_FILE = "issued-https.p12";

  public ServerCertificates() {
    super(
        "PKIaaS-TLS-Server", "1.0", "PKIaaS: server certificates re-read when their file changes");
    putService(
        new Service(this, "KeyManagerFactory", ALGORITHM, Factory.class.getName(), null, null));
  }

  /** The configured key store's path, resolved as WildFly's key store {@code pkiaas-https} does. */
  static Path configuredKeystore() {
    String path = System.getProperty("pkiaas.https.keystore");
    if (path == null || path.isBlank()) {
      path = System.getenv("PKIAAS_HTTPS_KEYSTORE");
    }
    if (path == null || path.isBlank()) {
      return Path.of(System.getProperty("jboss.server.config.dir", "."), "pkiaas", "https.p12");
    }
    return Path.of(path);
  }

  /** The factory: remembers the password and the key store WildFly loaded, as the last resort. */
  public static final class Factory extends KeyManagerFactorySpi {

    private Reloading keyManager;

    @Override
    protected void engineInit(KeyStore keyStore, char[] password) throws KeyStoreException {
      Path configured = configuredKeystore().toAbsolutePath();
      Path issued = configured.resolveSibling(ISSUED_FILE);
      try {
        keyManager = new Reloading(new Path[] {issued, configured}, password, keyStore);
      } catch (GeneralSecurityException e) {
        throw new KeyStoreException("Cannot use the HTTPS key store", e);
      }
    }

    /** The JCA's other way in, which Elytron never takes: refused as the SPI says. */
    @Override
    protected void engineInit(ManagerFactoryParameters parameters)
        throws InvalidAlgorithmParameterException {
      throw new InvalidAlgorithmParameterException("initialise with a key store and its password");
    }

    @Override
    protected KeyManager[] engineGetKeyManagers() {
      if (keyManager == null) {
        throw new IllegalStateException("not initialised");
      }
      return new KeyManager[] {keyManager};
    }
  }

  /**
   * One loaded key store: the JDK's key manager over it, and a generation that prefixes the aliases
   * it hands out, so that a handshake that chose an alias before a reload gets the chain and key of
   * the same load.
   */
  record Loaded(long generation, Object source, X509ExtendedKeyManager keyManager) {}

  /** The key manager; thread-safe, as handshakes run in parallel. */
  static final class Reloading extends X509ExtendedKeyManager {

    private static final Logger LOG = Logger.getLogger(ServerCertificates.class.getName());
    private static final char SEPARATOR = '/';

    private final Path[] files;
    private final char[] password;
    private final KeyStore fallback;
    private volatile Loaded current;
    private volatile Loaded previous;
    private long generations;

    Reloading(Path[] files, char[] password, KeyStore fallback) throws GeneralSecurityException {
      this.files = files.clone();
      this.password = password == null ? new char[0] : password.clone();
      this.fallback = Objects.requireNonNull(fallback);
      refresh();
      if (current == null) {
        current = load(fallback, "the key store WildFly loaded");
      }
    }

    /** Loads the first readable file again when it is another one or changed since last time. */
    synchronized void refresh() {
      for (Path file : files) {
        Object stamp = stamp(file);
        if (stamp == null) {
          continue;
        }
        if (current != null && stamp.equals(current.source())) {
          return;
        }
        try (InputStream in = Files.newInputStream(file)) {
          KeyStore store = KeyStore.getInstance("PKCS12");
          store.load(in, password);
          Loaded loaded = load(store, stamp);
          previous = current;
          current = loaded;
          LOG.info(() -> "HTTPS: serving the certificate in " + file);
          return;
        } catch (IOException | GeneralSecurityException e) {
          LOG.log(Level.WARNING, "HTTPS: cannot read " + file + "; trying the next source", e);
        }
      }
      if (current != null && !(current.source() instanceof String)) {
        try {
          previous = current;
          current = load(fallback, "the key store WildFly loaded");
          LOG.info("HTTPS: serving the certificate of the key store WildFly loaded at start");
        } catch (GeneralSecurityException e) {
          LOG.log(Level.WARNING, "HTTPS: cannot use the key store WildFly loaded", e);
        }
      }
    }

    /** The file's identity and version (path, size, modification time), or null when absent. */
    private static Object stamp(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return java.util.List.of(
            file.toString(),
            attributes.size(),
            attributes.lastModifiedTime().toMillis(),
            String.valueOf(attributes.fileKey()));
      } catch (IOException e) {
        return null;
      }
    }

    private Loaded load(KeyStore store, Object source) throws GeneralSecurityException {
      KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
      factory.init(store, password);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509ExtendedKeyManager x509) {
          return new Loaded(++generations, source, x509);
        }
      }
      throw new GeneralSecurityException("no X.509 key manager for " + source);
    }

    /** The current load, after looking at the files: called once per handshake. */
    private Loaded fresh() {
      refresh();
      return current;
    }

    private static String prefixed(Loaded loaded, String alias) {
      return alias == null ? null : loaded.generation() + String.valueOf(SEPARATOR) + alias;
    }

    /** An alias handed out, resolved: the load it came from and the alias within it. */
    private record Chosen(Loaded loaded, String alias) {}

    /** The load an alias came from (the current or the one before), and the alias within it. */
    private Chosen resolve(String alias) {
      int at = alias == null ? -1 : alias.indexOf(SEPARATOR);
      if (at < 0) {
        return null;
      }
      String generation = alias.substring(0, at);
      for (Loaded loaded : new Loaded[] {current, previous}) {
        if (loaded != null && String.valueOf(loaded.generation()).equals(generation)) {
          return new Chosen(loaded, alias.substring(at + 1));
        }
      }
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      Loaded loaded = fresh();
      return prefixed(loaded, loaded.keyManager().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      Loaded loaded = fresh();
      return prefixed(
          loaded, loaded.keyManager().chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      Loaded loaded = fresh();
      String[] aliases = loaded.keyManager().getServerAliases(keyType, issuers);
      if (aliases == null) {
        return null;
      }
      String[] result = new String[aliases.length];
      for (int i = 0; i < aliases.length; i++) {
        result[i] = prefixed(loaded, aliases[i]);
      }
      return result;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      Chosen chosen = resolve(alias);
      return chosen == null
          ? null
          : chosen.loaded().keyManager().getCertificateChain(chosen.alias());
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      Chosen chosen = resolve(alias);
      return chosen == null ? null : chosen.loaded().keyManager().getPrivateKey(chosen.alias());
    }

    /** The listener never acts as a TLS client. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return null;
    }
  }
}
