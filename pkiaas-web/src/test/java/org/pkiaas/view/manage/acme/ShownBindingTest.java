package org.pkiaas.view.manage.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShownBindingTest {

  @Test
  void anHttpsDirectoryGetsTheTrustHintOfEachClient() {
    ShownBinding shown =
        new ShownBinding("https://pki.test:8443/pki/acme/directory", "kid1", "key1");
    String[] certbot = shown.certbot().split("\n");
    assertEquals(
        "certbot register --server https://pki.test:8443/pki/acme/directory --eab-kid kid1"
            + " --eab-hmac-key key1 --agree-tos -m YOU@EXAMPLE.COM",
        certbot[0]);
    assertTrue(
        certbot[1].startsWith("# ") && certbot[1].contains("REQUESTS_CA_BUNDLE="), certbot[1]);
    String[] lego = shown.lego().split("\n");
    assertTrue(lego[0].startsWith("lego --server https://pki.test:8443/"), lego[0]);
    assertTrue(lego[1].startsWith("# ") && lego[1].contains("LEGO_CA_CERTIFICATES="), lego[1]);
  }

  @Test
  void aPlainHttpDirectoryNeedsNoHint() {
    ShownBinding shown = new ShownBinding("http://localhost:8080/pki/acme/directory", "k", "h");
    assertEquals(1, shown.certbot().lines().count());
    assertEquals(1, shown.lego().lines().count());
  }
}
