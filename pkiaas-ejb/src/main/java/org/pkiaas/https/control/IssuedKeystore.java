package org.pkiaas.https.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The PKCS#12 file {@code issued-https.p12} beside the HTTPS listener's configured key store: the
 * key manager of module {@code org.pkiaas.tls} serves it in preference to that key store, and reads
 * it again at the first handshake after it changed. It is replaced by an atomic move of a complete
 * file that only the server's user can read, so no handshake sees half of one.
 */
public final class IssuedKeystore {

  /** The file's name; module org.pkiaas.tls looks for the same. */
  public static final String FILE = "issued-https.p12";

  static final String ALIAS = "pkiaas-https";

  private final Path configured;
  private final Path file;
  private final char[] password;

  public IssuedKeystore(Path configuredKeystore, String password) {
    this.configured = configuredKeystore.toAbsolutePath();
    this.file = configured.resolveSibling(FILE);
    this.password = Objects.requireNonNull(password).toCharArray();
  }

  public Path file() {
    return file;
  }

  /** The chain it holds, leaf first; empty when there is no readable file. */
  public Optional<List<X509Certificate>> chain() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      Certificate[] chain = store.getCertificateChain(ALIAS);
      if (chain == null || chain.length == 0) {
        return Optional.empty();
      }
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : chain) {
        certificates.add((X509Certificate) certificate);
      }
      return Optional.of(certificates);
    } catch (IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The certificate the listener serves: this file's, or else the first key entry's of the
   * configured key store (same password); empty when neither can be read.
   */
  public Optional<X509Certificate> served() {
    Optional<List<X509Certificate>> issued = chain();
    if (issued.isPresent()) {
      return Optional.of(issued.get().get(0));
    }
    try (InputStream in = Files.newInputStream(configured)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    } catch (IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** Replaces the file with {@code key} and {@code chain} (DER certificates, leaf first). */
  public void write(PrivateKey key, List<byte[]> chain) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Certificate[] certificates = new Certificate[chain.size()];
      for (int i = 0; i < certificates.length; i++) {
        certificates[i] = factory.generateCertificate(new ByteArrayInputStream(chain.get(i)));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, certificates);
      Path directory = file.getParent();
      Files.createDirectories(directory);
      Path temporary =
          Files.createTempFile(
              directory,
              ".issued-https",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          store.store(out, password);
        }
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot build the key store " + file, e);
    }
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("The file system of " + file + " cannot replace a file atomically", e);
    }
  }

  /** Removes the file, so the listener falls back to the configured key store. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }
}
