// The browser-key claim end to end, with OpenSSL as the certificate authority behind a fake fetch:
// only a CSR leaves the "browser", and the PKCS#12 that comes back holds the key of the certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { claimWithBrowserKey, claimWithCsr, csrProblem, passwordProblem }
  from '../../main/webapp/resources/claim/enrolment.js';
import { openssl, opensslStatus, scratch } from './openssl.mjs';

test('passwords need 8 characters and a matching confirmation', () => {
  assert.equal(passwordProblem('1234567', '1234567').field, 'password');
  assert.equal(passwordProblem('12345678', '12345679').field, 'confirmation');
  assert.equal(passwordProblem('12345678', '12345678'), null);
});

test('a CSR must be PEM', () => {
  assert.equal(csrProblem('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----'), null);
  assert.notEqual(csrProblem('MIIB'), null);
  assert.notEqual(csrProblem(''), null);
});

/** A fake claim endpoint: OpenSSL signs what it is sent with a test root; the bodies are kept. */
function opensslCa(work, bodies) {
  openssl(work.dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Fake Root', '-days', '2');
  return async (url, init) => {
    bodies.push(init.body);
    writeFileSync(work.path('sent.csr'), JSON.parse(init.body).csr);
    openssl(work.dir, 'x509', '-req', '-in', 'sent.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-days', '1', '-subj', '/CN=alice/O=Example', '-out', 'issued.pem');
    return new Response(JSON.stringify({ certificateId: 'cert-1', certificatePem: readFileSync(work.path('issued.pem'), 'utf8'),
      chainPem: readFileSync(work.path('ca.pem'), 'utf8') }), { status: 201, headers: { 'Content-Type': 'application/json' } });
  };
}

test('a browser key: only a CSR is sent, and the PKCS#12 opens with the password', async () => {
  const work = scratch();
  try {
    const bodies = [];
    const steps = [];
    const result = await claimWithBrowserKey({ token: 'tok', claim: { subject: 'CN=alice,O=Example' },
      password: 'a good password', onStep: (step) => steps.push(step), fetchFn: opensslCa(work, bodies) });
    assert.deepEqual(steps, ['generating', 'protecting', 'signing', 'packing']);
    assert.equal(bodies.length, 1);
    assert.deepEqual(Object.keys(JSON.parse(bodies[0])), ['csr']);
    assert.doesNotMatch(bodies[0], /PRIVATE KEY/);
    assert.match(openssl(work.dir, 'req', '-in', 'sent.csr', '-noout', '-subject'), /CN ?= ?alice/);
    assert.equal(result.certificateId, 'cert-1');

    writeFileSync(work.path('certificate.p12'), result.pkcs12);
    const out = openssl(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', 'pass:a good password', '-nodes',
      '-out', 'all.pem');
    const all = readFileSync(work.path('all.pem'), 'utf8');
    assert.equal(all.match(/BEGIN PRIVATE KEY/g)?.length, 1, out);
    assert.equal(all.match(/BEGIN CERTIFICATE/g)?.length, 2);
    assert.match(all, /friendlyName: alice/);
    assert.equal(openssl(work.dir, 'pkey', '-in', 'all.pem', '-pubout'),
      openssl(work.dir, 'x509', '-in', 'issued.pem', '-pubkey', '-noout'));
    assert.notEqual(opensslStatus(work.dir, 'pkcs12', '-in', 'certificate.p12', '-passin', 'pass:not it', '-noout').status, 0);
  } finally {
    work.remove();
  }
});

test('the holder\'s CSR is sent as pasted, trimmed, with one final newline', async () => {
  const bodies = [];
  const result = await claimWithCsr({ token: 'tok', csrPem: '  -----BEGIN CERTIFICATE REQUEST-----\nX\n-----END CERTIFICATE REQUEST-----\n\n',
    fetchFn: async (url, init) => {
      bodies.push(JSON.parse(init.body));
      return new Response('{"certificateId":"c","certificatePem":"LEAF","chainPem":"CHAIN"}', { status: 201,
        headers: { 'Content-Type': 'application/json' } });
    } });
  assert.equal(bodies[0].csr, '-----BEGIN CERTIFICATE REQUEST-----\nX\n-----END CERTIFICATE REQUEST-----\n');
  assert.deepEqual(result, { certificatePem: 'LEAF', chainPem: 'CHAIN', certificateId: 'c' });
});
