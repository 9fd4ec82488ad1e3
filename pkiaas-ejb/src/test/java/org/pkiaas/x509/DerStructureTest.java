package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERSequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

public class DerStructureTest {

  /**
   * {@code depth} SEQUENCEs, each holding the next, around an INTEGER; also for codecs' fuzz tests.
   */
  public static byte[] nested(int depth) {
    byte[] inner = {0x02, 0x01, 0x05};
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x30);
      writeLength(out, inner.length);
      out.writeBytes(inner);
      inner = out.toByteArray();
    }
    return inner;
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
  }

  @Test
  void acceptsRealDerUpToItsDepth() throws Exception {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(BigInteger.TEN.pow(40)));
    v.add(new DERTaggedObject(true, 3, new DERSequence(new DERUTF8String("x"))));
    v.add(new DERSequence());
    byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
    assertDoesNotThrow(() -> DerStructure.der(3).check(der));
    assertThrows(MalformedDerException.class, () -> DerStructure.der(2).check(der));
  }

  @Test
  void refusesDeepNestingWithoutRecursion() {
    assertDoesNotThrow(() -> DerStructure.der(10).check(nested(10)));
    assertThrows(MalformedDerException.class, () -> DerStructure.der(10).check(nested(11)));
    assertThrows(MalformedDerException.class, () -> DerStructure.der(32).check(nested(3000)));
  }

  @Test
  void refusesLengthsBeyondTheirContainerAndTrailingData() {
    assertThrows(
        MalformedDerException.class,
        () -> DerStructure.der(4).check(new byte[] {0x30, 0x05, 0x02, 0x01}));
    assertThrows(
        MalformedDerException.class,
        () -> DerStructure.der(4).check(new byte[] {0x30, 0x03, 0x02, 0x05, 0x01}));
    assertThrows(
        MalformedDerException.class,
        () -> DerStructure.der(4).check(new byte[] {0x02, 0x01, 0x01, 0x00}));
    assertThrows(
        MalformedDerException.class,
        () -> DerStructure.der(4).check(new byte[] {0x04, (byte) 0x85, 1, 0, 0, 0, 0}));
    assertThrows(
        MalformedDerException.class,
        () -> DerStructure.der(4).check(new byte[] {0x1f, (byte) 0x81}));
    assertThrows(MalformedDerException.class, () -> DerStructure.der(4).check(new byte[0]));
  }

  @Test
  void indefiniteLengthsOnlyWhereBerIsAllowed() throws Exception {
    byte[] ber = new BERSequence(new BERSequence(new ASN1Integer(7))).getEncoded(ASN1Encoding.BER);
    assertDoesNotThrow(() -> DerStructure.ber(4).check(ber));
    assertThrows(MalformedDerException.class, () -> DerStructure.ber(1).check(ber));
    assertThrows(MalformedDerException.class, () -> DerStructure.der(4).check(ber));
    byte[] unclosed = java.util.Arrays.copyOf(ber, ber.length - 2);
    assertThrows(MalformedDerException.class, () -> DerStructure.ber(4).check(unclosed));
  }
}
