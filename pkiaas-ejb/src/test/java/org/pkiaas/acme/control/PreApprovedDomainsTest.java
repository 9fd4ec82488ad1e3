package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pkiaas.problem.InvalidInputException;

class PreApprovedDomainsTest {

  @Test
  void aWildcardCoversTheApexAndEverySubdomain() {
    PreApprovedDomains domains = PreApprovedDomains.parse("d", "*.example.com");
    assertTrue(domains.covers("example.com"));
    assertTrue(domains.covers("www.example.com"));
    assertTrue(domains.covers("a.b.example.com"));
    assertTrue(domains.covers("*.example.com"));
    assertTrue(domains.covers("*.sub.example.com"));
    assertFalse(domains.covers("badexample.com"));
    assertFalse(domains.covers("example.com.evil.test"));
  }

  @Test
  void aPlainNameCoversOnlyItself() {
    PreApprovedDomains domains = PreApprovedDomains.parse("d", "www.example.org");
    assertTrue(domains.covers("www.example.org"));
    assertFalse(domains.covers("example.org"));
    assertFalse(domains.covers("a.www.example.org"));
    assertFalse(domains.covers("*.www.example.org"));
  }

  @Test
  void theListIsNormalized() {
    assertEquals(
        "*.example.com,www.example.org",
        PreApprovedDomains.parse("d", " *.Example.COM, www.example.org,,*.example.com").toString());
    assertEquals("", PreApprovedDomains.parse("d", null).toString());
    assertThrows(InvalidInputException.class, () -> PreApprovedDomains.parse("d", "not a domain"));
    assertThrows(
        InvalidInputException.class, () -> PreApprovedDomains.parse("d", "www.*.example.com"));
  }

  @Test
  void dnsNamesAreCheckedAndCanonical() {
    assertEquals("www.example.com", DnsNames.canonical("WWW.Example.com", false));
    assertEquals("*.example.com", DnsNames.canonical("*.example.com", true));
    assertNull(DnsNames.canonical("*.example.com", false));
    assertNull(DnsNames.canonical("*.com", true));
    assertNull(DnsNames.canonical("localhost", false));
    assertNull(DnsNames.canonical("-bad.example.com", false));
    assertNull(DnsNames.canonical("exa_mple.com", false));
    assertNull(DnsNames.canonical("example.com.", false));
    assertNull(DnsNames.canonical("192.0.2.1", false), "an IPv4 address is no DNS name");
    assertNull(DnsNames.canonical("bücher.example", false), "U-labels are sent as A-labels");
    assertEquals("xn--bcher-kva.example", DnsNames.canonical("xn--bcher-kva.example", false));
  }
}
