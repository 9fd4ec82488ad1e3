// Verifies the signature of a DER X.509 certificate signed with pure ML-DSA (RFC 9881), using the
// issuer public key from a second DER certificate (the same file for a self-signed root).
// Independent of Bouncy Castle: DER walking here, ML-DSA from @noble/post-quantum.
// Usage: node verify-mldsa-certificate.mjs cert.der issuer.der   -> prints "OK ML-DSA-65", exit 0
import { readFileSync } from 'node:fs';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';

// id-ml-dsa-44/65/87: 2.16.840.1.101.3.4.3.17/18/19
const ALGORITHMS = {
  '608648016503040311': ['ML-DSA-44', ml_dsa44],
  '608648016503040312': ['ML-DSA-65', ml_dsa65],
  '608648016503040313': ['ML-DSA-87', ml_dsa87],
};

/** One TLV at offset: {tag, start (of content), end, next}. */
function tlv(bytes, offset) {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  return { tag, offset, start, end: start + length };
}

function children(bytes, parent) {
  const out = [];
  for (let at = parent.start; at < parent.end; ) {
    const child = tlv(bytes, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

function parse(der) {
  const certificate = tlv(der, 0);
  const [tbs, signatureAlgorithm, signatureValue] = children(der, certificate);
  const tbsFields = children(der, tbs);
  const spki = tbsFields[tbsFields[0].tag === 0xa0 ? 6 : 5];
  const [, subjectPublicKey] = children(der, spki);
  const algorithmFields = children(der, signatureAlgorithm);
  return {
    tbs: der.subarray(tbs.offset, tbs.end),
    algorithmOid: hex(der.subarray(algorithmFields[0].start, algorithmFields[0].end)),
    algorithmHasParameters: algorithmFields.length > 1,
    signature: der.subarray(signatureValue.start + 1, signatureValue.end), // skip unused-bits octet
    publicKey: der.subarray(subjectPublicKey.start + 1, subjectPublicKey.end),
  };
}

const [certificateFile, issuerFile] = process.argv.slice(2);
const subject = parse(readFileSync(certificateFile));
const issuer = parse(readFileSync(issuerFile ?? certificateFile));
const algorithm = ALGORITHMS[subject.algorithmOid];
if (!algorithm) {
  console.log(`FAIL signature algorithm OID ${subject.algorithmOid} is not pure ML-DSA`);
  process.exit(1);
}
if (subject.algorithmHasParameters) {
  console.log('FAIL RFC 9881 requires the AlgorithmIdentifier parameters to be absent');
  process.exit(1);
}
const [name, mlDsa] = algorithm;
const valid = mlDsa.verify(subject.signature, subject.tbs, issuer.publicKey);
console.log(valid ? `OK ${name}` : `FAIL ${name} signature does not verify`);
process.exit(valid ? 0 : 1);
