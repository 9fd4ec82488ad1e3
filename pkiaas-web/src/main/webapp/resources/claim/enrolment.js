// The two ways to claim a pre-approved certificate, without the page: with a key generated here
// (the private key stays in the browser; only a CSR is sent) or with the holder's own CSR.
import { submitCsr } from './api.js';
import { commonNameOf, createCsr, generateKeyPair } from './csr.js';
import { certificates, toPem } from './pem.js';
import { createPkcs12, shroudPrivateKey } from './pkcs12.js';

export const MIN_PASSWORD_LENGTH = 8;

/** Why a password cannot protect the file, and which field to fix ('password' or 'confirmation'); null when it can. */
export function passwordProblem(password, confirmation) {
  if ((password ?? '').length < MIN_PASSWORD_LENGTH) {
    return { field: 'password', message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password !== confirmation) {
    return { field: 'confirmation', message: 'The two passwords differ.' };
  }
  return null;
}

/** Why the text is not a PEM CSR, or null when it looks like one (the server checks it fully). */
export function csrProblem(text) {
  return /-----BEGIN (NEW )?CERTIFICATE REQUEST-----[\s\S]+-----END (NEW )?CERTIFICATE REQUEST-----/.test(text ?? '')
    ? null
    : 'Paste the whole CSR, from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----.';
}

/**
 * Generates an RSA key, gets it certified under the claim and packs key, certificate and chain
 * into a PKCS#12 file protected by the password. `onStep` hears each stage, for the page to show.
 * The key is encrypted before the claim is used, so that no failure can follow the one-time claim.
 * @returns {Promise<{pkcs12: Uint8Array, certificatePem: string, chainPem: string, certificateId: string}>}
 */
export async function claimWithBrowserKey({ token, claim, password, onStep = () => {}, fetchFn = globalThis.fetch }) {
  onStep('generating');
  const keys = await generateKeyPair();
  const friendlyName = commonNameOf(claim.subject) ?? 'certificate';
  const csrPem = toPem(await createCsr(keys, friendlyName), 'CERTIFICATE REQUEST');
  onStep('protecting');
  const shroudedKey = await shroudPrivateKey(keys.privateKey, password);
  onStep('signing');
  const issued = await submitCsr(token, csrPem, fetchFn);
  onStep('packing');
  const pkcs12 = await createPkcs12({
    shroudedKey,
    certificates: [...certificates(issued.certificatePem), ...certificates(issued.chainPem)],
    password,
    friendlyName,
  });
  return { pkcs12, certificatePem: issued.certificatePem, chainPem: issued.chainPem ?? '', certificateId: issued.certificateId };
}

/** Claims with the holder's CSR. */
export async function claimWithCsr({ token, csrPem, fetchFn = globalThis.fetch }) {
  const issued = await submitCsr(token, csrPem.trim() + '\n', fetchFn);
  return { certificatePem: issued.certificatePem, chainPem: issued.chainPem ?? '', certificateId: issued.certificateId };
}
