package org.pkiaas.ocsp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.crl.control.CrlStates;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.template.control.IssuingTemplates;
import org.pkiaas.tsa.control.TsaUnits;

/** What another node's retirement or deletion of a CA looks like to this node's watcher. */
class StatusWatcherTest {

  private final Map<String, Long> revisions = new HashMap<>();
  private final List<String> droppedResponders = new ArrayList<>();
  private final List<String> droppedSigners = new ArrayList<>();
  private final List<String> droppedUnits = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();
  private final StatusWatcher watcher = new StatusWatcher();

  @BeforeEach
  void wire() {
    watcher.states =
        new CrlStates() {
          @Override
          public Map<String, Long> revisions() {
            return new HashMap<>(revisions);
          }
        };
    watcher.cache = new OcspCache();
    watcher.responders =
        new Responders() {
          @Override
          public void forget(String caId) {
            droppedResponders.add(caId);
          }
        };
    watcher.signers =
        new CaSigners() {
          @Override
          public void forget(String caId) {
            droppedSigners.add(caId);
            dropped.add("signer " + caId);
          }
        };
    watcher.tsaUnits =
        new TsaUnits() {
          @Override
          public void forget(String caId) {
            droppedUnits.add(caId);
          }
        };
    watcher.issuing =
        new IssuingTemplates() {
          @Override
          public void forgetAll() {
            dropped.add("issuance's templates and CAs");
          }
        };
    revisions.put("retiring", 1L);
    revisions.put("bystander", 5L);
    watcher.poll();
  }

  private void cacheAnswers() {
    for (String caId : List.of("retiring", "bystander")) {
      watcher.cache.putStatus(
          caId,
          "01",
          new KnownStatus(CertificateStatus.VALID, null, null),
          watcher.cache.generation(caId));
    }
  }

  @Test
  void firstSightDropsNoResponderOrSigner() {
    assertEquals(List.of(), droppedSigners);
    assertEquals(List.of(), droppedResponders);
  }

  @Test
  void answersCachedBeforeTheFirstSightOfACaAreDropped() {
    // made, queried here and revoked elsewhere between two beats: the first revision this node
    // sees is already the revoked one, so nothing cached before it can be trusted
    watcher.cache.putStatus(
        "new",
        "01",
        new KnownStatus(CertificateStatus.VALID, null, null),
        watcher.cache.generation("new"));
    revisions.put("new", 2L);

    watcher.poll();

    assertNull(watcher.cache.status("new", "01"));
    assertEquals(List.of(), droppedSigners, "its signer and responder stay");
    assertEquals(List.of(), dropped);
    assertEquals(List.of(), droppedResponders);
  }

  @Test
  void aRetirementElsewhereDropsThatCaOnly() {
    cacheAnswers();
    revisions.put("retiring", 2L);

    watcher.poll();

    assertEquals(List.of("retiring"), droppedSigners);
    assertEquals(List.of("retiring"), droppedResponders);
    assertEquals(List.of("retiring"), droppedUnits, "a retired CA stamps nothing more");
    assertEquals(
        List.of("issuance's templates and CAs", "signer retiring"),
        dropped,
        "what issuance read goes first, so nothing makes the signer again from an active CA");
    assertNull(watcher.cache.status("retiring", "01"));
    assertNotNull(watcher.cache.status("bystander", "01"));
  }

  @Test
  void aDeletionElsewhereDropsThatCaOnceItsRowIsGone() {
    cacheAnswers();
    revisions.remove("retiring");

    watcher.poll();
    watcher.poll();

    assertEquals(List.of("retiring"), droppedSigners, "dropped once, then forgotten");
    assertEquals(List.of("issuance's templates and CAs", "signer retiring"), dropped);
    assertEquals(List.of("retiring"), droppedResponders);
    assertNull(watcher.cache.status("retiring", "01"));
    assertNotNull(watcher.cache.status("bystander", "01"));
  }
}
