// Runs OpenSSL, the independent judge of what the claim page's encoders produce.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs openssl in `cwd` and returns its output; throws with stderr when it fails. */
export function openssl(cwd, ...args) {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs openssl and returns its exit status and combined output, failing or not. */
export function opensslStatus(cwd, ...args) {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A fresh temporary directory, removed by the returned function. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'claim-js-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
