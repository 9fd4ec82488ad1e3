package org.pkiaas.issuance.control;

import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.x509.SubjectAltNames;

/**
 * What a channel verified about a request before it asks for a certificate. The intake policy takes
 * certificate content only from here and from the template, never from the CSR unchecked.
 */
public sealed interface Evidence {

  /**
   * An authenticated administrator looked at the request and decided; null fields keep what was
   * requested (the administrator approved it as shown).
   */
  record AdminDecision(
      X500Name subject, List<SubjectAltNames.Name> subjectAltNames, Integer validityDays)
      implements Evidence {

    public static final AdminDecision AS_REQUESTED = new AdminDecision(null, null, null);
  }

  /**
   * Content an administrator approved before the key existed (pre-approval, approved request); the
   * CSR brings only the key.
   */
  record PreApproved(
      X500Name subject, List<SubjectAltNames.Name> subjectAltNames, Integer validityDays)
      implements Evidence {

    public PreApproved {
      subject = subject == null ? new X500Name(new org.bouncycastle.asn1.x500.RDN[0]) : subject;
      subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    }
  }

  /** The CSR was signed with the key of this still-valid certificate, which the CA issued. */
  record ProvenKey(X509CertificateHolder previous) implements Evidence {

    public ProvenKey {
      Objects.requireNonNull(previous);
    }
  }

  /** The requester proved control of these names (ACME authorizations), and of nothing else. */
  record ValidatedIdentifiers(List<SubjectAltNames.Name> identifiers) implements Evidence {

    public ValidatedIdentifiers {
      identifiers = List.copyOf(identifiers);
    }
  }

  /**
   * The requester presented a secret the template's owner handed out (a SCEP challenge password:
   * the static passphrase, a one-time password): it may ask for what the template allows, as a
   * request an administrator signs as shown, and nothing beyond.
   *
   * @param kind how the secret was checked, for the audit trail (such as {@code static-passphrase})
   */
  record SharedSecret(String kind) implements Evidence {

    public SharedSecret {
      Objects.requireNonNull(kind);
    }
  }
}
