package org.pkiaas.tsa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;
import org.pkiaas.x509.DerMutations;
import org.pkiaas.x509.DerStructureTest;

/**
 * Feeds both time-stamp request decoders, RFC 3161 §2.4.1 {@code TimeStampReq} and the Authenticode
 * legacy request, requests made by {@code openssl ts -query} and {@code osslsigncode} mangled
 * thousands of ways (bit flips, truncation, tampered lengths, random bytes, deep nesting). The only
 * failure either may report is {@link TimeStampRejected}, which the authority answers as a
 * PKIStatusInfo rejection (or a 400 for Authenticode); nothing else, and no stack overflow, may
 * escape towards a 500.
 */
class TimeStampCodecFuzzTest {

  private static final List<byte[]> RFC3161_SEEDS =
      List.of(
          fixture("sha256-nonce-cert.tsq"),
          fixture("sha512-nonce-cert.tsq"),
          fixture("policy-1.2.3.4.5.tsq"));

  /** The DER inside osslsigncode's base64 request. */
  private static final byte[] AUTHENTICODE_SEED =
      Base64.getMimeDecoder()
          .decode(new String(fixture("authenticode-request.b64"), StandardCharsets.US_ASCII));

  private static byte[] fixture(String name) {
    try {
      return TimeStampCodecTest.fixture(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Both decoders on the same bytes, accepting a decoded request or their own refusal only. */
  private static void decodesOrRefuses(byte[] bytes) {
    try {
      TimeStampCodec.decode(bytes);
    } catch (TimeStampRejected refused) {
      // answered with PKIStatus rejection and its failInfo
    }
    try {
      AuthenticodeCodec.decode(bytes);
    } catch (TimeStampRejected refused) {
      // answered 400
    }
  }

  private static byte[] seed(int which) {
    return which < RFC3161_SEEDS.size() ? RFC3161_SEEDS.get(which) : AUTHENTICODE_SEED;
  }

  @Property(tries = 3000)
  void bitFlips(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @Size(min = 1, max = 8)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    decodesOrRefuses(DerMutations.flipBits(seed(which), positions));
  }

  @Property(tries = 1000)
  void truncation(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @IntRange(min = 0, max = 600) int keep) {
    byte[] seed = seed(which);
    decodesOrRefuses(Arrays.copyOf(seed, Math.min(keep, seed.length)));
  }

  @Property(tries = 2000)
  void tamperedLengths(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @IntRange(min = 0, max = 600) int at,
      @ForAll @IntRange(min = 0, max = DerMutations.LENGTH_OCTET_COUNT - 1) int value) {
    decodesOrRefuses(DerMutations.tamper(seed(which), at, value));
  }

  @Property(tries = 2000)
  void randomBytes(@ForAll @Size(max = 600) byte[] bytes) {
    decodesOrRefuses(bytes);
  }

  @Property(tries = 1000)
  void randomBytesBehindARealPrefix(
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @Size(max = 300) byte[] tail,
      @ForAll @IntRange(min = 2, max = 60) int keep) {
    decodesOrRefuses(DerMutations.withTail(seed(which), keep, tail));
  }

  @Property(tries = 200)
  void deepNesting(@ForAll @IntRange(min = 1, max = 5000) int depth, @ForAll boolean indefinite) {
    decodesOrRefuses(DerMutations.nestedSequences(depth, indefinite));
  }

  @Property(tries = 300)
  void base64OfMangledAuthenticodeRequests(
      @ForAll @Size(min = 1, max = 8)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    byte[] mangled = DerMutations.flipBits(AUTHENTICODE_SEED, positions);
    decodesOrRefuses(Base64.getMimeEncoder().encode(mangled));
  }

  @Test
  void deepNestingWithinTheSizeLimitIsRefusedAsBadDataFormat() {
    // 4,000 nested indefinite-length SEQUENCEs fit in the 8 KiB request limit
    byte[] nested = DerMutations.nestedSequences(4000, true);
    TimeStampRejected rfc3161 =
        assertThrows(TimeStampRejected.class, () -> TimeStampCodec.decode(nested));
    assertEquals(FailInfo.BAD_DATA_FORMAT, rfc3161.failInfo());
    TimeStampRejected authenticode =
        assertThrows(TimeStampRejected.class, () -> AuthenticodeCodec.decode(nested));
    assertEquals(FailInfo.BAD_DATA_FORMAT, authenticode.failInfo());
    byte[] definite = DerStructureTest.nested(3000);
    assertThrows(TimeStampRejected.class, () -> TimeStampCodec.decode(definite));
  }
}
