package org.pkiaas.tsa.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;

/**
 * The policies a CA's time-stamping unit grants tokens under (RFC 3161 §2.4.1): its default, named
 * in every token whose request names no policy, and the others a request may ask for by reqPolicy.
 * Any other requested policy is refused with {@code unacceptedPolicy} (§2.4.2).
 */
public record TsaPolicies(ASN1ObjectIdentifier defaultPolicy, Set<ASN1ObjectIdentifier> accepted) {

  public TsaPolicies {
    Objects.requireNonNull(defaultPolicy);
    accepted = Set.copyOf(accepted);
  }

  /** Only the default policy. */
  public static TsaPolicies only(ASN1ObjectIdentifier defaultPolicy) {
    return new TsaPolicies(defaultPolicy, Set.of());
  }

  /**
   * The policy a token is granted under: the requested one when the CA accepts it, the default when
   * the request names none.
   *
   * @throws TimeStampRejected {@code unacceptedPolicy} for any other
   */
  public ASN1ObjectIdentifier grant(ASN1ObjectIdentifier requested) throws TimeStampRejected {
    if (requested == null || requested.equals(defaultPolicy)) {
      return defaultPolicy;
    }
    if (accepted.contains(requested)) {
      return requested;
    }
    throw new TimeStampRejected(
        FailInfo.UNACCEPTED_POLICY,
        "This TSA stamps under policy " + String.join(", ", ids()) + " only");
  }

  /** The dotted OIDs it grants under, the default first. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    ids.add(defaultPolicy.getId());
    accepted.stream().map(ASN1ObjectIdentifier::getId).sorted().forEach(ids::add);
    return ids;
  }
}
