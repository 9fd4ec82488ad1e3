package org.pkiaas.hsm.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The server's memory of certified agent identities skips only the signature check of a certificate
 * it saw the same CA key sign, and stays bounded.
 */
class CertifiedIdentitiesTest {

  private final CertifiedIdentities certified = new CertifiedIdentities();
  private final Instant now = Instant.now();

  @Test
  void rememberedIdentityIsStillCheckedForItsValidity() throws Exception {
    KeyPair ca = LinkFixtures.ecKey();
    X509Certificate identity = LinkFixtures.agentIdentity(ca, now).certificate();
    certified.verify(identity, ca.getPublic(), now);
    certified.verify(identity, ca.getPublic(), now.plusSeconds(2));
    assertEquals(1, certified.size());

    LinkRefusedException expired =
        assertThrows(
            LinkRefusedException.class,
            () -> certified.verify(identity, ca.getPublic(), now.plus(Duration.ofMinutes(16))));
    assertEquals("Agent identity not current", expired.getMessage());
  }

  @Test
  void rememberedIdentityPresentedForAnotherCaKeyIsCheckedAgainstThatKey() throws Exception {
    KeyPair ca = LinkFixtures.ecKey();
    X509Certificate identity = LinkFixtures.agentIdentity(ca, now).certificate();
    certified.verify(identity, ca.getPublic(), now);

    LinkRefusedException refused =
        assertThrows(
            LinkRefusedException.class,
            () -> certified.verify(identity, LinkFixtures.ecKey().getPublic(), now));
    assertEquals("Agent identity not signed by the CA key", refused.getMessage());
    assertEquals(1, certified.size());
  }

  @Test
  void anIdentityThatFailsIsNotRemembered() throws Exception {
    KeyPair ca = LinkFixtures.ecKey();
    X509Certificate foreign = LinkFixtures.agentIdentity(LinkFixtures.ecKey(), now).certificate();
    for (int i = 0; i < 2; i++) {
      assertThrows(
          LinkRefusedException.class, () -> certified.verify(foreign, ca.getPublic(), now));
    }
    assertEquals(0, certified.size());
  }

  @Test
  void staysBounded() throws Exception {
    KeyPair ca = LinkFixtures.ecKey();
    KeyPair identityKey = LinkFixtures.ecKey();
    for (int i = 0; i <= CertifiedIdentities.MAX_ENTRIES; i++) {
      X509Certificate identity =
          AgentIdentityCertificates.issue(
              LinkFixtures.CA_SUBJECT,
              identityKey.getPublic(),
              UUID.randomUUID(),
              LinkFixtures.signer(ca.getPrivate()),
              now,
              Duration.ofMinutes(15));
      certified.verify(identity, ca.getPublic(), now);
      assertTrue(certified.size() <= CertifiedIdentities.MAX_ENTRIES);
    }
    assertEquals(1, certified.size());
  }
}
