package org.pkiaas.scep.boundary;

/**
 * Where a template's SCEP services are reached (user guide 6.1.2, 6.3.2), under the public base
 * URL: the SCEP URL, the NDES compatible admin page, and the SCEP URL under the path NDES clients
 * use.
 */
public record ScepUrls(String scep, String ndesAdmin, String ndesScep) {

  public static ScepUrls of(String publicUrl, String templateId) {
    return new ScepUrls(
        publicUrl + "/pki/scep/" + templateId,
        publicUrl + "/ndes/" + templateId + "/certsrv/mscep_admin/",
        publicUrl + "/pki/ndes/" + templateId + "/certsrv/mscep/mscep.dll");
  }
}
