package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/** Method 1 of RFC 5280 §4.2.1.2: the SHA-1 of the key bits, whichever thread asks. */
class KeyIdentifiersTest {

  @Test
  void theSubjectKeyIdentifierIsTheSha1OfTheKeyBits() throws Exception {
    SubjectPublicKeyInfo key = key(new Random(1));

    assertArrayEquals(sha1(key), KeyIdentifiers.subject(key).getKeyIdentifier());
  }

  /**
   * Issuance builds certificates on many threads at once: each must get its own key's identifier (a
   * digest shared between threads mixed their keys' bytes, and a CT issuance's second round then
   * built another TBS than its precertificate's).
   */
  @Test
  void threadsAtOnceEachGetTheirOwnKeysIdentifier() throws Exception {
    Random random = new Random(2);
    List<SubjectPublicKeyInfo> keys = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      keys.add(key(random));
      expected.add(sha1(keys.get(i)));
    }
    AtomicInteger wrong = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        running.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    int k = (i + offset) % keys.size();
                    byte[] id = KeyIdentifiers.subject(keys.get(k)).getKeyIdentifier();
                    if (!java.util.Arrays.equals(expected.get(k), id)) {
                      wrong.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(0, wrong.get(), "identifiers of another key or of mixed bytes");
  }

  private static SubjectPublicKeyInfo key(Random random) {
    byte[] point = new byte[65];
    random.nextBytes(point);
    point[0] = 4;
    return new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, X9ObjectIdentifiers.prime256v1),
        point);
  }

  private static byte[] sha1(SubjectPublicKeyInfo key) throws Exception {
    return MessageDigest.getInstance("SHA-1").digest(key.getPublicKeyData().getBytes());
  }
}
