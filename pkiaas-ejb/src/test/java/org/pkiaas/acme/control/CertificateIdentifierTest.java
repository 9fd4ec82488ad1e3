package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.pkiaas.acme.boundary.AcmeProblem;

class CertificateIdentifierTest {

  /**
   * The example of RFC 9773 §4.1: keyIdentifier
   * 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4, serial 00:87:65:43:21.
   */
  @Test
  void readsTheRfcExample() {
    CertificateIdentifier id = CertificateIdentifier.parse("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
    assertArrayEquals(
        new byte[] {
          0x69,
          (byte) 0x88,
          0x5B,
          0x6B,
          (byte) 0x87,
          0x46,
          0x40,
          0x41,
          (byte) 0xE1,
          (byte) 0xB3,
          0x7B,
          (byte) 0x84,
          0x7B,
          (byte) 0xA0,
          (byte) 0xAE,
          0x2C,
          (byte) 0xDE,
          0x01,
          (byte) 0xC8,
          (byte) 0xD4
        },
        id.keyIdentifier());
    assertEquals(new BigInteger("87654321", 16), id.serial());
  }

  @Test
  void refusesWhatIsNoIdentifier() {
    assertThrows(AcmeProblem.class, () -> CertificateIdentifier.parse("no-dot"));
    assertThrows(AcmeProblem.class, () -> CertificateIdentifier.parse(".AIdlQyE"));
    assertThrows(AcmeProblem.class, () -> CertificateIdentifier.parse("a.b.c"));
    assertThrows(AcmeProblem.class, () -> CertificateIdentifier.parse("a!.AIdlQyE"));
  }
}
