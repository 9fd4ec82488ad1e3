package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SCEP IP list: addresses and CIDR ranges of both families, and nothing by name. */
class IpAclTest {

  @Test
  void addressesAndRanges() {
    IpAcl acl = IpAcl.parse("127.0.0.1, 10.1.0.0/16\n2001:db8::/32 ::1");
    assertTrue(acl.allows("127.0.0.1"));
    assertFalse(acl.allows("127.0.0.2"));
    assertTrue(acl.allows("10.1.255.3"));
    assertFalse(acl.allows("10.2.0.1"));
    assertTrue(acl.allows("2001:db8:1::5"));
    assertTrue(acl.allows("0:0:0:0:0:0:0:1"));
    assertTrue(acl.allows("[::1]"));
    assertFalse(acl.allows("2001:db9::1"));
    assertTrue(acl.allows("::ffff:127.0.0.1"), "an IPv4-mapped client is its IPv4 address");
  }

  @Test
  void nothingElseMatches() {
    assertFalse(IpAcl.parse(null).allows("127.0.0.1"));
    assertFalse(IpAcl.parse("0.0.0.0/0").allows("::1"), "families are apart");
    assertTrue(IpAcl.parse("0.0.0.0/0").allows("192.0.2.1"));
    assertFalse(IpAcl.parse("localhost, cafe.be").allows("127.0.0.1"), "names are not looked up");
    assertFalse(IpAcl.parse("127.0.0.1").allows("localhost"));
    assertFalse(IpAcl.parse("127.0.0.1").allows(null));
    assertFalse(IpAcl.parse("127.0.0.0/33").allows("127.0.0.1"));
  }
}
