// The public certificate request page (user guide 2.5.1): /request.html?template=<id>.
// It talks to the template's public endpoint; errors are RFC 9457 problem documents.

const $ = (id) => document.getElementById(id);
const template = new URLSearchParams(window.location.search).get('template') ?? '';
const endpoint = `api/v1/templates/${encodeURIComponent(template)}/public`;

async function problem(response) {
  const body = /json/i.test(response.headers.get('Content-Type') ?? '') ? await response.json().catch(() => null) : null;
  return body?.detail || `The server answered ${response.status}.`;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

function requestBody() {
  const body = { email: $('email').value.trim() };
  if ($('method-csr').checked) {
    body.csr = $('csr').value;
    return body;
  }
  body.subject = {};
  for (const name of ['commonName', 'organization', 'organizationalUnit', 'locality', 'state', 'country']) {
    const value = $(name).value.trim();
    if (value) body.subject[name] = value;
  }
  body.subjectAltNames = $('sans').value.split('\n').map((line) => line.trim()).filter(Boolean);
  return body;
}

async function submit(event) {
  event.preventDefault();
  $('error').hidden = true;
  $('submit').disabled = true;
  try {
    const response = await fetch(endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(requestBody()),
      credentials: 'omit',
    });
    if (!response.ok) {
      showError(await problem(response));
      return;
    }
    $('done-email').textContent = $('email').value.trim();
    $('request-form').hidden = true;
    $('done').hidden = false;
    $('status').textContent = 'Request sent.';
  } catch {
    showError('The server could not be reached. Check your connection and try again.');
  } finally {
    $('submit').disabled = false;
  }
}

function switchMethod() {
  const csr = $('method-csr').checked;
  $('csr-fields').hidden = !csr;
  $('form-fields').hidden = csr;
}

async function start() {
  const response = await fetch(endpoint, { credentials: 'omit' }).catch(() => null);
  if (!response || !response.ok) {
    $('status').textContent = '';
    showError(response ? await problem(response) : 'The server could not be reached.');
    return;
  }
  const offer = await response.json();
  $('offer').textContent = `${offer.templateName} certificate from ${offer.caName}.`
    + (offer.description ? ` ${offer.description}` : '');
  $('san-types').textContent = offer.allowedSanTypes.length ? offer.allowedSanTypes.join(', ') : 'none';
  $('status').textContent = 'Fill in the form to ask for a certificate.';
  $('request-form').hidden = false;
  $('method-form').addEventListener('change', switchMethod);
  $('method-csr').addEventListener('change', switchMethod);
  $('request-form').addEventListener('submit', submit);
}

start();
