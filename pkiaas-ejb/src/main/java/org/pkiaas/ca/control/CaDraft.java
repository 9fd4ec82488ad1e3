package org.pkiaas.ca.control;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What a caller asks a new CA to be, before {@link CaCreation} checks it and settles the defaults;
 * the boundary maps its request record onto this. Any field may be null.
 *
 * @param subject the distinguished name; null when the caller gave none
 * @param commonName the subject's common name, the CA's name when none is given
 * @param privateKeyPem an existing key to import; never printed, nor is its password
 */
public record CaDraft(
    String name,
    X500Name subject,
    String commonName,
    String keyType,
    Integer keySize,
    String curve,
    String parameterSet,
    String signatureAlgorithm,
    Integer validityDays,
    Integer pathLength,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    Boolean csrOnly,
    String privateKeyPem,
    String privateKeyPassword,
    String keyStorage) {

  boolean importsKey() {
    return privateKeyPem != null && !privateKeyPem.isBlank();
  }

  @Override
  public String toString() {
    // Never print the imported key or its password.
    return "CaDraft[name=" + name + ", keyType=" + keyType + ", keyStorage=" + keyStorage + "]";
  }
}
