import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { ConvotagError } from './errors.js';

export type InputFormat = 'jsonl' | 'json' | 'csv';

/** A path, `-` for stdin, or an already-open stream with a display name. */
export type Source = string | { name: string; stream: Readable | AsyncIterable<string | Uint8Array> };

export interface OpenedSource {
  name: string;
  stream: AsyncIterable<string | Uint8Array>;
}

/** Fails early, with the path in the message, for paths that cannot be read. */
export async function checkReadable(path: string): Promise<void> {
  if (path === '-') return;
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConvotagError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(err)})`);
  }
  if (info.isDirectory()) throw new ConvotagError(`${path}: is a directory, expected a file`);
}

export function openSource(source: Source): OpenedSource {
  if (typeof source !== 'string') return { name: source.name, stream: source.stream };
  if (source === '-') return { name: '<stdin>', stream: process.stdin };
  return { name: source, stream: createReadStream(source, { highWaterMark: 1 << 16 }) };
}

/** Format from the file name; `undefined` when the name does not tell (stdin, other extensions). */
export function formatFromName(name: string): InputFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}
