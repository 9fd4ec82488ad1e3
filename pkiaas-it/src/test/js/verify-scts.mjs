// Verifies the SCTs embedded in a DER X.509 certificate (RFC 6962 §3.3) with PKI.js, which rebuilds
// the precertificate entry from the certificate and its issuer and checks each SCT's signature with
// the key of the log it names. Independent of Bouncy Castle and of PKIaaS's own CT code.
// Usage: node verify-scts.mjs cert.der issuer.der LOGKEY_BASE64...
//   prints one line per SCT, "<log id base64> valid" or "... invalid"; exit 0 when all are valid
import { readFileSync } from 'node:fs';
import { createHash, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));

const [certificateFile, issuerFile, ...keys] = process.argv.slice(2);
const load = (file) => pkijs.Certificate.fromBER(new Uint8Array(readFileSync(file)));
const certificate = load(certificateFile);
const issuer = load(issuerFile);
const logs = keys.map((key) => ({
  log_id: createHash('sha256').update(Buffer.from(key, 'base64')).digest('base64'),
  key,
}));

const extension = (certificate.extensions || []).find((e) => e.extnID === '1.3.6.1.4.1.11129.2.4.2');
if (!extension) {
  console.log('no SCT list');
  process.exit(2);
}
const timestamps = extension.parsedValue.timestamps;
let allValid = true;
for (let i = 0; i < timestamps.length; i++) {
  const id = Buffer.from(timestamps[i].logID).toString('base64');
  let valid;
  try {
    [valid] = await pkijs.verifySCTsForCertificate(certificate, issuer, logs, i);
  } catch (e) {
    valid = false; // no such log among the keys given
  }
  allValid &&= valid;
  console.log(`${id} ${valid ? 'valid' : 'invalid'}`);
}
process.exit(allValid ? 0 : 1);
