// The claim client: relative URLs, only the CSR in the body, problem details as messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimError, fetchClaim, problemMessage, submitCsr } from '../../main/webapp/resources/claim/api.js';

const problem = (status, body) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': 'application/problem+json' },
});

test('the problem detail is the message', async () => {
  assert.equal(await problemMessage(problem(404, { title: 'Not Found', status: 404, detail: 'Claim abc was not found' })),
    'Claim abc was not found');
});

test('without a detail, the title; without either, a message for the status', async () => {
  assert.equal(await problemMessage(problem(400, { title: 'Bad CSR', status: 400 })), 'Bad CSR');
  assert.match(await problemMessage(new Response('oops', { status: 410 })), /expired/);
  assert.equal(await problemMessage(new Response('<html>', { status: 502, statusText: 'Bad Gateway',
    headers: { 'Content-Type': 'text/html' } })), 'The server answered 502 Bad Gateway.');
});

test('GET and POST go to the relative claim URL, the token only in a header', async () => {
  const calls = [];
  const fetchFn = async (url, init) => {
    calls.push({ url, init });
    return new Response('{"certificateId":"c1"}', { status: 201, headers: { 'Content-Type': 'application/json' } });
  };
  await fetchClaim('a/b c', fetchFn);
  await submitCsr('tok', '-----BEGIN CERTIFICATE REQUEST-----\nMII\n-----END CERTIFICATE REQUEST-----\n', fetchFn);
  assert.equal(calls[0].url, 'api/v1/claims');
  assert.equal(calls[0].init.method, undefined);
  assert.equal(calls[0].init.headers['Claim-Token'], 'a/b c');
  assert.equal(calls[1].url, 'api/v1/claims');
  assert.equal(calls[1].init.headers['Claim-Token'], 'tok');
  assert.equal(calls[1].init.method, 'POST');
  assert.equal(calls[1].init.credentials, 'omit');
  assert.deepEqual(Object.keys(JSON.parse(calls[1].init.body)), ['csr']);
});

test('a refusal becomes a ClaimError with the status and the detail', async () => {
  const refused = submitCsr('tok', 'x', async () => problem(409, { status: 409, detail: 'This certificate was already claimed' }));
  await assert.rejects(refused, (error) => error instanceof ClaimError && error.status === 409
    && error.message === 'This certificate was already claimed');
});

test('an unreachable server is said so', async () => {
  await assert.rejects(fetchClaim('tok', async () => { throw new TypeError('Failed to fetch'); }),
    (error) => error.status === 0 && /could not be reached/.test(error.message));
});
