// PKCS#10 certification requests (RFC 2986) for an RSA key pair held by WebCrypto.
import { algorithm, bitString, implicitConstructed, integer, nul, oid, sequence, setOf, utf8String } from './der.js';

const RSA_SHA256 = '1.2.840.113549.1.1.11'; // sha256WithRSAEncryption (RFC 8017 Appendix C)
const COMMON_NAME = '2.5.4.3'; // id-at-commonName (RFC 5280 Appendix A)

/** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit modulus, exponent 65537 (RFC 8017 §8.2). */
export const RSA_KEY_ALGORITHM = Object.freeze({
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
});

/** A new key pair; extractable, so that the private key can be exported into the PKCS#12 file. */
export function generateKeyPair(subtle = globalThis.crypto.subtle) {
  return subtle.generateKey(RSA_KEY_ALGORITHM, true, ['sign', 'verify']);
}

/**
 * The common name in a distinguished name string such as "CN=alice,O=Example" (RFC 4514 form,
 * backslash escapes honoured), or null when there is none.
 */
export function commonNameOf(subject) {
  const match = /(?:^|[,+])\s*CN\s*=\s*((?:\\.|[^,+\\])*)/i.exec(subject ?? '');
  return match ? match[1].trim().replace(/\\(.)/g, '$1') : null;
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName, here a single RDN holding the common name. */
function nameWithCommonName(commonName) {
  return sequence(setOf(sequence(oid(COMMON_NAME), utf8String(commonName))));
}

/**
 * A DER CertificationRequest (RFC 2986 §4) for the key pair, signed with its private key.
 * The CA replaces the subject with the pre-approved one, so the common name is only a label.
 */
export async function createCsr(keyPair, commonName, subtle = globalThis.crypto.subtle) {
  const spki = new Uint8Array(await subtle.exportKey('spki', keyPair.publicKey));
  // CertificationRequestInfo (§4.1): version 0, subject, subjectPKInfo, attributes [0] (empty, but present).
  const info = sequence(integer(0), nameWithCommonName(commonName), spki, implicitConstructed(0));
  const signature = new Uint8Array(await subtle.sign(RSA_KEY_ALGORITHM.name, keyPair.privateKey, info));
  // CertificationRequest (§4.2): the info, the signature algorithm (NULL parameters, RFC 8017 A.2.4), the signature.
  return sequence(info, algorithm(RSA_SHA256, nul()), bitString(signature));
}
