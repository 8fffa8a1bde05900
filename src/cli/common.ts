/**
 * What every command shares: reading inputs with problems on stderr, the
 * read summary, a stdout that tolerates a closed pipe, and exit codes.
 */
import { ConvotagError, formatProblem } from '../io/errors.js';
import { ReadReport, type CsvColumns, type ReadOptions } from '../io/readers.js';
import { checkReadable, type InputFormat } from '../io/sources.js';

export const EXIT_OK = 0;
export const EXIT_FATAL = 1;
export const EXIT_USAGE = 2;

export interface InputFlags {
  strict?: boolean;
  inputFormat?: InputFormat;
  csvColumns?: string;
  quiet?: boolean;
}

/** Messages go to stderr; stdout carries data only. */
export function say(message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
}

/** Parses `--csv-columns id=ticket,text=body` into reader column names. */
export function parseCsvColumns(spec: string | undefined): Partial<CsvColumns> | undefined {
  if (!spec) return undefined;
  const known = ['id', 'customerId', 'role', 'text', 'createdAt', 'channel', 'language'];
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || !value || !known.includes(key))
      throw new UsageError(`--csv-columns: expected FIELD=COLUMN pairs with FIELD one of ${known.join(', ')}; got "${part}"`);
    out[key] = value;
  }
  return out as Partial<CsvColumns>;
}

export class UsageError extends Error {}

/** Checks every path first, so a typo fails before any output is written. */
export async function prepareInputs(
  files: string[],
  flags: InputFlags,
): Promise<{ sources: string[]; options: ReadOptions; report: ReadReport }> {
  const sources = files.length ? files : ['-'];
  for (const f of sources) await checkReadable(f);
  const report = new ReadReport(0);
  const options: ReadOptions = {
    report,
    strict: flags.strict ?? false,
    onProblem: (p) => say(formatProblem(p)),
  };
  if (flags.inputFormat) options.format = flags.inputFormat;
  const csvColumns = parseCsvColumns(flags.csvColumns);
  if (csvColumns) options.csvColumns = csvColumns;
  return { sources, options, report };
}

export function printSummary(report: ReadReport, flags: InputFlags, label = ''): void {
  if (!flags.quiet) say(`${label}${report.summary()}`);
}

/**
 * Writes to stdout with back-pressure; a closed pipe (`| head -1`) ends the
 * process quietly instead of throwing EPIPE.
 */
export class StdoutWriter {
  private closed = false;
  private static shared: StdoutWriter | undefined;
  /** One writer per process, so the EPIPE handler is installed once. */
  static get(): StdoutWriter {
    return (StdoutWriter.shared ??= new StdoutWriter());
  }
  private constructor() {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code === 'EPIPE') process.exit(EXIT_OK);
      // a full disk or a bad descriptor: the output is incomplete, so say so plainly and fail
      say(`convotag: cannot write the output (${err.code ?? err.message}); it is incomplete`);
      process.exit(EXIT_FATAL);
    });
  }
  get isClosed(): boolean {
    return this.closed;
  }
  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Maps an error to its message and exit code. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) {
    say(`convotag: ${err.message}\nTry 'convotag --help'.`);
    return EXIT_USAGE;
  }
  if (err instanceof ConvotagError) {
    say(`convotag: ${err.message}`);
    return EXIT_FATAL;
  }
  say(`convotag: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return EXIT_FATAL;
}
