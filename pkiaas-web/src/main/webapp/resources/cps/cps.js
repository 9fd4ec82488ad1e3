// A CA's public page, /cps/<caId>: its practice statement, and renewal with a valid certificate.

const $ = (id) => document.getElementById(id);
const caId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() ?? '');

async function problem(response) {
  const body = /json/i.test(response.headers.get('Content-Type') ?? '') ? await response.json().catch(() => null) : null;
  return body?.detail || `The server answered ${response.status}.`;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

async function renew(event) {
  event.preventDefault();
  $('error').hidden = true;
  $('renew').disabled = true;
  try {
    const response = await fetch(`/api/v1/cas/${encodeURIComponent(caId)}/renewals`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr: $('csr').value }), credentials: 'omit',
    });
    if (!response.ok) {
      showError(await problem(response));
      return;
    }
    const renewed = await response.json();
    const pem = renewed.certificatePem + renewed.chainPem;
    $('certificate').value = pem;
    $('download').href = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
    $('renewed-status').textContent = `Renewed certificate ${renewed.renewedSerialNumber}`
      + (renewed.renewedRevoked ? '; the old certificate has been revoked.' : '.');
    $('renewed').hidden = false;
  } catch {
    showError('The server could not be reached. Check your connection and try again.');
  } finally {
    $('renew').disabled = false;
  }
}

async function start() {
  const response = await fetch(`/api/v1/cas/${encodeURIComponent(caId)}/cps`, { credentials: 'omit' }).catch(() => null);
  if (!response || !response.ok) {
    showError(response ? await problem(response) : 'The server could not be reached.');
    return;
  }
  const ca = await response.json();
  document.title = `${ca.name} · Certification practice statement`;
  $('title').textContent = `${ca.name}: certification practice statement`;
  $('ca-subject').textContent = ca.subject;
  $('ca-certificate').href = ca.urls.caCertificate;
  $('ca-chain').href = ca.urls.caChain;
  if (ca.cpsUrl) {
    const link = document.createElement('a');
    link.href = ca.cpsUrl;
    link.textContent = ca.cpsUrl;
    $('cps-url').append(link);
  } else {
    $('cps-url').textContent = ca.cpsText ? 'below' : 'none published';
  }
  $('cps-text').textContent = ca.cpsText ?? '';
  $('statement').hidden = false;
  $('renewal').hidden = false;
  $('renewal-form').addEventListener('submit', renew);
}

start();
