package org.pkiaas.ct.control;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ct.boundary.EmbeddedTimestamps.Embedded;
import org.pkiaas.template.entity.TemplateSettings.CtLog;

/**
 * The SCTs embedded in a certificate (RFC 6962 §3.3), each checked against the log of that id among
 * {@code logs}: over the precert entry rebuilt from the certificate itself (its TBS without the SCT
 * list, and its issuer's key hash), as a relying party checks it.
 */
public final class EmbeddedScts {

  private EmbeddedScts() {}

  /** Empty when the certificate embeds no SCT list. */
  public static List<Embedded> check(
      X509CertificateHolder certificate, X509CertificateHolder issuer, List<CtLog> logs) {
    SctList list;
    try {
      list = SctList.of(certificate.getExtensions());
    } catch (CtFormatException e) {
      return List.of(
          new Embedded(null, null, null, false, "unreadable SCT list: " + e.getMessage()));
    }
    if (list == null) {
      return List.of();
    }
    LogEntry entry = Precertificates.entryOfCertificate(certificate, issuer);
    List<Embedded> checked = new ArrayList<>();
    for (SignedCertificateTimestamp sct : list.timestamps()) {
      CtLog log = logOf(sct, logs);
      String problem =
          log == null
              ? "no log of the template has this id"
              : SctVerifier.forLog(log.publicKey()).problem(sct, entry);
      checked.add(
          new Embedded(
              sct.logIdHex(),
              log == null ? null : log.url(),
              sct.time(),
              problem == null,
              problem));
    }
    return checked;
  }

  /**
   * The SCTs of {@code list} as verified already, each with its log among {@code logs}: for a
   * certificate whose issuance has just checked every one of them against those logs' keys, over
   * the same entry ({@code LoggedIssuance}); null if one names no log of {@code logs}.
   */
  public static List<Embedded> verifiedAtIssuance(SctList list, List<CtLog> logs) {
    List<Embedded> verified = new ArrayList<>();
    for (SignedCertificateTimestamp sct : list.timestamps()) {
      CtLog log = logOf(sct, logs);
      if (log == null) {
        return null;
      }
      verified.add(new Embedded(sct.logIdHex(), log.url(), sct.time(), true, null));
    }
    return verified;
  }

  private static CtLog logOf(SignedCertificateTimestamp sct, List<CtLog> logs) {
    return logs.stream()
        .filter(l -> SctVerifier.forLog(l.publicKey()).logIdHex().equals(sct.logIdHex()))
        .findFirst()
        .orElse(null);
  }
}
