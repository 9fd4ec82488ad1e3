package org.pkiaas.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A CA's time-stamp authority as its owner set it: whether it answers at all, the policy its tokens
 * name when the request names none (null: the operator's default), and the other policies a request
 * may ask for (RFC 3161 §2.4.1, reqPolicy). Policies are dotted OIDs, checked by the boundary that
 * changes them.
 */
@Embeddable
public class Timestamping {

  /** The most policies a CA accepts besides its default. */
  public static final int MAX_ACCEPTED = 16;

  @Column(name = "tsa_enabled", nullable = false)
  private boolean enabled;

  @Column(name = "tsa_default_policy")
  private String defaultPolicy;

  /** Dotted OIDs separated by single spaces; null for none. */
  @Column(name = "tsa_accepted_policies")
  private String acceptedPolicies;

  protected Timestamping() {
    // JPA
  }

  public Timestamping(boolean enabled, String defaultPolicy, List<String> acceptedPolicies) {
    this.enabled = enabled;
    this.defaultPolicy = defaultPolicy;
    List<String> accepted =
        List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(acceptedPolicies)));
    if (accepted.size() > MAX_ACCEPTED) {
      throw new IllegalArgumentException("At most " + MAX_ACCEPTED + " accepted policies");
    }
    this.acceptedPolicies = accepted.isEmpty() ? null : String.join(" ", accepted);
  }

  /** What a CA starts with: stamping, under the operator's default policy only. */
  public static Timestamping byDefault() {
    return new Timestamping(true, null, List.of());
  }

  public boolean enabled() {
    return enabled;
  }

  /** The CA's own default policy, or null for the operator's. */
  public String defaultPolicy() {
    return defaultPolicy;
  }

  /** The policies a request may ask for besides the default, in the order the owner gave them. */
  public List<String> acceptedPolicies() {
    return acceptedPolicies == null || acceptedPolicies.isBlank()
        ? List.of()
        : Arrays.asList(acceptedPolicies.trim().split(" +"));
  }
}
