// Starts and stops the Wails dev-server binary (build/bin/passerelle-dev) for a test. The binary
// opens its own window too, so it needs a DISPLAY: scripts/e2e.sh runs the tests under Xvfb.
// Any browser at the returned URL gets the real UI with working Go bindings.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = process.env.E2E_ARTIFACTS || path.join(repoRoot, 'e2e', 'artifacts');

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
const assetDir = process.env.PASSERELLE_ASSET_DIR || path.join(repoRoot, 'frontend', 'dist');

/** A new empty data directory for one test run. */
export function tempDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let serial = 0;

/**
 * Starts the dev binary with PASSERELLE_DATA_DIR=dataDir, serving on 127.0.0.1:port, and waits
 * until it answers HTTP. Returns { url, port, dataDir, stop() }. Its output goes to
 * e2e/artifacts/server-N.log (and is shown if it fails to start).
 */
export async function startApp({ dataDir, port, timeoutMs = 60_000 } = {}) {
  if (!process.env.DISPLAY) throw new Error('startApp: no DISPLAY; run the tests through scripts/e2e.sh (Xvfb)');
  if (!existsSync(devBin)) throw new Error(`startApp: ${devBin} is missing; run make build-dev`);
  if (!existsSync(path.join(assetDir, 'index.html'))) throw new Error(`startApp: ${assetDir}/index.html is missing; run make frontend`);
  dataDir ??= tempDataDir();
  port ??= await freePort();
  mkdirSync(artifactsDir, { recursive: true });
  serial += 1;
  const logPath = path.join(artifactsDir, `server-${serial}.log`);
  const log = createWriteStream(logPath);
  let output = '';

  const child = spawn(devBin, ['-devserver', `127.0.0.1:${port}`, '-assetdir', assetDir, '-loglevel', 'Warning'], {
    cwd: repoRoot,
    env: { ...process.env, PASSERELLE_DATA_DIR: dataDir },
    // Own process group, so stop() also ends the WebKit processes it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      log.write(chunk);
      if (output.length < 20_000) output += chunk.toString();
    });
  }
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      log.end();
      throw new Error(`passerelle-dev exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child.pid, 'SIGKILL');
      log.end();
      throw new Error(`passerelle-dev did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }

  async function stop() {
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exitPromise.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        killGroup(child.pid, 'SIGKILL');
        await exitPromise;
      }
    }
    // Let any other process of the group (WebKit) finish going away.
    killGroup(child.pid, 'SIGKILL');
    log.end();
  }

  return { url, port, dataDir, logPath, stop, output: () => output };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
