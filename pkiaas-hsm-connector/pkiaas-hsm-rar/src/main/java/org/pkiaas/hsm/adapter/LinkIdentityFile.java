package org.pkiaas.hsm.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import org.pkiaas.hsm.link.LinkIdentity;

/**
 * Loads the server's link identity from a PKCS#12 file: an EC P-256 key with key usages {@code
 * digitalSignature} and {@code keyAgreement}, and its certificate, which every agent pins. All
 * nodes of a cluster use the same file.
 */
final class LinkIdentityFile {

  private LinkIdentityFile() {}

  static LinkIdentity load(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        return new LinkIdentity(
            (PrivateKey) store.getKey(alias, password),
            (X509Certificate) store.getCertificate(alias));
      }
    }
    throw new GeneralSecurityException("No key in the link identity file " + file);
  }
}
