package org.pkiaas.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

  @Test
  void tenThousandSerialsArePositiveLongAndDistinct() throws Exception {
    Set<BigInteger> seen = new HashSet<>();
    int highBitSet = 0;
    for (int i = 0; i < 10_000; i++) {
      BigInteger serial = SerialNumbers.random();
      assertEquals(1, serial.signum(), "serial " + serial);
      assertTrue(
          serial.bitLength() >= 64 && serial.bitLength() <= 127,
          "serial of " + serial.bitLength() + " bits");
      // RFC 5280 §4.1.2.2: no more than 20 octets in the DER INTEGER's content
      byte[] der = new ASN1Integer(serial).getEncoded();
      assertTrue(der.length - 2 <= 20, "serial of " + (der.length - 2) + " octets");
      assertTrue(seen.add(serial), "duplicate serial " + serial);
      if (serial.bitLength() == 127) {
        highBitSet++;
      }
    }
    // 127 random bits: about half the serials use the top bit; far fewer would mean a weaker source
    assertTrue(highBitSet > 4_000 && highBitSet < 6_000, highBitSet + " of 10000 have 127 bits");
  }

  @Test
  void hexIsLowerCaseWithoutPadding() {
    assertEquals("ff", SerialNumbers.hex(BigInteger.valueOf(255)));
    assertEquals("1000000000000000a", SerialNumbers.hex(new BigInteger("1000000000000000a", 16)));
    BigInteger serial = SerialNumbers.random();
    assertEquals(serial, new BigInteger(SerialNumbers.hex(serial), 16));
  }
}
