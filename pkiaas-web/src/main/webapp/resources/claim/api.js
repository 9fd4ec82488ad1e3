// The public claim endpoints, called relative to the page (the web application is at "/").
// Errors are RFC 9457 problem documents; their "detail" is what the holder reads.

/** A refused or failed call, with the message to show and the HTTP status (0 when unreachable). */
export class ClaimError extends Error {
  constructor(message, status, cause) {
    super(message, { cause });
    this.name = 'ClaimError';
    this.status = status;
  }
}

const FALLBACK_MESSAGES = {
  404: 'This claim link is not valid. Check that you opened the whole link you were sent.',
  409: 'This certificate has already been claimed.',
  410: 'This claim link has expired. Ask your administrator for a new one.',
};

/** The human message of an error answer: the problem's detail, else its title, else a message for the status. */
export async function problemMessage(response) {
  let problem = null;
  if (/json/i.test(response.headers.get('Content-Type') ?? '')) {
    problem = await response.json().catch(() => null);
  }
  const detail = problem?.detail || problem?.title;
  return detail || FALLBACK_MESSAGES[response.status] || `The server answered ${response.status} ${response.statusText}.`.trim();
}

// The token goes in a header, never in the URL: the link keeps it in the fragment so that no access
// log or proxy records it, and the calls must not undo that.
const CLAIM_URL = 'api/v1/claims';
const TOKEN_HEADER = 'Claim-Token';

async function call(url, init, fetchFn) {
  let response;
  try {
    response = await fetchFn(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (cause) {
    throw new ClaimError('The server could not be reached. Check your connection and try again.', 0, cause);
  }
  if (!response.ok) {
    throw new ClaimError(await problemMessage(response), response.status);
  }
  return response.json();
}

/** What was pre-approved: requestId, templateName, caName, subject, subjectAltNames, validityDays, expiresAt. */
export function fetchClaim(token, fetchFn = globalThis.fetch) {
  return call(CLAIM_URL, { headers: { Accept: 'application/json', [TOKEN_HEADER]: token } }, fetchFn);
}

/** Sends the PEM CSR, and only it; answers certificateId, certificatePem and chainPem. */
export function submitCsr(token, csrPem, fetchFn = globalThis.fetch) {
  return call(CLAIM_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ csr: csrPem }),
  }, fetchFn);
}
