// The claim page (claim.html#TOKEN): shows the pre-approved request and claims it, either with a
// key generated in this browser (downloaded as PKCS#12) or with the holder's CSR.
// The token is read from the URL fragment, which browsers never send to the server.
import { fetchClaim } from './api.js';
import { claimWithBrowserKey, claimWithCsr, csrProblem, passwordProblem } from './enrolment.js';

const $ = (id) => document.getElementById(id);

/** WebCrypto exists only in secure contexts (https, or http://localhost). */
const canGenerateKeys = () => window.isSecureContext && Boolean(globalThis.crypto?.subtle);

const STEPS = {
  generating: 'Generating your key in this browser…',
  protecting: 'Encrypting your key with your password…',
  signing: 'Asking the certificate authority to sign…',
  packing: 'Building certificate.p12…',
};

function say(text) {
  $('status').textContent = text;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

/** Shows or clears the message under a field, and marks the field for assistive technology. */
function fieldError(field, errorElement, message) {
  errorElement.textContent = message ?? '';
  errorElement.hidden = !message;
  field.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** "1 day", "90 days"; a server that names no validity leaves it to the certificate type. */
function validityText(days) {
  if (days === undefined || days === null) return 'As the certificate type sets';
  return days === 1 ? '1 day' : `${days} days`;
}

function showClaim(claim) {
  $('claim-subject').textContent = claim.subject;
  const sans = claim.subjectAltNames ?? [];
  $('claim-sans').textContent = sans.length ? sans.join(', ') : 'None';
  $('claim-ca').textContent = claim.caName ?? '';
  $('claim-template').textContent = claim.templateName ?? '';
  $('claim-validity').textContent = validityText(claim.validityDays);
  $('claim-expires').textContent = claim.expiresAt ? new Date(claim.expiresAt).toLocaleString() : '';
  $('approved').hidden = false;
  $('choices').hidden = false;
}

function chooseMethod() {
  const generate = $('choice-generate').checked;
  $('generate-form').hidden = !generate;
  $('csr-form').hidden = generate;
}

function setBusy(form, busy) {
  form.setAttribute('aria-busy', String(busy));
  for (const control of form.elements) {
    control.disabled = busy;
  }
  for (const radio of document.querySelectorAll('input[name="method"]')) {
    radio.disabled = busy || (radio.value === 'generate' && !canGenerateKeys());
  }
}

function blobLink(anchor, bytes, type) {
  anchor.href = URL.createObjectURL(new Blob([bytes], { type }));
}

/** The claim is used up: the forms go, the certificate and its downloads appear. */
function showResult(result) {
  $('choices').hidden = true;
  $('certificate-pem').value = result.certificatePem;
  $('chain-pem').value = result.chainPem;
  blobLink($('download-pem'), result.certificatePem + result.chainPem, 'application/x-pem-file');
  if (result.pkcs12) {
    blobLink($('download-p12'), result.pkcs12, 'application/x-pkcs12');
    $('p12-download').hidden = false;
  }
  $('result').hidden = false;
  say(result.pkcs12 ? 'Your certificate is ready. Download certificate.p12 now.' : 'Your certificate is ready.');
  (result.pkcs12 ? $('download-p12') : $('result')).focus();
}

/** Shows why a claim failed; when the server says the claim is gone, the forms go too. */
function showFailure(error, form) {
  say('');
  showError(error.message || String(error));
  setBusy(form, false);
  if ([404, 409, 410].includes(error.status)) {
    $('choices').hidden = true;
  }
}

async function onGenerate(event, token, claim) {
  event.preventDefault();
  const password = $('password');
  const confirmation = $('password-confirmation');
  const problem = passwordProblem(password.value, confirmation.value);
  fieldError(password, $('password-error'), problem?.field === 'password' ? problem.message : null);
  fieldError(confirmation, $('confirmation-error'), problem?.field === 'confirmation' ? problem.message : null);
  if (problem) {
    (problem.field === 'password' ? password : confirmation).focus();
    return;
  }
  const form = event.currentTarget;
  showError('');
  setBusy(form, true);
  try {
    const result = await claimWithBrowserKey({ token, claim, password: password.value, onStep: (step) => say(STEPS[step]) });
    password.value = '';
    confirmation.value = '';
    showResult(result);
  } catch (error) {
    showFailure(error, form);
  }
}

async function onCsr(event, token) {
  event.preventDefault();
  const csr = $('csr');
  const problem = csrProblem(csr.value);
  fieldError(csr, $('csr-error'), problem);
  if (problem) {
    csr.focus();
    return;
  }
  const form = event.currentTarget;
  showError('');
  setBusy(form, true);
  say('Asking the certificate authority to sign…');
  try {
    showResult(await claimWithCsr({ token, csrPem: csr.value }));
  } catch (error) {
    showFailure(error, form);
  }
}

/** The claim token from the fragment, or '' when there is none or it is mangled. */
function tokenFromFragment() {
  try {
    return decodeURIComponent(window.location.hash.slice(1)).trim();
  } catch {
    return '';
  }
}

async function start() {
  const token = tokenFromFragment();
  if (!token) {
    say('');
    showError('This page needs the claim link you were sent: it ends with # and a long code. Open the whole link.');
    return;
  }
  let claim;
  try {
    claim = await fetchClaim(token);
  } catch (error) {
    say('');
    showError(error.message);
    return;
  }
  showClaim(claim);
  say('Choose how to get your certificate.');
  if (!canGenerateKeys()) {
    $('choice-generate').disabled = true;
    $('choice-csr').checked = true;
    $('generate-unavailable').hidden = false;
  }
  for (const radio of document.querySelectorAll('input[name="method"]')) {
    radio.addEventListener('change', chooseMethod);
  }
  chooseMethod();
  $('generate-form').addEventListener('submit', (event) => onGenerate(event, token, claim));
  $('csr-form').addEventListener('submit', (event) => onCsr(event, token));
}

// A different claim link pasted into the same tab changes only the fragment: start over.
window.addEventListener('hashchange', () => window.location.reload());
start();
