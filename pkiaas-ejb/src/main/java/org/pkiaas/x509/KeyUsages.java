package org.pkiaas.x509;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.pkiaas.input.FieldFormats;
import org.pkiaas.problem.InvalidInputException;

/**
 * Names of key usages (RFC 5280 §4.2.1.3) and extended key usages (§4.2.1.12) as the API and
 * console write them, and their encodings. EKUs may also be given as dotted OIDs.
 */
public final class KeyUsages {

  private static final Map<String, Integer> KEY_USAGES = new LinkedHashMap<>();
  private static final Map<String, KeyPurposeId> PURPOSES = new LinkedHashMap<>();
  private static final Pattern OID = Pattern.compile(FieldFormats.OID);

  static {
    KEY_USAGES.put("digitalSignature", KeyUsage.digitalSignature);
    KEY_USAGES.put("nonRepudiation", KeyUsage.nonRepudiation);
    KEY_USAGES.put("keyEncipherment", KeyUsage.keyEncipherment);
    KEY_USAGES.put("dataEncipherment", KeyUsage.dataEncipherment);
    KEY_USAGES.put("keyAgreement", KeyUsage.keyAgreement);
    KEY_USAGES.put("keyCertSign", KeyUsage.keyCertSign);
    KEY_USAGES.put("cRLSign", KeyUsage.cRLSign);
    KEY_USAGES.put("encipherOnly", KeyUsage.encipherOnly);
    KEY_USAGES.put("decipherOnly", KeyUsage.decipherOnly);
    PURPOSES.put("serverAuth", KeyPurposeId.id_kp_serverAuth);
    PURPOSES.put("clientAuth", KeyPurposeId.id_kp_clientAuth);
    PURPOSES.put("codeSigning", KeyPurposeId.id_kp_codeSigning);
    PURPOSES.put("emailProtection", KeyPurposeId.id_kp_emailProtection);
    PURPOSES.put("timeStamping", KeyPurposeId.id_kp_timeStamping);
    PURPOSES.put("OCSPSigning", KeyPurposeId.id_kp_OCSPSigning);
    PURPOSES.put("smartcardLogon", KeyPurposeId.id_kp_smartcardlogon);
    PURPOSES.put("kdcAuth", KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.2.3.5")));
    PURPOSES.put(
        "documentSigning",
        KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")));
    PURPOSES.put("anyExtendedKeyUsage", KeyPurposeId.anyExtendedKeyUsage);
  }

  private KeyUsages() {}

  /** The canonical names of {@code names}, in the order given, duplicates removed. */
  public static List<String> keyUsageNames(String field, List<String> names) {
    List<String> canonical = new ArrayList<>();
    for (String name : names) {
      String match =
          KEY_USAGES.keySet().stream()
              .filter(k -> k.equalsIgnoreCase(name.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          field, "Unknown key usage '" + name + "'; use " + KEY_USAGES.keySet()));
      if (!canonical.contains(match)) {
        canonical.add(match);
      }
    }
    return canonical;
  }

  public static KeyUsage keyUsage(List<String> canonicalNames) {
    int bits = 0;
    for (String name : canonicalNames) {
      bits |= KEY_USAGES.get(name);
    }
    return new KeyUsage(bits);
  }

  /** Canonical EKU names, or dotted OIDs for purposes without a name here. */
  public static List<String> extendedKeyUsageNames(String field, List<String> names) {
    List<String> canonical = new ArrayList<>();
    for (String name : names) {
      String trimmed = name.trim();
      String match =
          PURPOSES.keySet().stream()
              .filter(k -> k.equalsIgnoreCase(trimmed))
              .findFirst()
              .orElseGet(
                  () -> {
                    if (OID.matcher(trimmed).matches()) {
                      return trimmed;
                    }
                    throw new InvalidInputException(
                        field,
                        "Unknown extended key usage '"
                            + name
                            + "'; use "
                            + PURPOSES.keySet()
                            + " or a dotted OID");
                  });
      if (!canonical.contains(match)) {
        canonical.add(match);
      }
    }
    return canonical;
  }

  public static ExtendedKeyUsage extendedKeyUsage(List<String> canonicalNames) {
    KeyPurposeId[] purposes =
        canonicalNames.stream()
            .map(
                n ->
                    PURPOSES.containsKey(n)
                        ? PURPOSES.get(n)
                        : KeyPurposeId.getInstance(new ASN1ObjectIdentifier(n)))
            .toArray(KeyPurposeId[]::new);
    return new ExtendedKeyUsage(purposes);
  }

  public static String join(List<String> names) {
    return String.join(",", names);
  }

  public static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(","));
  }
}
