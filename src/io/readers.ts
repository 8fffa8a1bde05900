/**
 * Streaming readers: JSONL (default), a JSON array, and CSV with one row per
 * turn. Every record is validated; a bad record becomes a RecordProblem with
 * file, line and field, and reading goes on (or stops, under `strict`).
 */
import { parse as parseCsv } from 'csv-parse';
import type { z } from 'zod';
import { TranscriptSchema, GoldSchema, TagResultSchema, type Transcript, type Gold, type TagResult } from '../contract/schemas.js';
import { ConvotagError, formatProblem, problemsFromZod, type RecordProblem } from './errors.js';
import { splitJsonArray, splitLines } from './lines.js';
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
}

interface RawRecord {
  line: number;
  value?: unknown;
  problems?: RecordProblem[];
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
    for await (const raw of rawRecords(opened, options)) {
      report.read++;
      let problems = raw.problems;
      let value: z.infer<S> | undefined;
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

async function* rawRecords(source: OpenedSource, options: ReadOptions): AsyncGenerator<RawRecord> {
  let format = options.format ?? formatFromName(source.name);
  let stream = source.stream;
  if (!format) {
    const sniffed = await sniff(stream);
    format = sniffed.format;
    stream = sniffed.stream;
  }
  if (format === 'csv') yield* csvRecords(source.name, stream, { ...DEFAULT_CSV_COLUMNS, ...options.csvColumns });
  else if (format === 'json') yield* jsonArrayRecords(source.name, stream);
  else yield* jsonlRecords(source.name, stream);
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
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { line, problems: [{ file, line, field: '', message: `invalid JSON: ${detail}` }] };
  }
}

async function* jsonlRecords(file: string, stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<RawRecord> {
  for await (const { line, text } of splitLines(stream)) {
    if (text.trim() === '') continue; // blank lines separate nothing and are not records
    yield parseJsonText(file, line, text);
  }
}

async function* jsonArrayRecords(file: string, stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<RawRecord> {
  for await (const piece of splitJsonArray(stream)) {
    if ('error' in piece) yield { line: piece.line, problems: [{ file, line: piece.line, field: '', message: piece.error }] };
    else yield parseJsonText(file, piece.line, piece.text);
  }
}

/**
 * CSV rows are grouped into transcripts by consecutive conversation id; the
 * rows of one conversation must stand together (only the ids seen are kept,
 * so memory stays flat).
 */
async function* csvRecords(file: string, stream: AsyncIterable<string | Uint8Array>, columns: CsvColumns): AsyncGenerator<RawRecord> {
  const parser = parseCsv({ bom: true, columns: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
  const feeding = (async () => {
    try {
      for await (const chunk of stream) if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  const seen = new Set<string>();
  let current: { id: string; line: number; record: Record<string, unknown>; turns: unknown[]; problems: RecordProblem[] } | undefined;
  let headerChecked = false;
  let lastEnd = 1; // csv-parse tells where a row ends; it starts after the previous one
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const record = row.record;
      const line = lastEnd + 1;
      lastEnd = row.info.lines;
      if (!headerChecked) {
        headerChecked = true;
        const missing = [columns.id, columns.role, columns.text].filter((c) => !(c in record));
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
      const id = (record[columns.id] ?? '').trim();
      if (!current || current.id !== id) {
        if (current) yield finishCsv(current);
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
      current.turns.push({ role: (record[columns.role] ?? '').trim().toLowerCase(), text: record[columns.text] ?? '' });
    }
    if (current) yield finishCsv(current);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = (err as { lines?: number }).lines ?? current?.line ?? 1;
    yield { line, problems: [{ file, line, field: '', message: `invalid CSV: ${message}` }] };
  }
  await feeding;
}

function csvTranscriptFields(record: Record<string, string>, columns: CsvColumns): Record<string, unknown> {
  const out: Record<string, unknown> = { id: (record[columns.id] ?? '').trim() };
  const optional: Array<[keyof CsvColumns, string]> = [
    ['customerId', columns.customerId],
    ['createdAt', columns.createdAt],
    ['channel', columns.channel],
    ['language', columns.language],
  ];
  for (const [field, column] of optional) {
    const value = record[column]?.trim();
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
