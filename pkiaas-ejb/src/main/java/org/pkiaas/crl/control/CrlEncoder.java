package org.pkiaas.crl.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;
import org.pkiaas.x509.DerWriter;

/**
 * Encodes an X.509 v2 CRL (RFC 5280 §5.1) one entry at a time, straight to DER, so that a CRL of a
 * million revoked certificates costs about fifty bytes of heap per entry instead of the object tree
 * a general ASN.1 builder keeps. The small, fixed parts (issuer, algorithm identifier, CRL
 * extensions) are encoded by Bouncy Castle; entries and the outer structures are written here.
 *
 * <pre>
 * CertificateList  ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }   -- §5.1.1
 * TBSCertList      ::= SEQUENCE { version v2, signature, issuer, thisUpdate, nextUpdate,
 *                                 revokedCertificates SEQUENCE OF SEQUENCE {
 *                                     userCertificate, revocationDate, crlEntryExtensions OPTIONAL } OPTIONAL,
 *                                 crlExtensions [0] EXPLICIT Extensions OPTIONAL }                 -- §5.1.2
 * </pre>
 *
 * Times are UTCTime through 2049 and GeneralizedTime from 2050 (§5.1.2.4, §5.1.2.6); an empty list
 * of revoked certificates is left out, as §5.1.2.6 requires; the reason code is left out for {@code
 * unspecified}, as §5.3.1 recommends; the invalidity date is a GeneralizedTime (§5.3.2).
 */
public final class CrlEncoder {

  /** reasonCode, RFC 5280 §5.3.1. */
  public static final int REMOVE_FROM_CRL = 8;

  private static final byte SEQUENCE = DerWriter.SEQUENCE;
  private static final byte[] VERSION_2 = {DerWriter.INTEGER, 1, 1};

  /**
   * SEQUENCE { id-ce-cRLReasons (2.5.29.21), OCTET STRING { ENUMERATED code } }; the code at the
   * end.
   */
  private static final byte[] REASON_PREFIX = {SEQUENCE, 10, 6, 3, 0x55, 0x1d, 0x15, 4, 3, 0x0a, 1};

  /**
   * SEQUENCE { id-ce-invalidityDate (2.5.29.24), OCTET STRING { GeneralizedTime } }; the time after
   * it.
   */
  private static final byte[] INVALIDITY_PREFIX = {SEQUENCE, 24, 6, 3, 0x55, 0x1d, 0x18, 4, 17};

  private final ChunkedBytes entries = new ChunkedBytes();
  private final byte[] scratch = new byte[256];
  private long count;

  /**
   * Adds one revoked certificate.
   *
   * @param reasonCode the CRLReason code, or a negative number (or 0, unspecified) for none
   * @param invalidityDate when the key is known to have been compromised, or null
   */
  public void add(
      BigInteger serial, Instant revocationDate, int reasonCode, Instant invalidityDate) {
    if (serial.signum() <= 0) {
      throw new IllegalArgumentException("Serial numbers are positive (RFC 5280 §4.1.2.2)");
    }
    byte[] serialBytes = serial.toByteArray();
    int at = 0;
    // content: INTEGER serial, Time, [Extensions]
    byte[] content = scratch;
    at = DerWriter.header(content, at, DerWriter.INTEGER, serialBytes.length);
    System.arraycopy(serialBytes, 0, content, at, serialBytes.length);
    at += serialBytes.length;
    at = DerWriter.time(content, at, revocationDate);
    boolean reason = reasonCode > 0;
    if (reason || invalidityDate != null) {
      int extensionsLength =
          (reason ? REASON_PREFIX.length + 1 : 0)
              + (invalidityDate != null ? INVALIDITY_PREFIX.length + DerWriter.MAX_TIME : 0);
      at = DerWriter.header(content, at, SEQUENCE, extensionsLength);
      if (reason) {
        System.arraycopy(REASON_PREFIX, 0, content, at, REASON_PREFIX.length);
        at += REASON_PREFIX.length;
        content[at++] = (byte) reasonCode;
      }
      if (invalidityDate != null) {
        System.arraycopy(INVALIDITY_PREFIX, 0, content, at, INVALIDITY_PREFIX.length);
        at += INVALIDITY_PREFIX.length;
        at = DerWriter.generalizedTime(content, at, invalidityDate);
      }
    }
    byte[] head = new byte[DerWriter.MAX_HEADER];
    int headLength = DerWriter.header(head, 0, SEQUENCE, at);
    entries.write(head, 0, headLength);
    entries.write(content, 0, at);
    count++;
  }

  public long count() {
    return count;
  }

  /**
   * Completes and signs the CRL.
   *
   * @param crlExtensions the CRL's extensions (cRLNumber, authorityKeyIdentifier, …), encoded by
   *     the caller
   * @return the DER CertificateList; it shares the entries' blocks, so this encoder is spent
   */
  public ChunkedBytes finish(
      ContentSigner signer,
      X500Name issuer,
      Instant thisUpdate,
      Instant nextUpdate,
      Extensions crlExtensions) {
    try {
      AlgorithmIdentifier algorithm = signer.getAlgorithmIdentifier();
      byte[] algorithmDer = algorithm.getEncoded(ASN1Encoding.DER);
      ChunkedBytes tbsContent = new ChunkedBytes();
      tbsContent.write(VERSION_2);
      tbsContent.write(algorithmDer);
      tbsContent.write(issuer.getEncoded(ASN1Encoding.DER));
      tbsContent.write(DerWriter.time(thisUpdate));
      tbsContent.write(DerWriter.time(nextUpdate));
      if (count > 0) {
        tbsContent.write(DerWriter.header(SEQUENCE, entries.size()));
        tbsContent.append(entries);
      }
      if (crlExtensions != null) {
        byte[] extensions = crlExtensions.getEncoded(ASN1Encoding.DER);
        tbsContent.write(DerWriter.header(0xa0, extensions.length));
        tbsContent.write(extensions);
      }
      ChunkedBytes tbs = new ChunkedBytes();
      tbs.write(DerWriter.header(SEQUENCE, tbsContent.size()));
      tbs.append(tbsContent);

      try (OutputStream signing = signer.getOutputStream()) {
        tbs.writeTo(signing);
      }
      byte[] signature = signer.getSignature();
      ChunkedBytes signatureValue = new ChunkedBytes();
      signatureValue.write(DerWriter.header(DerWriter.BIT_STRING, signature.length + 1));
      signatureValue.write(new byte[] {0}); // no unused bits
      signatureValue.write(signature);

      ChunkedBytes crl = new ChunkedBytes();
      crl.write(
          DerWriter.header(SEQUENCE, tbs.size() + algorithmDer.length + signatureValue.size()));
      crl.append(tbs);
      crl.append(algorithmDer);
      crl.append(signatureValue);
      return crl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
