/**
 * Streaming readers: JSONL (default), a JSON array, and CSV with one row per
 * turn. Every record is validated; a bad record becomes a RecordProblem with
 * file, line and field, and reading goes on (or stops, under `strict`).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse as parseCsv } from 'csv-parse';
import type { z } from 'zod';
import { TranscriptSchema, GoldSchema, TagResultSchema, type Transcript, type Gold, type TagResult } from '../contract/schemas.js';
import { ConvotagError, formatPath, formatProblem, problemsFromZod, type RecordProblem } from './errors.js';
import { MAX_RECORD_CHARS, UNDECODABLE, decodeChunks, splitJsonArray, splitLines, undecodableByte } from './lines.js';
import { formatFromName, openSource, type InputFormat, type OpenedSource, type Source } from './sources.js';

/** A record read from a file: the value, or what was wrong with it. */
export type ReadResult<T> =
  { ok: true; value: T; file: string; line: number } | { ok: false; problems: RecordProblem[]; file: string; line: number };

/** Running counts of one read; the invariant is `read === ok + bad`. */
export class ReadReport {
  read = 0;
  ok = 0;
  bad = 0;
  /** The first problems, kept for the summary; all of them go to `onProblem`. */
  readonly problems: RecordProblem[] = [];
  constructor(readonly keepProblems = 1000) {}
  summary(): string {
    return `read ${this.read}, ok ${this.ok}, bad ${this.bad}`;
  }
}

/** Names of the CSV columns, one row per turn. */
export interface CsvColumns {
  id: string;
  customerId: string;
  role: string;
  text: string;
  createdAt: string;
  channel: string;
  language: string;
}

export const DEFAULT_CSV_COLUMNS: CsvColumns = {
  id: 'conversation_id',
  customerId: 'customer_id',
  role: 'role',
  text: 'text',
  createdAt: 'created_at',
  channel: 'channel',
  language: 'language',
};

export interface ReadOptions {
  /** Input format; by default from the file extension, and for stdin sniffed (`[` → JSON array, else JSONL). */
  format?: InputFormat;
  /** Stop at the first bad record by throwing a ConvotagError. */
  strict?: boolean;
  /** CSV header names, where they differ from the defaults. */
  csvColumns?: Partial<CsvColumns>;
  /** Counts and problems of the read, filled as records stream by. */
  report?: ReadReport;
  /** Called for every bad record (e.g. to print it to stderr at once). */
  onProblem?: (problem: RecordProblem) => void;
  /** The longest record read, in characters (default 64 Mi); a longer one is reported and skipped. */
  maxRecordChars?: number;
}

interface RawRecord {
  line: number;
  value?: unknown;
  problems?: RecordProblem[];
  /** The record's source held bytes that are not UTF-8 (marked by lines.ts). */
  undecodable?: boolean;
}

/** Reads and validates records of any schema from one or more sources. */
export async function* readRecords<S extends z.ZodType>(
  sources: Source | Source[],
  schema: S,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult<z.infer<S>>> {
  const report = options.report ?? new ReadReport();
  for (const source of Array.isArray(sources) ? sources : [sources]) {
    const opened = openSource(source);
    for await (const raw of readOrFail(opened, options)) {
      report.read++;
      let problems = raw.problems;
      let value: z.infer<S> | undefined;
      if (!problems && raw.undecodable) problems = [undecodableProblem(opened.name, raw.line, raw.value)];
      if (!problems) {
        const parsed = schema.safeParse(raw.value);
        if (parsed.success) value = parsed.data;
        else problems = problemsFromZod(parsed.error, opened.name, raw.line, idOf(raw.value));
      }
      if (problems) {
        report.bad++;
        for (const p of problems) {
          if (report.problems.length < report.keepProblems) report.problems.push(p);
          options.onProblem?.(p);
        }
        if (options.strict) throw new ConvotagError(formatProblem(problems[0]!), problems);
        yield { ok: false, problems, file: opened.name, line: raw.line };
      } else {
        report.ok++;
        yield { ok: true, value: value as z.infer<S>, file: opened.name, line: raw.line };
      }
    }
  }
}

export function readTranscripts(sources: Source | Source[], options?: ReadOptions): AsyncGenerator<ReadResult<Transcript>> {
  return readRecords(sources, TranscriptSchema, options);
}

export function readGold(sources: Source | Source[], options?: ReadOptions): AsyncGenerator<ReadResult<Gold>> {
  return readRecords(sources, GoldSchema, options);
}

export function readTags(sources: Source | Source[], options?: ReadOptions): AsyncGenerator<ReadResult<TagResult>> {
  return readRecords(sources, TagResultSchema, options);
}

/** Only the valid values, for callers that already report problems through `onProblem`. */
export async function* valuesOf<T>(results: AsyncIterable<ReadResult<T>>): AsyncGenerator<T> {
  for await (const r of results) if (r.ok) yield r.value;
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (typeof id === 'string' && id) return id;
  }
  return undefined;
}

