package org.pkiaas.tsa.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.ServiceUrls;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.Timestamping;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.identity.Caller;
import org.pkiaas.input.FieldFormats;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.control.TimestampingSettings;

/**
 * Whether a CA's time-stamp authority answers, and under which policies (RFC 3161 §2.4.1): read and
 * changed by the CA's owner only; another owner's CA is not found. Turned off, {@code
 * /pki/tsa/{caId}} answers 404 for both protocols and the URL leaves the CA's service URLs, on this
 * node from the commit and on the others within a beat of their status watcher.
 */
@Stateless
public class CaTimestamping {

  @Inject CertificateAuthorities cas;

  @Inject TimestampingSettings settings;

  @Inject PkiaasConfig config;

  @Inject Event<TimestampingChanged> changed;

  public TimestampingState read(Caller caller, String caId) {
    return state(cas.get(caller, caId));
  }

  /** The policy of a CA that names none of its own: {@code <arc>.1} of the operator's arc. */
  public String operatorDefaultPolicy() {
    return settings.defaultPolicy().getId();
  }

  @Audited(value = "tsa.settings", objectType = "CA", objectIdArgument = 1, caIdArgument = 1)
  public TimestampingState change(Caller caller, String caId, TimestampingChanges changes) {
    CertificateAuthority ca = cas.get(caller, caId);
    if (changes == null || changes.enabled() == null) {
      throw new InvalidInputException("enabled", "Say whether timestamping is on: true or false");
    }
    String defaultPolicy =
        changes.defaultPolicy() == null || changes.defaultPolicy().isBlank()
            ? null
            : oid("defaultPolicy", changes.defaultPolicy());
    String effectiveDefault =
        defaultPolicy == null ? settings.defaultPolicy().getId() : defaultPolicy;
    List<String> accepted = new ArrayList<>();
    List<String> requested =
        changes.acceptedPolicies() == null ? List.of() : changes.acceptedPolicies();
    for (int i = 0; i < requested.size(); i++) {
      String policy = oid("acceptedPolicies[" + i + "]", requested.get(i));
      if (!policy.equals(effectiveDefault) && !accepted.contains(policy)) {
        accepted.add(policy);
      }
    }
    if (accepted.size() > Timestamping.MAX_ACCEPTED) {
      throw new InvalidInputException(
          "acceptedPolicies",
          "A CA accepts at most " + Timestamping.MAX_ACCEPTED + " policies besides its default");
    }
    ca.changeTimestamping(new Timestamping(changes.enabled(), defaultPolicy, accepted));
    changed.fire(new TimestampingChanged(ca.id()));
    return state(ca);
  }

  private TimestampingState state(CertificateAuthority ca) {
    Timestamping timestamping = ca.timestamping();
    return new TimestampingState(
        timestamping.enabled(),
        timestamping.defaultPolicy() == null
            ? settings.defaultPolicy().getId()
            : timestamping.defaultPolicy(),
        timestamping.defaultPolicy() == null,
        timestamping.acceptedPolicies(),
        ServiceUrls.of(config.pkiUrl(), ca).timestamping());
  }

  /** The policy in canonical dotted form, or a refusal naming the field. */
  private static String oid(String field, String value) {
    String trimmed = value == null ? "" : value.trim();
    ASN1ObjectIdentifier oid =
        trimmed.length() <= FieldFormats.MAX_OID_LENGTH && trimmed.matches(FieldFormats.OID)
            ? ASN1ObjectIdentifier.tryFromID(trimmed)
            : null;
    if (oid == null) {
      throw new InvalidInputException(field, FieldFormats.OID_MESSAGE);
    }
    return oid.getId();
  }
}
