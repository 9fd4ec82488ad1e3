package org.pkiaas.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254",
        "169.254.0.1",
        "fe80::1",
        "febf::1",
        "0.0.0.0",
        "0.1.2.3",
        "::",
        "224.0.0.1",
        "255.255.255.255",
        "ff02::1",
        "100.100.100.200",
        "168.63.129.16",
        "fd00:ec2::254",
        "::ffff:169.254.169.254",
        "::169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:a9fe:a9fe::1"
      })
  void metadataLinkLocalAndUnroutableAddressesAreRefused(String literal) throws Exception {
    assertTrue(OutboundAddresses.refused(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "::1",
        "10.0.0.5",
        "192.168.1.10",
        "172.16.0.1",
        "93.184.216.34",
        "2001:db8::1",
        "fd00::1",
        "fec0::1",
        "64:ff9b::5db8:d822",
        "169.253.255.255",
        "169.255.0.0"
      })
  void ordinaryPrivateAndLoopbackAddressesAreAllowed(String literal) throws Exception {
    assertFalse(OutboundAddresses.refused(InetAddress.getByName(literal)), literal);
  }

  @org.junit.jupiter.api.Test
  void literalsAreReadWithoutLookingAnythingUp() {
    assertTrue(OutboundAddresses.refusedLiteral("169.254.169.254"));
    assertTrue(OutboundAddresses.refusedLiteral("fe80::1"));
    assertFalse(OutboundAddresses.refusedLiteral("127.0.0.1"));
    assertFalse(
        OutboundAddresses.refusedLiteral("metadata.google.internal"), "a name is no literal");
  }
}
