import { GoldSchema, TagResultSchema, TranscriptSchema } from '../contract/schemas.js';
import { formatProblem, type RecordProblem } from '../io/errors.js';
import { readRecords } from '../io/readers.js';
import { EXIT_FATAL, EXIT_OK, StdoutWriter, prepareInputs, printSummary, say, type InputFlags } from './common.js';

export type RecordKind = 'transcripts' | 'gold' | 'tags';

export function kindFromName(file: string): RecordKind {
  if (/\bgold\b/i.test(file)) return 'gold';
  if (/\btags?\b/i.test(file)) return 'tags';
  return 'transcripts';
}

const schemas = { transcripts: TranscriptSchema, gold: GoldSchema, tags: TagResultSchema };

/**
 * Checks files against the contract. Problems are this command's output, so
 * they go to stdout (one line each, or JSON Lines with --json); the summary
 * goes to stderr. Exit 1 when any record is bad, so CI can gate on it.
 */
export async function validateCommand(files: string[], flags: InputFlags & { kind?: RecordKind; json?: boolean }): Promise<number> {
  const out = StdoutWriter.get();
  let bad = 0;
  for (const file of files.length ? files : ['-']) {
    const kind = flags.kind ?? kindFromName(file);
    const { sources, options, report } = await prepareInputs([file], flags);
    const problems: RecordProblem[] = [];
    options.onProblem = (p) => problems.push(p);
    const seen = new Map<string, number>();
    try {
      for await (const r of readRecords(sources, schemas[kind], options)) {
        if (!r.ok) {
          for (const p of problems.splice(0)) await out.write(flags.json ? `${JSON.stringify(p)}\n` : `${formatProblem(p)}\n`);
          continue;
        }
        const id = (r.value as { id: string }).id;
        const first = seen.get(id);
        if (first !== undefined) {
          const p: RecordProblem = { file: r.file, line: r.line, field: 'id', id, message: `duplicate id, first seen on line ${first}` };
          report.ok--;
          report.bad++;
          await out.write(flags.json ? `${JSON.stringify(p)}\n` : `${formatProblem(p)}\n`);
          if (flags.strict) break;
        } else seen.set(id, r.line);
      }
    } finally {
      for (const p of problems.splice(0)) await out.write(flags.json ? `${JSON.stringify(p)}\n` : `${formatProblem(p)}\n`);
      printSummary(report, flags, `${file} (${kind}): `);
    }
    bad += report.bad;
  }
  if (bad && !flags.quiet) say(`${bad} bad record(s)`);
  return bad ? EXIT_FATAL : EXIT_OK;
}
