package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.scep.boundary.MalformedScepRequestException;
import org.pkiaas.x509.DerMutations;

/**
 * Feeds the SCEP codec (RFC 8894 §3.2) the pkiMessages real clients sent, mangled thousands of ways
 * by a seeded mutation loop: bit flips, truncation, tampered length octets, random bytes behind a
 * real prefix, and deep nesting. Decoding may only fail with {@link MalformedScepRequestException},
 * and opening the envelope only with {@link ScepFailure}: both become a CertRep FAILURE with a
 * failInfo; nothing else (and no stack overflow) may escape towards a 500.
 */
class ScepCodecFuzzTest {

  private static final List<String> FIXTURES =
      List.of(
          "scepclient-des-sha1.der", "strongswan-des3-sha256.der", "strongswan-aes128-sha256.der");

  private static final Set<String> UNTOUCHED_ENVELOPES = new HashSet<>();

  static {
    for (String fixture : FIXTURES) {
      UNTOUCHED_ENVELOPES.add(digest(PkiMessage.decode(ScepFixtures.bytes(fixture)).envelope()));
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes and, when there is an envelope, opens it; only the codec's own errors may come out. */
  private static void decodesOrRefuses(byte[] bytes) {
    PkiMessage message;
    try {
      message = PkiMessage.decode(bytes);
    } catch (MalformedScepRequestException refused) {
      return;
    }
    // an envelope the mutation left as the client sent it is known to open; decrypting it again
    // would spend the time on RSA instead of on more cases
    if (message.envelope() != null && !UNTOUCHED_ENVELOPES.contains(digest(message.envelope()))) {
      try {
        PkcsPkiEnvelope.open(message.envelope(), List.of(ScepFixtures.caRecipient()));
      } catch (ScepFailure refused) {
        // answered FAILURE with its failInfo
      }
    }
  }

  /** Runs {@code cases} mutations of {@code seed}, reporting which one escaped if any does. */
  private static void mutate(byte[] seed, int cases, long salt, Mutation mutation) {
    Random random = new Random(0x5CE9L ^ salt);
    for (int i = 0; i < cases; i++) {
      byte[] bytes = mutation.apply(seed.clone(), random);
      try {
        decodesOrRefuses(bytes);
      } catch (RuntimeException | StackOverflowError escaped) {
        throw new AssertionError("case " + i + " escaped the codec: " + escaped, escaped);
      }
    }
  }

  private interface Mutation {
    byte[] apply(byte[] bytes, Random random);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scepclient-des-sha1.der", "strongswan-aes128-sha256.der"})
  void bitFlips(String fixture) {
    mutate(
        ScepFixtures.bytes(fixture),
        1500,
        1,
        (bytes, random) -> {
          int flips = 1 + random.nextInt(8);
          for (int f = 0; f < flips; f++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
          }
          return bytes;
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"scepclient-des-sha1.der", "strongswan-des3-sha256.der"})
  void truncation(String fixture) {
    byte[] seed = ScepFixtures.bytes(fixture);
    for (int keep = 0; keep < seed.length; keep += 3) {
      decodesOrRefuses(Arrays.copyOf(seed, keep));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scepclient-des-sha1.der", "strongswan-aes128-sha256.der"})
  void tamperedLengths(String fixture) {
    mutate(
        ScepFixtures.bytes(fixture),
        1500,
        2,
        (bytes, random) ->
            DerMutations.tamper(
                bytes,
                random.nextInt(bytes.length),
                random.nextInt(DerMutations.LENGTH_OCTET_COUNT)));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 40, 400, 1200})
  void randomBytesBehindARealPrefix(int prefix) {
    mutate(
        ScepFixtures.bytes(FIXTURES.get(2)),
        500,
        prefix,
        (bytes, random) -> {
          int keep = Math.min(prefix, bytes.length);
          byte[] tail = new byte[random.nextInt(600)];
          random.nextBytes(tail);
          byte[] mangled = Arrays.copyOf(bytes, keep + tail.length);
          System.arraycopy(tail, 0, mangled, keep, tail.length);
          return mangled;
        });
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void randomBytes(int salt) {
    mutate(
        new byte[0],
        1500,
        10 + salt,
        (bytes, random) -> {
          byte[] noise = new byte[random.nextInt(800)];
          random.nextBytes(noise);
          if (salt == 1 && noise.length > 1) {
            noise[0] = 0x30; // looks like a SEQUENCE
          }
          return noise;
        });
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 3000, 20000})
  void deepNestingIsRefusedNotOverflowed(int depth) {
    for (boolean indefinite : new boolean[] {true, false}) {
      byte[] nested = DerMutations.nestedSequences(depth, indefinite);
      assertThrows(MalformedScepRequestException.class, () -> PkiMessage.decode(nested));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void mangledEnvelopesFailWithAFailInfo(int fixture) {
    byte[] envelope = PkiMessage.decode(ScepFixtures.bytes(FIXTURES.get(fixture))).envelope();
    Random random = new Random(0xE1L + fixture);
    for (int i = 0; i < 400; i++) {
      byte[] bytes = envelope.clone();
      if (i % 2 == 0) {
        int bit = random.nextInt(bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
      } else {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      try {
        PkcsPkiEnvelope.open(bytes, List.of(ScepFixtures.caRecipient()));
      } catch (ScepFailure refused) {
        // FAILURE with badRequest, badAlg or badMessageCheck
      } catch (RuntimeException escaped) {
        throw new AssertionError("envelope case " + i + " escaped: " + escaped, escaped);
      }
    }
    ScepFailure empty =
        assertThrows(
            ScepFailure.class,
            () -> PkcsPkiEnvelope.open(new byte[0], List.of(ScepFixtures.caRecipient())));
    assertEquals(FailInfo.BAD_REQUEST, empty.failInfo());
  }
}
