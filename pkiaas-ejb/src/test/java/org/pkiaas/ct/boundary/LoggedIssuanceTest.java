package org.pkiaas.ct.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.ct.control.SctList;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * What a run of rounds keeps from one round to the next: the result of a pure computation, for the
 * very same bytes only, and only within that run.
 */
class LoggedIssuanceTest {

  private final LoggedIssuance logged = new LoggedIssuance();
  private final Transactions transactions = new Transactions();
  private final AtomicInteger computed = new AtomicInteger();
  private final AtomicInteger asked = new AtomicInteger();

  LoggedIssuanceTest() {
    logged.transactions = transactions;
    logged.transparency = answering(null);
    logged.waiting = new Semaphore(1);
  }

  /** Logs whose answers make {@code sctList} (any answers: the rounds are what is tested). */
  private CertificateTransparency answering(Extension sctList) {
    return logs(() -> new CertificateTransparency.Embedding(new byte[0], sctList, List.of()));
  }

  /** Logs that answer each precertificate with what {@code answer} gives or throws. */
  private CertificateTransparency logs(Supplier<CertificateTransparency.Embedding> answer) {
    return new CertificateTransparency() {
      @Override
      public Embedding embed(
          TemplateSettings.CertificateTransparency ct,
          X509CertificateHolder precertificate,
          X509CertificateHolder issuer,
          List<byte[]> issuers,
          String caId,
          String templateId,
          String requestId,
          String channel) {
        asked.incrementAndGet();
        return answer.get();
      }
    };
  }

  @Test
  void withAPlaceFreeTheLogsAreAskedInsideTheTransactionWhichRunsOnce() {
    Extension sctList = new Extension(SctList.EXTENSION, false, new byte[] {4, 0});
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger placesWhileAsking = new AtomicInteger(-1);
    logged.transparency =
        logs(
            () -> {
              placesWhileAsking.set(logged.waiting.availablePermits());
              return new CertificateTransparency.Embedding(new byte[0], sctList, List.of());
            });

    Extension embedded =
        logged.run(
            () -> {
              rounds.incrementAndGet();
              return inTransaction(() -> logged.embed(pending())).sctList();
            });

    assertSame(sctList, embedded);
    assertEquals(1, rounds.get());
    assertEquals(1, asked.get());
    assertEquals(0, placesWhileAsking.get(), "the waiting transaction holds the one place");
    assertEquals(1, logged.waiting.availablePermits(), "and gives it back");
  }

  @Test
  void withEveryPlaceTakenThePrecertificateGoesOutBetweenTwoRounds() {
    logged.waiting = new Semaphore(0);
    AtomicInteger rounds = new AtomicInteger();

    logged.run(
        () -> {
          if (rounds.getAndIncrement() == 0) {
            inTransaction(() -> logged.embed(pending()));
          }
          assertTrue(LoggedIssuance.answered() != null, "the logs answered between the rounds");
          return null;
        });

    assertEquals(2, rounds.get());
    assertEquals(1, asked.get());
  }

  @Test
  void aCallerWithNoTransactionOpenAsksAtOnceAndTakesNoPlace() {
    logged.waiting = new Semaphore(0);
    Extension sctList = new Extension(SctList.EXTENSION, false, new byte[] {4, 0});
    logged.transparency = answering(sctList);
    AtomicInteger rounds = new AtomicInteger();

    Extension embedded =
        logged.run(
            () -> {
              rounds.incrementAndGet();
              Extension answer = logged.embed(pending()).sctList();
              assertSame(sctList, LoggedIssuance.answered().embedding().sctList(), "kept");
              return answer;
            });

    assertSame(sctList, embedded);
    assertEquals(1, rounds.get(), "one round, though no place was free");
    assertEquals(1, asked.get());
    assertEquals(0, logged.waiting.availablePermits());
  }