/** A source that fails while it is read (an I/O error, a broken pipe) ends the run with its name, not a stack trace. */
async function* readOrFail(source: OpenedSource, options: ReadOptions): AsyncGenerator<RawRecord> {
  try {
    yield* rawRecords(source, options);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new ConvotagError(`${source.name}: cannot read on (${reason}); the records after the last one reported are not read`);
  }
}

async function* rawRecords(source: OpenedSource, options: ReadOptions): AsyncGenerator<RawRecord> {
  let format = options.format ?? formatFromName(source.name);
  let stream = source.stream;
  if (!format) {
    const sniffed = await sniff(stream);
    format = sniffed.format;
    stream = sniffed.stream;
  }
  const max = options.maxRecordChars ?? MAX_RECORD_CHARS;
  if (format === 'csv') yield* csvRecords(source.name, stream, { ...DEFAULT_CSV_COLUMNS, ...options.csvColumns });
  else if (format === 'json') yield* jsonArrayRecords(source.name, stream, max);
  else yield* jsonlRecords(source.name, stream, max);
}

/** Looks at the first non-blank character without losing it. */
async function sniff(
  stream: AsyncIterable<string | Uint8Array>,
): Promise<{ format: InputFormat; stream: AsyncIterable<string | Uint8Array> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const seen: Array<string | Uint8Array> = [];
  let format: InputFormat = 'jsonl';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const text = typeof next.value === 'string' ? next.value : Buffer.from(next.value).toString('utf8');
    const trimmed = text.replace(/^[\uFEFF\s]+/, '');
    if (trimmed) {
      format = trimmed[0] === '[' ? 'json' : 'jsonl';
      break;
    }
  }
  async function* replay(): AsyncGenerator<string | Uint8Array> {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, stream: replay() };
}

function parseJsonText(file: string, line: number, text: string): RawRecord {
  // checked on the source text: a JSON escape such as "\udc80" is valid input and only becomes a lone surrogate once parsed
  const undecodable = UNDECODABLE.test(text);
  try {
    return { line, value: JSON.parse(text), ...(undecodable ? { undecodable } : {}) };
  } catch (err) {
    if (undecodable) return { line, problems: [undecodableProblem(file, line, undefined, text)] };
    const detail = err instanceof Error ? err.message : String(err);
    return { line, problems: [{ file, line, field: '', message: `invalid JSON: ${detail}` }] };
  }
}

function utf8Message(byte: string): string {
  return `not valid UTF-8${byte}: is the file Latin-1 or Windows-1252? Convert it to UTF-8, e.g. iconv -f windows-1252 -t utf-8`;
}

/** A record whose text held bytes that are not UTF-8, located at the first string field that holds one. */
function undecodableProblem(file: string, line: number, value: unknown, text?: string): RecordProblem {
  const found = value === undefined ? undefined : findUndecodable(value);
  const marker = (found?.text ?? text ?? '').match(UNDECODABLE)?.[0];
  const byte = marker ? ` (byte ${undecodableByte(marker)})` : '';
  const message = value === undefined ? `neither JSON nor UTF-8 text${byte}: is this a JSON Lines file?` : utf8Message(byte);
  return { file, line, field: found?.path ?? '', message, ...(idOf(value) ? { id: idOf(value)! } : {}) };
}

/** Path and text of the first string in a parsed value that holds an undecodable-byte marker (iterative: values may nest deeply). */
function findUndecodable(value: unknown): { path: string; text: string } | undefined {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNDECODABLE.test(v)) return { path: formatPath(path), text: v };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        if (UNDECODABLE.test(key)) return { path: formatPath([...path, key]), text: key };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return undefined;
}

async function* jsonlRecords(file: string, stream: AsyncIterable<string | Uint8Array>, max: number): AsyncGenerator<RawRecord> {
  for await (const piece of splitLines(stream, max)) {
    if ('error' in piece) {
      yield { line: piece.line, problems: [{ file, line: piece.line, field: '', message: piece.error }] };
      continue;
    }
    if (piece.text.trim() === '') continue; // blank lines separate nothing and are not records
    yield parseJsonText(file, piece.line, piece.text);
  }
}

async function* jsonArrayRecords(file: string, stream: AsyncIterable<string | Uint8Array>, max: number): AsyncGenerator<RawRecord> {
  for await (const piece of splitJsonArray(stream, max)) {
    if ('error' in piece) yield { line: piece.line, problems: [{ file, line: piece.line, field: '', message: piece.error }] };
    else yield parseJsonText(file, piece.line, piece.text);
  }
}

/**
 * CSV rows are grouped into transcripts by consecutive conversation id; the
 * rows of one conversation must stand together (only the ids seen are kept,
 * so memory stays flat). A row csv-parse cannot read is reported and skipped;
 * reading goes on with the next row.
 */
