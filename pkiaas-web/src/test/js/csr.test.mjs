// PKCS#10 requests made with WebCrypto keys, checked by `openssl req -verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { commonNameOf, createCsr, generateKeyPair } from '../../main/webapp/resources/claim/csr.js';
import { toPem } from '../../main/webapp/resources/claim/pem.js';
import { openssl, opensslStatus, scratch } from './openssl.mjs';

test('the common name is read from an RFC 4514 subject', () => {
  assert.equal(commonNameOf('CN=alice,O=Example'), 'alice');
  assert.equal(commonNameOf('O=Example, CN=Smith\\, Alice'), 'Smith, Alice');
  assert.equal(commonNameOf('cn=bob'), 'bob');
  assert.equal(commonNameOf('O=Example'), null);
});

test('a CSR for a generated RSA 2048 key verifies with OpenSSL and carries the common name', async () => {
  const work = scratch();
  try {
    const keys = await generateKeyPair();
    writeFileSync(work.path('x.csr'), toPem(await createCsr(keys, 'Alice Ünicode'), 'CERTIFICATE REQUEST'));
    const text = openssl(work.dir, 'req', '-in', 'x.csr', '-verify', '-noout', '-text', '-nameopt', 'utf8');
    assert.match(text, /Subject: CN ?= ?Alice Ünicode/);
    assert.match(text, /Public-Key: \(2048 bit\)/);
    assert.match(text, /Exponent: 65537/);
    assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/);
    // OpenSSL 3.0 exits 0 even when the self-signature is bad, so read what it says.
    assert.match(opensslStatus(work.dir, 'req', '-in', 'x.csr', '-verify', '-noout').output, /self-signature verify OK/);
  } finally {
    work.remove();
  }
});

test('a CSR whose signature does not match fails OpenSSL verification', async () => {
  const work = scratch();
  try {
    const csr = await createCsr(await generateKeyPair(), 'alice');
    csr[csr.length - 1] ^= 0x01; // flip a bit of the signature
    writeFileSync(work.path('bad.csr'), toPem(csr, 'CERTIFICATE REQUEST'));
    const verdict = opensslStatus(work.dir, 'req', '-in', 'bad.csr', '-verify', '-noout').output;
    assert.match(verdict, /verify failure/);
    assert.doesNotMatch(verdict, /verify OK/);
  } finally {
    work.remove();
  }
});
