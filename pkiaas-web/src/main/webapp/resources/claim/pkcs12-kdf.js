// The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used here only for the MAC key
// (ID 3, Appendix B.3). WebCrypto has no such KDF, so it is built on crypto.subtle.digest.
import { concat, utf16be } from './der.js';

export const ID_MAC_KEY = 3;

const HASHES = Object.freeze({
  'SHA-1': { u: 20, v: 64 },
  'SHA-256': { u: 32, v: 64 },
});

/** The password as Appendix B.1 wants it: a BMPString with a two-octet null terminator. */
export function bmpPassword(password) {
  return concat(utf16be(password), Uint8Array.of(0, 0));
}

/** Repeats the bytes to fill `size` octets (steps 2 and 3 of B.2). */
function fill(bytes, size) {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    out[i] = bytes[i % bytes.length];
  }
  return out;
}

/** I_j = (I_j + B + 1) mod 2^(8v) for every v-octet block I_j of I (step 6C of B.2). */
function addToBlocks(input, b, v) {
  for (let start = 0; start < input.length; start += v) {
    let carry = 1;
    for (let k = v - 1; k >= 0; k--) {
      const sum = input[start + k] + b[k] + carry;
      input[start + k] = sum & 0xff;
      carry = sum >> 8;
    }
  }
}

/**
 * Derives `length` octets from a BMP password (see bmpPassword) and salt, per RFC 7292 B.2.
 * @param {{password: Uint8Array, salt: Uint8Array, id: number, iterations: number, length: number, hash?: string}} p
 */
export async function pkcs12Kdf({ password, salt, id, iterations, length, hash = 'SHA-256' }, subtle = globalThis.crypto.subtle) {
  const { u, v } = HASHES[hash];
  const diversifier = new Uint8Array(v).fill(id); // step 1: D
  const s = salt.length ? fill(salt, v * Math.ceil(salt.length / v)) : new Uint8Array(0); // step 2: S
  const p = password.length ? fill(password, v * Math.ceil(password.length / v)) : new Uint8Array(0); // step 3: P
  const input = concat(s, p); // step 4: I = S || P
  const blocks = Math.ceil(length / u); // step 5: c
  const out = new Uint8Array(blocks * u);
  for (let i = 0; i < blocks; i++) {
    // step 6A: A_i = H^r(D || I)
    let a = new Uint8Array(await subtle.digest(hash, concat(diversifier, input)));
    for (let r = 1; r < iterations; r++) {
      a = new Uint8Array(await subtle.digest(hash, a));
    }
    out.set(a, i * u);
    if (i < blocks - 1) {
      addToBlocks(input, fill(a, v), v); // steps 6B and 6C
    }
  }
  return out.slice(0, length); // step 7
}
