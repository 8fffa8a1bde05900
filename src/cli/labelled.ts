import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { TrainingGoldSchema, type Gold, type Transcript } from '../contract/schemas.js';
import { readRecords, readTranscripts, valuesOf } from '../io/readers.js';
import { ConvotagError } from '../io/errors.js';
import { prepareInputs, printSummary, say, type InputFlags } from './common.js';

export interface Labelled {
  transcript: Transcript;
  gold: Gold;
}

/** Transcripts joined with their gold lines by id; unmatched ids are counted on stderr. */
export async function loadLabelled(goldFile: string, transcriptFiles: string[], flags: InputFlags): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for await (const e of streamLabelled(goldFile, transcriptFiles, flags)) out.push(e);
  return out;
}

/**
 * The same, one conversation at a time: only the gold lines are held, so a
 * caller that keeps less than a transcript (training) runs in flat memory.
 */
export async function* streamLabelled(goldFile: string, transcriptFiles: string[], flags: InputFlags): AsyncGenerator<Labelled> {
  const goldIn = await prepareInputs([goldFile], flags);
  const gold = new Map<string, Gold>();
  for await (const g of valuesOf(readRecords(goldIn.sources, TrainingGoldSchema, goldIn.options))) gold.set(g.id, g as Gold);
  printSummary(goldIn.report, flags, 'gold: ');
  const tIn = await prepareInputs(transcriptFiles, flags);
  let matched = 0;
  let unlabelled = 0;
  for await (const t of valuesOf(readTranscripts(tIn.sources, tIn.options))) {
    const g = gold.get(t.id);
    if (!g) {
      unlabelled++;
      continue;
    }
    matched++;
    yield { transcript: t, gold: g };
  }
  printSummary(tIn.report, flags, 'transcripts: ');
  if (unlabelled && !flags.quiet) say(`${unlabelled} transcript(s) have no gold line and are not used`);
  if (!matched) throw new ConvotagError('no transcript has a gold line: nothing to learn from (ids must match)');
}

/** The corpus the built-in model was trained on, shipped with the package. */
export function builtinCorpus(): Array<{ gold: string; transcripts: string }> {
  const root = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
  const parts = (['nl', 'en'] as const).map((lang) => ({
    gold: `${root}${lang}.train.gold.jsonl`,
    transcripts: `${root}${lang}.train.transcripts.jsonl`,
  }));
  for (const p of parts)
    if (!existsSync(p.gold) || !existsSync(p.transcripts))
      throw new ConvotagError(`the built-in corpus is missing (${p.gold}); use --base none`);
  return parts;
}
