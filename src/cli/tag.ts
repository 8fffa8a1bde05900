import { stat } from 'node:fs/promises';
import type { TagResult } from '../contract/schemas.js';
import { readTranscripts } from '../io/readers.js';
import { createTaggerPool } from '../tagging/pool.js';
import { createTagger } from '../tagging/tagger.js';
import { EXIT_OK, StdoutWriter, UsageError, prepareInputs, printSummary, type InputFlags } from './common.js';
import { Progress } from './progress.js';

export interface TagFlags extends InputFlags {
  minConfidence?: string;
  lang?: 'nl' | 'en';
  format?: 'jsonl' | 'json';
  model?: string;
  progress?: boolean;
  workers?: string;
}

export function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--min-confidence must be a number in [0, 1], got "${value}"`);
  return x;
}

/** `--workers`: a whole number of threads, or 'auto' for one per core; undefined = tag on the main thread. */
export function parseWorkers(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--workers must be a whole number from 1 to 256 or "auto", got "${value}"`);
  return n;
}

/** Tags transcripts to stdout, one JSON line per input transcript, in input order; bad records go to stderr. */
export async function tagCommand(files: string[], flags: TagFlags): Promise<number> {
  const minConfidence = parseConfidence(flags.minConfidence);
  const workers = parseWorkers(flags.workers);
  const taggerOptions = {
    ...(flags.lang ? { language: flags.lang } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    ...(flags.model ? { model: flags.model } : {}),
  };
  const tagger = workers === undefined ? createTagger(taggerOptions) : undefined;
  const { sources, options, report } = await prepareInputs(files, flags);
  // threads start only once the inputs are known to be readable
  const pool = workers === undefined ? undefined : createTaggerPool({ ...taggerOptions, workers });
  const out = StdoutWriter.get();
  const asArray = flags.format === 'json';
  let total = 0;
  for (const s of sources) if (s !== '-') total += (await stat(s)).size;
  const progress = new Progress(flags.progress !== false && total > 0 && process.stderr.isTTY === true, total);
  let first = true;
  try {
    if (asArray) await out.write('[');
    if (pool) {
      // same lines in the same order as below; the workers tag and serialise, this thread reads and writes
      async function* valid() {
        for await (const r of readTranscripts(sources, options)) {
          progress.tick(report.read);
          if (r.ok) yield r.value;
        }
      }
      for await (const lines of pool.tagJsonBatches(valid())) {
        if (!lines.length) continue;
        await out.write(asArray ? lines.map((line, i) => `${first && i === 0 ? '\n' : ',\n'}${line}`).join('') : `${lines.join('\n')}\n`);
        first = false;
      }
    } else if (tagger) {
      for await (const r of readTranscripts(sources, options)) {
        progress.tick(report.read);
        if (!r.ok) continue;
        const result: TagResult = tagger.tag(r.value);
        const line = JSON.stringify(result);
        await out.write(asArray ? `${first ? '\n' : ',\n'}${line}` : `${line}\n`);
        first = false;
      }
    }
    if (asArray) await out.write(first ? ']\n' : '\n]\n');
  } finally {
    await pool?.close();
    progress.done();
    printSummary(report, flags);
  }
  return EXIT_OK;
}
