import type { z } from 'zod';

/** One bad record: where it is and what is wrong, precise enough to fix it. */
export interface RecordProblem {
  file: string;
  /** 1-based line (JSONL, JSON array) or the first line of the row group (CSV). */
  line: number;
  /** Field path inside the record, e.g. `turns[1].role`; empty for the whole record. */
  field: string;
  message: string;
  /** Conversation id when it could be read. */
  id?: string;
}

export function formatProblem(p: RecordProblem): string {
  const field = p.field ? `${p.field}: ` : '';
  const id = p.id ? ` (id ${p.id.length > 80 ? `${p.id.slice(0, 80)}…` : p.id})` : '';
  return printable(`${p.file}:${p.line}: ${field}${p.message}${id}`);
}

/**
 * One line of plain text: control characters (a binary file's bytes echoed
 * by JSON.parse, a line break in an id) and lone surrogates are escaped, so a
 * problem never spans lines or sends escape sequences to the terminal.
 */
function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udfff]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Turn a zod error into one problem per issue, located in the file. */
export function problemsFromZod(error: z.ZodError, file: string, line: number, id?: string): RecordProblem[] {
  return error.issues.map((issue) => ({
    file,
    line,
    field: formatPath(issue.path),
    message: issue.message,
    ...(id ? { id } : {}),
  }));
}

/** An error that ends the run (exit code 1), e.g. an unreadable file or the first bad record under --strict. */
export class ConvotagError extends Error {
  constructor(
    message: string,
    readonly problems: RecordProblem[] = [],
  ) {
    super(message);
    this.name = 'ConvotagError';
  }
}
