package org.pkiaas.issuance.control;

import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.SignatureChecks;
import org.pkiaas.x509.DerStructure;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Reads a PKCS#10 certification request (RFC 2986) given as PEM (RFC 7468 §7) or base64 DER, checks
 * its self-signature (proof of possession), and extracts what the profile needs: the key, the
 * subject, the subjectAltName and other extensions of its extensionRequest attribute (RFC 2985
 * §5.4.2).
 */
public final class CsrReader {

  private static final int MAX_LENGTH = 256 * 1024;

  /** RFC 7468 §7, and the legacy label some tools still write. */
  private static final Set<String> PEM_TYPES =
      Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

  /**
   * CertificationRequest → info → attributes → extensionRequest → Extensions → Extension → a
   * GeneralName's inner structure stays under a dozen levels; BER, as some clients send it.
   */
  private static final DerStructure STRUCTURE = DerStructure.ber(32);

  private CsrReader() {}

  /**
   * A CSR whose structure, key type and self-signature have been checked, with the profile's view
   * of it ({@link #request}), read once.
   */
  public record Verified(PKCS10CertificationRequest csr, Request request) {}

  /**
   * Reads a CSR given as PEM or base64 DER: its structure, its key's type and size, its requested
   * extensions and its self-signature are checked, and anything wrong is refused naming {@code
   * field}.
   */
  public static Verified read(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          field, "A CSR (PEM, -----BEGIN CERTIFICATE REQUEST-----) is required");
    }
    if (text.length() > MAX_LENGTH) {
      throw tooLarge(field);
    }
    byte[] der;
    try {
      if (text.contains("-----BEGIN")) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
          PemObject pem = reader.readPemObject();
          if (pem == null || !PEM_TYPES.contains(pem.getType())) {
            throw new InvalidInputException(field, "Expected a CERTIFICATE REQUEST block");
          }
          der = pem.getContent();
        }
      } else {
        der = Base64.getMimeDecoder().decode(text.trim());
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(field, "The CSR could not be parsed");
    }
    return read(field, der);
  }

  /**
   * As {@link #read(String, String)}, for a DER (or BER) CSR such as SCEP's messageData. Within one
   * {@link LoggedIssuance#run}, the same bytes are parsed and verified once: the round that issues
   * with the logs' SCTs takes what the round that made the precertificate found (so the request's
   * names are an unmodifiable list).
   */
  public static Verified read(String field, byte[] der) {
    if (der.length > MAX_LENGTH) {
      throw tooLarge(field);
    }
    return LoggedIssuance.reused(
        "verified CSR", der, Verified.class, () -> parseAndVerify(field, der));
  }

  private static Verified parseAndVerify(String field, byte[] der) {
    PKCS10CertificationRequest csr;
    try {
      // bounded before Bouncy Castle's recursive parser sees it: deep nesting is not a stack
      // overflow
      STRUCTURE.check(der);
      csr = new PKCS10CertificationRequest(der);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(field, "The CSR could not be parsed");
    }
    RequestedKey.check(
        field, key(field, csr)); // before the signature: a huge or odd key costs nothing
    // a malformed extensionRequest is refused here, never later as a server error
    Request request = request(field, csr);
    verify(field, csr);
    return new Verified(csr, request);
  }

  public static byte[] der(PKCS10CertificationRequest csr) {
    try {
      return csr.getEncoded();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static PKCS10CertificationRequest fromDer(byte[] der) {
    try {
      return new PKCS10CertificationRequest(der);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The profile's view of the request: key, subject, names and requested extensions. Anything that
   * does not decode (a repeated extension, a name of the wrong string type, an empty otherName) is
   * the requester's error, named {@code field}.
   */
  public static Request request(String field, PKCS10CertificationRequest csr) {
    try {
      Extensions requested = requestedExtensions(field, csr);
      GeneralNames names =
          requested == null
              ? null
              : GeneralNames.fromExtensions(requested, Extension.subjectAlternativeName);
      List<SubjectAltNames.Name> parsed = SubjectAltNames.of(field, names);
      return new Request(
          key(field, csr),
          X500Name.getInstance(csr.getSubject().toASN1Primitive()),
          List.copyOf(parsed),
          requested);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          field, "The CSR's subject or requested extensions cannot be read: " + reason(e));
    }
  }

  static Extensions requestedExtensions(String field, PKCS10CertificationRequest csr) {
    Attribute[] attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
    if (attributes.length > 1
        || attributes.length == 1 && attributes[0].getAttrValues().size() != 1) {
      throw new InvalidInputException(
          field, "A CSR has at most one extensionRequest attribute, with one value");
    }
    // Extensions.getInstance refuses a repeated extension (RFC 5280 §4.2)
    return attributes.length == 0
        ? null
        : Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
  }

  private static SubjectPublicKeyInfo key(String field, PKCS10CertificationRequest csr) {
    SubjectPublicKeyInfo key = csr.getSubjectPublicKeyInfo();
    if (key == null) {
      throw new InvalidInputException(field, "The CSR has no public key");
    }
    return key;
  }

  private static InvalidInputException tooLarge(String field) {
    return new InvalidInputException(field, "The CSR is larger than " + MAX_LENGTH / 1024 + " KiB");
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "malformed";
    }
    // one line, printable, short: the message goes back to an unauthenticated client
    String line = message.lines().findFirst().orElse("").replaceAll("[^\\x20-\\x7e]", "?");
    return line.length() > 120 ? line.substring(0, 120) : line;
  }

  private static void verify(String field, PKCS10CertificationRequest csr) {
    boolean valid;
    try {
      valid = csr.isSignatureValid(SignatureChecks.of(csr.getSubjectPublicKeyInfo()));
    } catch (Exception e) {
      valid = false;
    }
    if (!valid) {
      throw new InvalidInputException(
          field, "The CSR's signature does not verify with its own key");
    }
  }
}
