// Password-based encryption of a private key: PBES2 (RFC 8018 §6.2) with PBKDF2-HMAC-SHA256
// (§5.2) and AES-256-CBC, wrapped as an EncryptedPrivateKeyInfo (RFC 5958 §3).
import { algorithm, integer, nul, octetString, oid, sequence } from './der.js';

export const PBKDF2_ITERATIONS = 100000;

const PBES2 = '1.2.840.113549.1.5.13'; // id-PBES2 (RFC 8018 A.4)
const PBKDF2 = '1.2.840.113549.1.5.12'; // id-PBKDF2 (RFC 8018 A.2)
const HMAC_SHA256 = '1.2.840.113549.2.9'; // id-hmacWithSHA256 (RFC 8018 B.1.2)
const AES256_CBC = '2.16.840.1.101.3.4.1.42'; // aes256-CBC-PAD (RFC 8018 B.2.5)

/**
 * Encrypts a PrivateKeyInfo (the DER that crypto.subtle.exportKey('pkcs8') gives, RFC 5958 §2)
 * under the password and returns the DER EncryptedPrivateKeyInfo.
 */
export async function encryptPrivateKeyInfo(privateKeyInfo, password, { iterations = PBKDF2_ITERATIONS } = {},
  subtle = globalThis.crypto.subtle) {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
  // PBKDF2 takes the password as octets; like OpenSSL, its UTF-8 encoding.
  const passwordKey = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const aesKey = await subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, passwordKey,
    { name: 'AES-CBC', length: 256 }, false, ['encrypt']);
  // WebCrypto's AES-CBC pads as RFC 8018 §6.2.1 step 4 (PKCS #5) asks.
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv }, aesKey, privateKeyInfo));
  const pbkdf2Params = sequence(octetString(salt), integer(iterations), algorithm(HMAC_SHA256, nul()));
  const pbes2Params = sequence(algorithm(PBKDF2, pbkdf2Params), algorithm(AES256_CBC, octetString(iv)));
  return sequence(sequence(oid(PBES2), pbes2Params), octetString(ciphertext));
}
