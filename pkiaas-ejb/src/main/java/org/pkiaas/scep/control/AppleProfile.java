package org.pkiaas.scep.control;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/**
 * An Apple configuration profile that enrolls a device by SCEP without MDM (Apple's
 * device-management schema {@code com.apple.security.scep} and {@code com.apple.security.root}):
 * the XML property list, signed as CMS SignedData with the content attached (RFC 5652 §5), as
 * Apple's "signed profile" is.
 */
public final class AppleProfile {

  /** What the profile tells the device. */
  public record Content(
      String displayName,
      String identifier,
      String scepUrl,
      String caIdentifier,
      X500Name subject,
      List<SubjectAltNames.Name> subjectAltNames,
      String challenge,
      X509CertificateHolder caCertificate) {}

  /** The short names Apple's Subject array takes; other attributes go as dotted OIDs. */
  private static final Map<ASN1ObjectIdentifier, String> SHORT_NAMES =
      Map.of(
          BCStyle.C, "C",
          BCStyle.L, "L",
          BCStyle.ST, "ST",
          BCStyle.O, "O",
          BCStyle.OU, "OU",
          BCStyle.CN, "CN");

  private AppleProfile() {}

  /** The property list (XML, UTF-8) of {@code content}, with fresh payload UUIDs. */
  public static byte[] plist(Content content) {
    Plist p = new Plist();
    p.open("dict");
    p.key("PayloadContent").open("array");
    rootPayload(p, content);
    scepPayload(p, content);
    p.close("array");
    p.key("PayloadDisplayName").string(content.displayName());
    p.key("PayloadIdentifier").string(content.identifier());
    p.key("PayloadRemovalDisallowed").bool(false);
    p.key("PayloadType").string("Configuration");
    p.key("PayloadUUID").string(UUID.randomUUID().toString().toUpperCase());
    p.key("PayloadVersion").integer(1);
    p.close("dict");
    return p.done();
  }

  private static void rootPayload(Plist p, Content content) {
    p.open("dict");
    p.key("PayloadCertificateFileName").string("ca.cer");
    p.key("PayloadContent").data(Der.encoded(content.caCertificate()));
    p.key("PayloadDisplayName").string("Certificate authority");
    p.key("PayloadIdentifier").string(content.identifier() + ".root");
    p.key("PayloadType").string("com.apple.security.root");
    p.key("PayloadUUID").string(UUID.randomUUID().toString().toUpperCase());
    p.key("PayloadVersion").integer(1);
    p.close("dict");
  }

  private static void scepPayload(Plist p, Content content) {
    p.open("dict");
    p.key("PayloadContent").open("dict");
    p.key("URL").string(content.scepUrl());
    p.key("Name").string(content.caIdentifier());
    p.key("Subject").open("array");
    for (RDN rdn : content.subject().getRDNs()) {
      p.open("array");
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        p.open("array");
        p.string(SHORT_NAMES.getOrDefault(attribute.getType(), attribute.getType().getId()));
        p.string(IETFUtils.valueToString(attribute.getValue()).replace("\\", ""));
        p.close("array");
      }
      p.close("array");
    }
    p.close("array");
    p.key("Challenge").string(content.challenge());
    p.key("Keysize").integer(2048);
    p.key("Key Type").string("RSA");
    p.key("Key Usage").integer(5);
    Map<String, List<String>> names = subjectAltNames(content.subjectAltNames());
    if (!names.isEmpty()) {
      p.key("SubjectAltName").open("dict");
      names.forEach(
          (key, values) -> {
            p.key(key).open("array");
            values.forEach(p::string);
            p.close("array");
          });
      p.close("dict");
    }
    p.key("Retries").integer(3);
    p.key("RetryDelay").integer(10);
    p.close("dict");
    p.key("PayloadDisplayName").string("SCEP enrollment");
    p.key("PayloadIdentifier").string(content.identifier() + ".scep");
    p.key("PayloadType").string("com.apple.security.scep");
    p.key("PayloadUUID").string(UUID.randomUUID().toString().toUpperCase());
    p.key("PayloadVersion").integer(1);
    p.close("dict");
  }

  /**
   * The SubjectAltName dictionary's keys: {@code dNSName}, {@code rfc822Name}, {@code
   * uniformResourceIdentifier}, {@code ntPrincipalName}. The payload has no key for IP addresses.
   */
  public static Map<String, List<String>> subjectAltNames(List<SubjectAltNames.Name> names) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (SubjectAltNames.Name name : names) {
      String key =
          switch (name.type()) {
            case DNS -> "dNSName";
            case EMAIL -> "rfc822Name";
            case URI -> "uniformResourceIdentifier";
            case UPN -> "ntPrincipalName";
            case IP -> null;
          };
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(name.value());
      }
    }
    return byKey;
  }

  /** Whether Apple's SCEP payload can ask for every one of {@code names}. */
  public static boolean expressible(List<SubjectAltNames.Name> names) {
    return names.stream().noneMatch(n -> n.type() == SanType.IP);
  }

  /**
   * The profile as CMS SignedData with the plist attached, signed with SHA-256 by {@code key},
   * whose certificate and {@code chain} are included so the device can show who signed it.
   */
  public static byte[] signed(
      byte[] plist,
      PrivateKey key,
      X509CertificateHolder signer,
      List<X509CertificateHolder> chain) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(RsaSignerInfo.sha256(key, signer));
      List<X509CertificateHolder> certificates = new ArrayList<>();
      certificates.add(signer);
      certificates.addAll(chain);
      generator.addCertificates(new JcaCertStore(certificates));
      return generator.generate(new CMSProcessableByteArray(plist), true).getEncoded();
    } catch (CMSException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("The configuration profile could not be signed", e);
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException("The profile's certificates could not be included", e);
    }
  }

  /** A minimal property-list writer: elements in order, text escaped. */
  private static final class Plist {
    private final StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n");

    Plist open(String element) {
      xml.append('<').append(element).append(">\n");
      return this;
    }

    Plist close(String element) {
      xml.append("</").append(element).append(">\n");
      return this;
    }

    Plist key(String key) {
      return element("key", escape(key));
    }

    Plist string(String value) {
      return element("string", escape(value));
    }

    Plist integer(long value) {
      return element("integer", Long.toString(value));
    }

    Plist data(byte[] value) {
      return element("data", Base64.getEncoder().encodeToString(value));
    }

    Plist bool(boolean value) {
      xml.append(value ? "<true/>\n" : "<false/>\n");
      return this;
    }

    private Plist element(String name, String text) {
      xml.append('<').append(name).append('>').append(text).append("</").append(name).append(">\n");
      return this;
    }

    byte[] done() {
      return xml.append("</plist>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