async function* csvRecords(file: string, stream: AsyncIterable<string | Uint8Array>, columns: CsvColumns): AsyncGenerator<RawRecord> {
  const skipped: RawRecord[] = [];
  let lastEnd = 1; // csv-parse tells where a row ends; it starts after the previous one
  const parser = parseCsv({
    bom: true,
    columns: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = (err as { lines?: number } | undefined)?.lines ?? lastEnd + 1;
      lastEnd = Math.max(lastEnd, line);
      skipped.push({ line, problems: [{ file, line, field: '', message: `invalid CSV: ${err?.message ?? 'unreadable row'}` }] });
      return undefined;
    },
    info: true,
    trim: false,
  });
  // Decoded here rather than by csv-parse, which would replace bytes that are not UTF-8 unseen: lines holding one are noted.
  const undecodableLines = new Map<number, string>();
  async function* text(): AsyncGenerator<string> {
    let line = 1;
    for await (const chunk of decodeChunks(stream)) {
      if (UNDECODABLE.test(chunk)) {
        for (let i = 0; i < chunk.length; i++) {
          if (chunk.charCodeAt(i) === 10) line++;
          else if (UNDECODABLE.test(chunk[i]!) && !undecodableLines.has(line)) undecodableLines.set(line, undecodableByte(chunk[i]!));
        }
      } else for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
      yield chunk;
    }
  }
  // pipeline ends the parser on every path (a read error included), so iterating it below never waits forever
  const feeding = pipeline(Readable.from(text()), parser).catch((err: unknown) => err);
  const seen = new Set<string>();
  let current: { id: string; line: number; record: Record<string, unknown>; turns: unknown[]; problems: RecordProblem[] } | undefined;
  let headerChecked = false;
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) {
      if (!current) while (skipped.length) yield skipped.shift()!;
      const record = row.record;
      const line = lastEnd + 1;
      lastEnd = row.info.lines;
      if (!headerChecked) {
        headerChecked = true;
        const missing = [columns.id, columns.role, columns.text].filter((c) => !Object.hasOwn(record, c));
        if (missing.length) {
          yield {
            line: 1,
            problems: [
              {
                file,
                line: 1,
                field: missing.join(', '),
                message: `CSV header lacks column(s) ${missing.join(', ')} (set them with --csv-columns)`,
              },
            ],
          };
          return;
        }
      }
      const id = cell(record, columns.id).trim();
      if (!current || current.id !== id) {
        if (current) yield finishCsv(current);
        // rows skipped while this conversation was open come after it, so results stay in file order
        while (skipped.length) yield skipped.shift()!;
        const problems: RecordProblem[] = [];
        if (id && seen.has(id))
          problems.push({
            file,
            line,
            field: columns.id,
            id,
            message: `rows of conversation ${id} are not contiguous; sort the CSV by ${columns.id}`,
          });
        if (id) seen.add(id);
        current = { id, line, record: csvTranscriptFields(record, columns), turns: [], problems };
      }
      for (let l = line; l <= lastEnd; l++) {
        const byte = undecodableLines.get(l);
        if (byte === undefined) continue;
        undecodableLines.delete(l);
        current.problems.push({ file, line: l, field: '', message: utf8Message(` (byte ${byte})`), ...(id ? { id } : {}) });
      }
      current.turns.push({ role: cell(record, columns.role).trim().toLowerCase(), text: cell(record, columns.text) });
    }
    if (current) yield finishCsv(current);
    while (skipped.length) yield skipped.shift()!;
  } catch (err) {
    const failed = await feeding;
    if (failed && !(failed instanceof CsvError)) throw failed; // the source failed, not its CSV: the caller reports that
    while (skipped.length) yield skipped.shift()!;
    const message = err instanceof Error ? err.message : String(err);
    const line = (err as { lines?: number }).lines ?? current?.line ?? 1;
    yield { line, problems: [{ file, line, field: '', message: `invalid CSV: ${message}` }] };
  }
  const failed = await feeding;
  if (failed && !(failed instanceof CsvError) && (failed as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw failed;
}

/** A cell of a CSV row: its own string value only ("constructor" or "__proto__" as a column name reads nothing inherited). */
function cell(record: Record<string, unknown>, column: string): string {
  const value = Object.hasOwn(record, column) ? record[column] : undefined;
  return typeof value === 'string' ? value : '';
}

function csvTranscriptFields(record: Record<string, unknown>, columns: CsvColumns): Record<string, unknown> {
  const out: Record<string, unknown> = { id: cell(record, columns.id).trim() };
  const optional: Array<[keyof CsvColumns, string]> = [
    ['customerId', columns.customerId],
    ['createdAt', columns.createdAt],
    ['channel', columns.channel],
    ['language', columns.language],
  ];
  for (const [field, column] of optional) {
    const value = cell(record, column).trim();
    if (value) out[field] = value;
  }
  return out;
}

function finishCsv(group: {
  id: string;
  line: number;
  record: Record<string, unknown>;
  turns: unknown[];
  problems: RecordProblem[];
}): RawRecord {
  if (group.problems.length) return { line: group.line, problems: group.problems };
  return { line: group.line, value: { ...group.record, turns: group.turns } };
}
