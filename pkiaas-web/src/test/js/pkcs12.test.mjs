// PKCS#12 files built with WebCrypto, opened by OpenSSL (and Java's keytool) with the right
// password and refused with a wrong one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createCsr, generateKeyPair } from '../../main/webapp/resources/claim/csr.js';
import { certificates, toPem } from '../../main/webapp/resources/claim/pem.js';
import { createPkcs12, shroudPrivateKey } from '../../main/webapp/resources/claim/pkcs12.js';
import { openssl, opensslStatus, scratch } from './openssl.mjs';

const PASSWORD = 'correct horse 1';
let work;
let p12;

/** A root CA made by OpenSSL signs a CSR made by our code; the PKCS#12 holds our key and both certificates. */
before(async () => {
  work = scratch();
  openssl(work.dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Test Root', '-days', '2');
  const keys = await generateKeyPair();
  writeFileSync(work.path('leaf.csr'), toPem(await createCsr(keys, 'alice'), 'CERTIFICATE REQUEST'));
  openssl(work.dir, 'x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '1', '-out', 'leaf.pem');
  const shroudedKey = await shroudPrivateKey(keys.privateKey, PASSWORD);
  const chain = readFileSync(work.path('leaf.pem'), 'utf8') + readFileSync(work.path('ca.pem'), 'utf8');
  p12 = await createPkcs12({ shroudedKey, certificates: certificates(chain), password: PASSWORD, friendlyName: 'alice' });
  writeFileSync(work.path('certificate.p12'), p12);
});

after(() => work.remove());

test('OpenSSL opens it with the password: the private key and both certificates', () => {
  const out = openssl(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', `pass:${PASSWORD}`, '-nodes');
  assert.equal(out.match(/-----BEGIN PRIVATE KEY-----/g)?.length, 1, out);
  assert.equal(out.match(/-----BEGIN CERTIFICATE-----/g)?.length, 2, out);
  assert.match(out, /friendlyName: alice/);
  const localKeyIds = [...out.matchAll(/localKeyID: ([0-9A-F ]+)/g)].map((m) => m[1].trim());
  assert.equal(localKeyIds.length, 2, 'on the key and on its certificate');
  assert.equal(localKeyIds[0], localKeyIds[1]);
});

test('the key in the file is the key of the certificate', () => {
  openssl(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', `pass:${PASSWORD}`, '-nocerts', '-nodes', '-out', 'key.pem');
  const fromKey = openssl(work.dir, 'pkey', '-in', 'key.pem', '-pubout');
  const fromCertificate = openssl(work.dir, 'x509', '-in', 'leaf.pem', '-pubkey', '-noout');
  assert.equal(fromKey, fromCertificate);
  assert.match(openssl(work.dir, 'pkey', '-in', 'key.pem', '-check', '-noout'), /valid/i);
});

test('the key is PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, the MAC HMAC-SHA256', () => {
  const run = opensslStatus(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', `pass:${PASSWORD}`, '-info', '-noout');
  assert.equal(run.status, 0, run.output);
  const info = run.output; // -info writes to standard error
  assert.match(info, /MAC: sha256, Iteration 2048/);
  assert.match(info, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/);
});

test('a wrong password fails the MAC check', () => {
  const run = opensslStatus(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', 'pass:wrong password', '-noout');
  assert.notEqual(run.status, 0);
  assert.match(run.output, /mac verify error/i);
});

test('Java keytool reads it as a key entry with its chain', () => {
  const list = execFileSync('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', 'certificate.p12',
    '-storepass', PASSWORD], { cwd: work.dir, encoding: 'utf8' });
  assert.match(list, /Alias name: alice/);
  assert.match(list, /Entry type: PrivateKeyEntry/);
  assert.match(list, /Certificate chain length: 2/);
});

test('a password beyond ASCII works the way OpenSSL reads it (UTF-8 for PBKDF2, UTF-16 for the MAC)', async () => {
  const password = 'pässwörd ✓ 🔑';
  const keys = await generateKeyPair();
  const leaf = certificates(readFileSync(work.path('leaf.pem'), 'utf8'))[0];
  writeFileSync(work.path('unicode.p12'), await createPkcs12({ shroudedKey: await shroudPrivateKey(keys.privateKey, password),
    certificates: [leaf], password, friendlyName: 'Ålice' }));
  const out = openssl(work.dir, 'pkcs12', '-in', 'unicode.p12', '-passin', `pass:${password}`, '-nodes');
  assert.match(out, /-----BEGIN PRIVATE KEY-----/);
});

test('a chain that repeats the leaf does not put it in the file twice', async () => {
  const keys = await generateKeyPair();
  const leaf = certificates(readFileSync(work.path('leaf.pem'), 'utf8'))[0];
  const again = await createPkcs12({ shroudedKey: await shroudPrivateKey(keys.privateKey, PASSWORD),
    certificates: [leaf, leaf], password: PASSWORD, friendlyName: 'alice', macIterations: 2048 });
  writeFileSync(work.path('again.p12'), again);
  const out = openssl(work.dir, 'pkcs12', '-in', 'again.p12', '-passin', `pass:${PASSWORD}`, '-nokeys');
  assert.equal(out.match(/-----BEGIN CERTIFICATE-----/g)?.length, 1);
});
