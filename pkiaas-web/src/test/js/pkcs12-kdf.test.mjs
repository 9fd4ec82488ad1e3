// The RFC 7292 Appendix B KDF, compared with OpenSSL's PKCS12KDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bmpPassword, ID_MAC_KEY, pkcs12Kdf } from '../../main/webapp/resources/claim/pkcs12-kdf.js';
import { openssl } from './openssl.mjs';

const hex = (bytes) => Buffer.from(bytes).toString('hex');

/** What OpenSSL derives; its PKCS12KDF takes the password already as a BMPString. */
function opensslKdf({ password, salt, id, iterations, length, digest }) {
  const out = openssl('.', 'kdf', '-keylen', String(length), '-kdfopt', `digest:${digest}`,
    '-kdfopt', `hexpass:${hex(bmpPassword(password))}`, '-kdfopt', `hexsalt:${hex(salt)}`,
    '-kdfopt', `iter:${iterations}`, '-kdfopt', `id:${id}`, 'PKCS12KDF');
  return out.trim().replaceAll(':', '').toLowerCase();
}

const cases = [
  { password: 'correct horse battery', salt: Buffer.from('0a58cf64530d823f', 'hex'), iterations: 2048, length: 32 },
  { password: 'smeg', salt: new Uint8Array(32).fill(7), iterations: 1, length: 32 },
  // a password longer than one 64-octet block and a key longer than one hash output (two rounds of step 6)
  { password: 'a password that is certainly longer than thirty-two characters', salt: Uint8Array.of(1, 2, 3),
    iterations: 3, length: 80 },
  { password: 'pässwörd ✓', salt: new Uint8Array(70).fill(0xff), iterations: 5, length: 32 },
];

for (const c of cases) {
  test(`matches OpenSSL for "${c.password}", ${c.iterations} iterations, ${c.length} octets`, async () => {
    const ours = await pkcs12Kdf({ password: bmpPassword(c.password), salt: c.salt, id: ID_MAC_KEY,
      iterations: c.iterations, length: c.length });
    assert.equal(hex(ours), opensslKdf({ ...c, id: ID_MAC_KEY, digest: 'SHA256' }));
  });
}

test('the SHA-1 variant gives the published known answer (encryption key, ID 1)', async () => {
  // Peter Gutmann's PKCS#12 test vector, also used by OpenSSL and Bouncy Castle.
  const c = { password: 'queeg', salt: Buffer.from('1682c0fc5b3f7ec5', 'hex'), iterations: 1000, length: 24 };
  const ours = await pkcs12Kdf({ password: bmpPassword(c.password), salt: c.salt, id: 1, iterations: c.iterations,
    length: c.length, hash: 'SHA-1' });
  assert.equal(hex(ours), '483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f');
  assert.equal(hex(ours), opensslKdf({ ...c, id: 1, digest: 'SHA1' }));
});
