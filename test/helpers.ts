import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CLI = resolve('dist/cli.js');

/** Distinct customers of a transcripts file (a conversation without customerId is its own, as in profiles). */
export function customerCount(path: string): number {
  const ids = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const t = JSON.parse(l) as { id: string; customerId?: string };
      return t.customerId ?? `conv:${t.id}`;
    });
  return new Set(ids).size;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built convotag bin with optional stdin. */
export function convotag(args: string[], input?: string | Buffer, cwd?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