  @Test
  void logsThatFailInsideTheTransactionFailItAndFreeThePlace() {
    logged.transparency =
        logs(
            () -> {
              throw new TransparencyFailure("Certificate Transparency: 0 valid SCT(s), 1 required");
            });
    AtomicInteger rounds = new AtomicInteger();

    TransparencyFailure failure =
        assertThrows(
            TransparencyFailure.class,
            () ->
                logged.run(
                    () -> {
                      rounds.incrementAndGet();
                      return inTransaction(() -> logged.embed(pending()));
                    }));

    assertEquals("Certificate Transparency: 0 valid SCT(s), 1 required", failure.getMessage());
    assertEquals(1, rounds.get());
    assertEquals(1, logged.waiting.availablePermits());
  }

  @Test
  void theSecondRoundTakesWhatTheFirstComputedFromTheSameBytes() {
    Object[] results = new Object[2];

    twoRounds(
        round ->
            results[round] =
                LoggedIssuance.reused("csr", new byte[] {1, 2, 3}, Object.class, fresh()));

    assertEquals(1, asked.get());
    assertEquals(1, computed.get());
    assertSame(results[0], results[1]);
  }

  @Test
  void otherBytesOrAnotherKindOfResultAreComputedAfresh() {
    twoRounds(
        round -> {
          byte[] input = round == 0 ? new byte[] {1, 2, 3} : new byte[] {1, 2, 4};
          LoggedIssuance.reused("csr", input, Object.class, fresh());
          LoggedIssuance.reused("tbs", new byte[] {1, 2, 3}, Object.class, fresh());
        });

    // round 1: csr and tbs of {1,2,3}; round 2: csr of {1,2,4}; the tbs of {1,2,3} is kept
    assertEquals(3, computed.get());
  }

  @Test
  void bytesChangedAfterTheFirstRoundDoNotFindItsResult() {
    byte[] input = {1, 2, 3};

    twoRounds(
        round -> {
          LoggedIssuance.reused("csr", input, Object.class, fresh());
          input[0] = 9;
        });

    assertEquals(2, computed.get());
  }

  @Test
  void nothingIsKeptOutsideARunOrFromOneRunToTheNext() {
    LoggedIssuance.reused("csr", new byte[] {1}, Object.class, fresh());
    LoggedIssuance.reused("csr", new byte[] {1}, Object.class, fresh());
    logged.run(() -> LoggedIssuance.reused("csr", new byte[] {1}, Object.class, fresh()));
    logged.run(() -> LoggedIssuance.reused("csr", new byte[] {1}, Object.class, fresh()));

    assertEquals(4, computed.get());
  }

  @Test
  void aComputationThatFailsLeavesNothingBehind() {
    Supplier<Object> failing =
        () -> {
          computed.incrementAndGet();
          throw new IllegalArgumentException("bad signature");
        };

    twoRounds(
        round ->
            assertThrows(
                IllegalArgumentException.class,
                () -> LoggedIssuance.reused("csr", new byte[] {1}, Object.class, failing)));

    assertEquals(2, computed.get());
  }

  @Test
  void aCsrIsVerifiedOnceForItsBytesAndAnyOtherBytesAreVerifiedAgain() throws Exception {
    byte[] der = csr().getEncoded();
    byte[] forged = der.clone();
    forged[forged.length - 1] ^= 1; // the signature's last byte
    CsrReader.Verified[] parsed = new CsrReader.Verified[2];

    twoRounds(
        round -> {
          parsed[round] = CsrReader.read("csr", der);
          if (round == 1) {
            InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> CsrReader.read("csr", forged));
            assertEquals(
                "The CSR's signature does not verify with its own key", refused.getMessage());
          }
        });

