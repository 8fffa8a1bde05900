import type { Gold, TagResult } from '../contract/schemas.js';
import { evaluate } from '../evaluation/metrics.js';
import { formatEval } from '../evaluation/format.js';
import { readGold, readTags, valuesOf } from '../io/readers.js';
import { StdoutWriter, prepareInputs, printSummary, UsageError, type InputFlags, EXIT_OK } from './common.js';

export async function evalCommand(files: string[], flags: InputFlags & { gold?: string; json?: boolean }): Promise<number> {
  if (!flags.gold) throw new UsageError('eval needs --gold GOLD.jsonl');
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
