import { stat } from 'node:fs/promises';
import type { TagResult } from '../contract/schemas.js';
import { readTranscripts } from '../io/readers.js';
import { createTagger } from '../tagging/tagger.js';
import { EXIT_OK, StdoutWriter, UsageError, prepareInputs, printSummary, type InputFlags } from './common.js';
import { Progress } from './progress.js';

export interface TagFlags extends InputFlags {
  minConfidence?: string;
  lang?: 'nl' | 'en';
  format?: 'jsonl' | 'json';
  model?: string;
  progress?: boolean;
}

export function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--min-confidence must be a number in [0, 1], got "${value}"`);
  return x;
}

/** Tags transcripts to stdout, one JSON line per input transcript, in input order; bad records go to stderr. */
export async function tagCommand(files: string[], flags: TagFlags): Promise<number> {
  const minConfidence = parseConfidence(flags.minConfidence);
  const tagger = createTagger({
    ...(flags.lang ? { language: flags.lang } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    ...(flags.model ? { model: flags.model } : {}),
  });
  const { sources, options, report } = await prepareInputs(files, flags);
  const out = StdoutWriter.get();
  const asArray = flags.format === 'json';
  let total = 0;
  for (const s of sources) if (s !== '-') total += (await stat(s)).size;
  const progress = new Progress(flags.progress !== false && total > 0 && process.stderr.isTTY === true, total);
  let first = true;
  try {
    if (asArray) await out.write('[');
    for await (const r of readTranscripts(sources, options)) {
      progress.tick(report.read);
      if (!r.ok) continue;
      const result: TagResult = tagger.tag(r.value);
      const line = JSON.stringify(result);
      await out.write(asArray ? `${first ? '\n' : ',\n'}${line}` : `${line}\n`);
      first = false;
    }
    if (asArray) await out.write(first ? ']\n' : '\n]\n');
  } finally {
    progress.done();
    printSummary(report, flags);
  }
  return EXIT_OK;
}