    assertSame(parsed[0].csr(), parsed[1].csr());
    assertSame(parsed[0].request(), parsed[1].request());
  }

  @Test
  void theRoundThatIssuedWithTheLogsAnswersListsTheirVerifiedSctsAndNoOtherDoes() {
    X509CertificateHolder certificate = fixture("embedded-scts.pem");
    Extension sctList = certificate.getExtension(SctList.EXTENSION);
    TemplateSettings.CtLog log =
        new TemplateSettings.CtLog(
            "https://ct.example/test", text("test-log-key.b64").strip(), null, null, null);
    logged.transparency = answering(sctList);
    AtomicInteger rounds = new AtomicInteger();
    List<?> found =
        logged.run(
            () -> {
              if (rounds.getAndIncrement() == 0) {
                assertNull(LoggedIssuance.verifiedAtIssuance(sctList, "ca", "template"));
                throw new PrecertificateReady(
                    pending(new TemplateSettings.CertificateTransparency(List.of(log), null)));
              }
              assertNull(LoggedIssuance.verifiedAtIssuance(sctList, "other ca", "template"));
              assertNull(
                  LoggedIssuance.verifiedAtIssuance(
                      new Extension(SctList.EXTENSION, false, new byte[] {4, 0}),
                      "ca",
                      "template"));
              return LoggedIssuance.verifiedAtIssuance(sctList, "ca", "template");
            });

    EmbeddedTimestamps.Embedded sct = (EmbeddedTimestamps.Embedded) found.get(0);
    assertEquals(1, found.size());
    assertEquals("https://ct.example/test", sct.logUrl());
    assertTrue(sct.verified());
    assertNull(LoggedIssuance.verifiedAtIssuance(sctList, "ca", "template"), "outside the run");
  }

  private static X509CertificateHolder fixture(String name) {
    return org.pkiaas.pem.Pem.certificates("fixture", text(name)).get(0);
  }

  private static String text(String name) {
    try (java.io.InputStream in = LoggedIssuanceTest.class.getResourceAsStream("/ct/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code body} as the rounds of one {@link LoggedIssuance#run}: the first ends with a
   * precertificate for the logs, the second issues.
   */
  private void twoRounds(IntConsumer body) {
    AtomicInteger rounds = new AtomicInteger();
    logged.run(
        () -> {
          int round = rounds.getAndIncrement();
          body.accept(round);
          if (round == 0) {
            throw new PrecertificateReady(pending());
          }
          return null;
        });
    assertEquals(2, rounds.get());
  }

  private static PKCS10CertificationRequest csr() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ct.test"), keys.getPublic())
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(BouncyCastle.PROVIDER)
                .build(keys.getPrivate()));
  }

  private Supplier<Object> fresh() {
    return () -> {
      computed.incrementAndGet();
      return new Object();
    };
  }

  private static PrecertificateReady.Pending pending() {
    return pending(null);
  }

  private static PrecertificateReady.Pending pending(
      TemplateSettings.CertificateTransparency settings) {
    return new PrecertificateReady.Pending(
        settings,
        null,
        null,
        List.of(),
        "ca",
        "template",
        "request",
        "API",
        BigInteger.TEN,
        null,
        null);
  }

  /** What {@code body} returns, run as inside the issuing transaction of a round. */
  private <T> T inTransaction(Supplier<T> body) {
    transactions.key = "a transaction";
    try {
      return body.get();
    } finally {
      transactions.key = null;
    }
  }

  /**
   * A caller outside any transaction, as {@link LoggedIssuance#run} requires, until a round opens
   * one ({@link #inTransaction}).
   */
  private static final class Transactions implements TransactionSynchronizationRegistry {
    private Object key;

    @Override
    public Object getTransactionKey() {
      return key;
    }

    @Override
    public void putResource(Object key, Object value) {
      throw new IllegalStateException();
    }

    @Override
    public Object getResource(Object key) {
      throw new IllegalStateException();
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      throw new IllegalStateException();
    }

    @Override
    public int getTransactionStatus() {
      return jakarta.transaction.Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
      throw new IllegalStateException();
    }

    @Override
    public boolean getRollbackOnly() {
      throw new IllegalStateException();
    }
  }
}
