// A password-protected PKCS#12 file (RFC 7292): the private key as a pkcs8ShroudedKeyBag (§4.2.2)
// encrypted with PBES2, the certificate and its chain as CertBags (§4.2.3), and an HMAC-SHA256
// MAC over the AuthenticatedSafe in password integrity mode (§4 and §5.1).
import { bmpPassword, ID_MAC_KEY, pkcs12Kdf } from './pkcs12-kdf.js';
import { encryptPrivateKeyInfo } from './pbes2.js';
import { algorithm, bmpString, explicit, integer, nul, octetString, oid, sequence, setOf } from './der.js';

export const MAC_ITERATIONS = 2048;

const DATA = '1.2.840.113549.1.7.1'; // id-data (RFC 5652 §4)
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2'; // pkcs8ShroudedKeyBag (RFC 7292 §4.2)
const CERT_BAG = '1.2.840.113549.1.12.10.1.3'; // certBag (RFC 7292 §4.2)
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1'; // x509Certificate (RFC 7292 §4.2.3)
const FRIENDLY_NAME = '1.2.840.113549.1.9.20'; // pkcs-9-at-friendlyName (RFC 2985 §5.5.1)
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21'; // pkcs-9-at-localKeyId (RFC 2985 §5.5.2)
const SHA256 = '2.16.840.1.101.3.4.2.1'; // id-sha256 (RFC 5754 §2.2)

/**
 * Exports the private key and encrypts it under the password (RFC 7292 §4.2.2: a
 * PKCS8ShroudedKeyBag is an EncryptedPrivateKeyInfo). Done before the certificate is requested,
 * so that nothing can fail after the claim is used up.
 */
export async function shroudPrivateKey(privateKey, password, options = {}, subtle = globalThis.crypto.subtle) {
  const privateKeyInfo = new Uint8Array(await subtle.exportKey('pkcs8', privateKey));
  return encryptPrivateKeyInfo(privateKeyInfo, password, options, subtle);
}

/** ContentInfo of type data (RFC 5652 §3): the content is [0] EXPLICIT OCTET STRING. */
function dataContentInfo(content) {
  return sequence(oid(DATA), explicit(0, octetString(content)));
}

/** SafeBag (RFC 7292 §4.2): bagId, bagValue [0] EXPLICIT, bagAttributes. */
function safeBag(bagId, value, attributes) {
  return attributes.length
    ? sequence(oid(bagId), explicit(0, value), setOf(...attributes))
    : sequence(oid(bagId), explicit(0, value));
}

/** The friendlyName and localKeyId attributes that pair the key with its certificate. */
function identityAttributes(friendlyName, localKeyId) {
  return [
    sequence(oid(FRIENDLY_NAME), setOf(bmpString(friendlyName))),
    sequence(oid(LOCAL_KEY_ID), setOf(octetString(localKeyId))),
  ];
}

/** CertBag (RFC 7292 §4.2.3): an X.509 certificate, DER in an OCTET STRING. */
function certBag(certificate, attributes) {
  return safeBag(CERT_BAG, sequence(oid(X509_CERTIFICATE), explicit(0, octetString(certificate))), attributes);
}

/** MacData (RFC 7292 §4): HMAC-SHA256 with a key from the Appendix B KDF, and its salt and iterations. */
async function macData(authenticatedSafe, password, iterations, subtle) {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const keyBytes = await pkcs12Kdf({ password: bmpPassword(password), salt, id: ID_MAC_KEY, iterations, length: 32 }, subtle);
  const key = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, authenticatedSafe));
  return sequence(sequence(algorithm(SHA256, nul()), octetString(mac)), octetString(salt), integer(iterations));
}

/** Drops repeated certificates (the chain might repeat the leaf), keeping the first. */
function distinct(certificates) {
  const seen = new Set();
  return certificates.filter((der) => {
    const key = der.join(',');
    return seen.has(key) ? false : seen.add(key);
  });
}

/**
 * The DER PFX (RFC 7292 §4).
 * @param {{shroudedKey: Uint8Array, certificates: Uint8Array[], password: string, friendlyName: string,
 *          macIterations?: number}} p the first certificate is the key's; the rest is its chain
 */
export async function createPkcs12({ shroudedKey, certificates, password, friendlyName, macIterations = MAC_ITERATIONS },
  subtle = globalThis.crypto.subtle) {
  if (!certificates.length) {
    throw new Error('There is no certificate to put with the key.');
  }
  const [leaf, ...chain] = distinct(certificates);
  // Like OpenSSL, the localKeyId is the SHA-1 hash of the certificate: an identifier, not a security function.
  const localKeyId = new Uint8Array(await subtle.digest('SHA-1', leaf));
  const attributes = identityAttributes(friendlyName, localKeyId);
  const certificateBags = sequence(certBag(leaf, attributes), ...chain.map((der) => certBag(der, [])));
  const keyBags = sequence(safeBag(SHROUDED_KEY_BAG, shroudedKey, attributes));
  // AuthenticatedSafe (§4.1): the certificates and the already encrypted key, each as plain data.
  const authenticatedSafe = sequence(dataContentInfo(certificateBags), dataContentInfo(keyBags));
  const mac = await macData(authenticatedSafe, password, macIterations, subtle);
  return sequence(integer(3), dataContentInfo(authenticatedSafe), mac);
}
