package org.pkiaas.ocsp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.x509.DerMutations;

/**
 * Feeds the OCSP request decoder valid requests and thousands of mangled ones (bit flips,
 * truncation, tampered lengths, random bytes, deep nesting): the only failure it may report is its
 * own {@link MalformedOcspRequestException}; no other exception or error (stack overflow) escapes.
 */
class OcspCodecFuzzTest {

  private static final byte[] SEED =
      request(3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

  static byte[] request(int certificates, byte[] nonce) {
    try {
      OCSPReqBuilder builder = new OCSPReqBuilder();
      for (int i = 0; i < certificates; i++) {
        byte[] hash = new byte[20];
        Arrays.fill(hash, (byte) i);
        builder.addRequest(
            new CertificateID(
                new CertID(
                    new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE),
                    new DEROctetString(hash),
                    new DEROctetString(hash),
                    new ASN1Integer(BigInteger.valueOf(1000L + i)))));
      }
      if (nonce != null) {
        builder.setRequestExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(new DEROctetString(nonce)).getOctets())));
      }
      return builder.build().getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes, accepting success or the codec's own error and nothing else. */
  private static void decodesOrRefuses(byte[] bytes) {
    try {
      OcspCodec.decode(bytes);
    } catch (MalformedOcspRequestException expected) {
      // the codec's own error: answered malformedRequest
    }
  }

  @Test
  void decodesAValidRequest() throws Exception {
    var decoded = OcspCodec.decode(SEED);
    assertEquals(3, decoded.certificateIds().size());
    assertEquals(BigInteger.valueOf(1001), decoded.certificateIds().get(1).getSerialNumber());
    assertArrayEquals(
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, decoded.nonce());
  }

  @Test
  void refusesDeepNestingAsMalformed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // 3,000 nested SEQUENCEs, indefinite-length as well as definite: never a stack overflow
    for (int i = 0; i < 3000; i++) {
      out.write(0x30);
      out.write(0x80);
    }
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(out.toByteArray()));
    assertThrows(
        MalformedOcspRequestException.class,
        () -> OcspCodec.decode(org.pkiaas.x509.DerStructureTest.nested(3000)));
  }

  @Test
  void refusesTooManyCertificatesAndLongNonces() {
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(request(101, null)));
    assertThrows(
        MalformedOcspRequestException.class, () -> OcspCodec.decode(request(1, new byte[33])));
    assertThrows(MalformedOcspRequestException.class, () -> OcspCodec.decode(new byte[20_000]));
  }

  @Property(tries = 3000)
  void bitFlips(
      @ForAll @Size(min = 1, max = 8)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions) {
    decodesOrRefuses(DerMutations.flipBits(SEED, positions));
  }

  @Property(tries = 1000)
  void truncation(@ForAll @IntRange(min = 0, max = 400) int keep) {
    decodesOrRefuses(Arrays.copyOf(SEED, Math.min(keep, SEED.length)));
  }

  @Property(tries = 2000)
  void tamperedLengths(
      @ForAll @IntRange(min = 0, max = 400) int at,
      @ForAll @IntRange(min = 0, max = DerMutations.LENGTH_OCTET_COUNT - 1) int value) {
    decodesOrRefuses(DerMutations.tamper(SEED, at, value));
  }

  @Property(tries = 2000)
  void randomBytes(@ForAll @Size(max = 600) byte[] bytes) {
    decodesOrRefuses(bytes);
  }

  @Property(tries = 1000)
  void randomBytesBehindAnOcspPrefix(
      @ForAll @Size(max = 300) byte[] tail, @ForAll @IntRange(min = 2, max = 60) int keep) {
    decodesOrRefuses(DerMutations.withTail(SEED, keep, tail));
  }

  @Property(tries = 200)
  void deepNesting(@ForAll @IntRange(min = 1, max = 5000) int depth, @ForAll boolean indefinite) {
    decodesOrRefuses(DerMutations.nestedSequences(depth, indefinite));
  }
}
