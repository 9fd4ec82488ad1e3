package org.pkiaas.acme.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pkiaas.problem.InvalidInputException;

/**
 * An ACME policy's pre-approved domains (user guide 5.2): {@code www.example.com} covers exactly
 * that name; {@code *.example.com} covers example.com itself and every name below it, wildcards
 * included. A covered identifier needs no challenge.
 */
public final class PreApprovedDomains {

  private final List<String> domains;

  private PreApprovedDomains(List<String> domains) {
    this.domains = List.copyOf(domains);
  }

  /** Parses a comma-separated list; blank gives none. */
  public static PreApprovedDomains parse(String field, String text) {
    Set<String> parsed = new LinkedHashSet<>();
    if (text != null) {
      for (String item : text.split(",")) {
        if (item.isBlank()) {
          continue;
        }
        String canonical = DnsNames.canonical(item, true);
        if (canonical == null) {
          throw new InvalidInputException(
              field, "'" + item.trim() + "' is not a domain name (or *.domain)");
        }
        parsed.add(canonical);
      }
    }
    return new PreApprovedDomains(new ArrayList<>(parsed));
  }

  /** Whether the canonical DNS name {@code name} (possibly a wildcard) is pre-approved. */
  public boolean covers(String name) {
    for (String domain : domains) {
      if (DnsNames.isWildcard(domain)) {
        String base = DnsNames.base(domain);
        String asked = DnsNames.base(name);
        if (asked.equals(base) || asked.endsWith("." + base)) {
          return true;
        }
      } else if (domain.equals(name)) {
        return true;
      }
    }
    return false;
  }

  public List<String> domains() {
    return domains;
  }

  /** The normalized list as stored: comma-separated. */
  @Override
  public String toString() {
    return String.join(",", domains);
  }
}
