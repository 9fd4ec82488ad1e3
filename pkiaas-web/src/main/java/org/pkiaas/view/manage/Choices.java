package org.pkiaas.view.manage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.x509.SanType;

/** The fixed option lists the console's forms offer: key usages, purposes, starters, reasons. */
@Named
@ApplicationScoped
public class Choices {

  private static final List<String> KEY_USAGES =
      List.of(
          "digitalSignature",
          "nonRepudiation",
          "keyEncipherment",
          "dataEncipherment",
          "keyAgreement",
          "keyCertSign",
          "cRLSign",
          "encipherOnly",
          "decipherOnly");

  /** The purposes the template editor offers as check boxes; any other is typed in as an OID. */
  public static final List<String> EXTENDED_KEY_USAGES =
      List.of(
          "serverAuth",
          "clientAuth",
          "codeSigning",
          "emailProtection",
          "timeStamping",
          "OCSPSigning",
          "smartcardLogon",
          "kdcAuth",
          "documentSigning");

  public List<String> getKeyUsages() {
    return KEY_USAGES;
  }

  public List<String> getExtendedKeyUsages() {
    return EXTENDED_KEY_USAGES;
  }

  public List<StarterTemplate> getStarters() {
    return Arrays.asList(StarterTemplate.values());
  }

  public List<SanType> getSanTypes() {
    return Arrays.asList(SanType.values());
  }

  public List<RevocationReason> getRevocationReasons() {
    return Arrays.stream(RevocationReason.values())
        .filter(r -> r != RevocationReason.AA_COMPROMISE)
        .toList();
  }
}
