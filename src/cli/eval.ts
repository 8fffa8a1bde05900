import type { Gold, TagResult } from '../contract/schemas.js';
import { evaluate } from '../evaluation/metrics.js';
import { formatEval } from '../evaluation/format.js';
import { readGold, readTags, valuesOf } from '../io/readers.js';
import { crossValidate, formatCv } from '../evaluation/cv.js';
import { loadCustomLexicon } from '../tagging/custom.js';
import { StdoutWriter, prepareInputs, printSummary, say, UsageError, type InputFlags, EXIT_OK } from './common.js';
import { loadLabelled } from './labelled.js';
import { parseIntFlag } from './train.js';

export async function evalCommand(
  files: string[],
  flags: InputFlags & { gold?: string; json?: boolean; cv?: string; seed?: string; lexicon?: string },
): Promise<number> {
  if (!flags.gold) throw new UsageError('eval needs --gold GOLD.jsonl');
  if (flags.cv !== undefined) return cvCommand(files, flags);
  if (!files.length) throw new UsageError('eval needs the tags file(s) to score (or - for stdin)');
  const goldIn = await prepareInputs([flags.gold], flags);
  const gold: Gold[] = [];
  for await (const g of valuesOf(readGold(goldIn.sources, goldIn.options))) gold.push(g);
  printSummary(goldIn.report, flags, 'gold: ');
  const tagsIn = await prepareInputs(files, flags);
  const tags: TagResult[] = [];
  for await (const t of valuesOf(readTags(tagsIn.sources, tagsIn.options))) tags.push(t);
  printSummary(tagsIn.report, flags, 'tags: ');
  const result = evaluate(gold, tags);
  const out = StdoutWriter.get();
  await out.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatEval(result)}\n`);
  return EXIT_OK;
}

/** `eval --cv K`: the files are transcripts; train and score K folds grouped by customer. */
async function cvCommand(
  files: string[],
  flags: InputFlags & { gold?: string; json?: boolean; cv?: string; seed?: string; lexicon?: string },
): Promise<number> {
  const folds = parseIntFlag('--cv', flags.cv, 5, 2, 20);
  const seed = parseIntFlag('--seed', flags.seed, 42, 0, 2 ** 31 - 1);
  if (!files.length) throw new UsageError('eval --cv needs the transcript file(s) the gold labels belong to');
  const examples = await loadLabelled(flags.gold!, files, flags);
  const customCues = flags.lexicon ? loadCustomLexicon(flags.lexicon) : undefined;
  const result = crossValidate(examples, {
    folds,
    seed,
    ...(customCues ? { customCues } : {}),
    onProgress: flags.quiet ? undefined : (m) => say(m),
  });
  await StdoutWriter.get().write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCv(result)}\n`);
  return EXIT_OK;
}
