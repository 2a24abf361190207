// Small process helpers for the project's own scripts (test.mjs, start.mjs, build.mjs).
// Node built-ins only: these run before node_modules exists.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The pnpm every script uses: npx fetches it, nothing global is needed (TOOLCHAIN §2). */
export const PNPM = ['npx', '-y', 'pnpm@12.21.0'];

/** Environment for children: the caller's (NODE_EXTRA_CA_CERTS included) with node_modules/.bin first on PATH. */
export function childEnv(extra = {}) {
  const bin = join(ROOT, 'node_modules', '.bin');
  return { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/**
 * Run a command with inherited stdio (`capture` also keeps a copy of stdout), in the repo root.
 * Resolves with { code, ms, stdout }; never rejects (a missing binary is code 127).
 */
export function run(cmd, args = [], { env = {}, cwd = ROOT, capture = false } = {}) {
  const started = Date.now();
  return new Promise((done) => {
    let stdout = '';
    const child = spawn(cmd, args, {
      cwd,
      env: childEnv(env),
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : ['ignore', 'inherit', 'inherit'],
    });
    // capture: keep stdout and still show it (a tee), so counts can be read from a step's own output.
    if (capture)
      child.stdout.on('data', (b) => {
        stdout += b;
        process.stdout.write(b);
      });
    child.on('error', (e) => {
      process.stderr.write(`could not start ${cmd}: ${e.message}\n`);
      done({ code: 127, ms: Date.now() - started, stdout });
    });
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 128 : 1), ms: Date.now() - started, stdout }));
  });
}

/** Run a command under `flock LOCK` when flock exists (parallel pnpm writes in one tree), else plainly. */
export function runLocked(lock, cmd, args, opts) {
  return existsSync('/usr/bin/flock') ? run('/usr/bin/flock', [lock, cmd, ...args], opts) : run(cmd, args, opts);
}

/** "12.3 s" */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Print a visible step banner. */
export function banner(title) {
  process.stdout.write(`\n=== ${title} ===\n`);
}
