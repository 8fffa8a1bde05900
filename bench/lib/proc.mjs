/** Child processes of the bench: timed CLI runs whose stdout is hashed, and RSS sampling on Linux. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Runs `node args…` with stdin from `stdin` (a stream with a file
 * descriptor, e.g. another child's stdout, handed over directly) or nothing;
 * hashes and counts stdout lines; calls `onSample` every `sampleMs` with the
 * child's memory from /proc. Resolves with wall time.
 */
export function runNode(args, { stdin, sampleMs = 0, onSample, env } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: [stdin ?? 'ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const hash = createHash('sha256');
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    let timer;
    if (sampleMs && onSample) {
      timer = setInterval(() => {
        const m = procMemory(child.pid);
        if (m) onSample({ ms: performance.now() - t0, lines, ...m });
      }, sampleMs);
    }
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - t0) / 1000, lines, sha256: hash.digest('hex'), stderr });
    });
  });
}

/** Resident and peak resident memory of a process in MB (Linux /proc), or undefined elsewhere or after exit. */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rssMB = kb('VmRSS') / 1024;
    const peakMB = kb('VmHWM') / 1024;
    // a process that has exited but not been reaped has no memory lines
    return Number.isFinite(rssMB) && Number.isFinite(peakMB) ? { rssMB, peakMB } : undefined;
  } catch {
    return undefined;
  }
}
