import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve('dist/cli.js');

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
