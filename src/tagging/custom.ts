/**
 * A shop's own cues, for built-in or custom subtypes, in a JSON file:
 *   { "cues": { "nl": { "obstacle/customs_fees": ["invoerrechten", "douane*"] },
 *               "en": { "obstacle/customs_fees": ["customs fee*", "import duty @0.9"] } } }
 * Every cue is compiled on load, so a typo fails with the file and cue named.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS } from '../contract/taxonomy.js';
import { ConvotagError, formatPath } from '../io/errors.js';
import { compileCue, type LexiconSpec } from './lexicon/compile.js';
import type { PairKey } from '../contract/taxonomy.js';

const pairKey = z.string().regex(new RegExp(`^(${INTENTS.join('|')})/[a-z0-9_]+$`), 'must be intent/subtype with one of the four intents');

export const CustomLexiconSchema = z.object({
  cues: z.partialRecord(z.enum(['nl', 'en']), z.record(pairKey, z.array(z.string().min(1)).min(1))),
});
export type CustomLexicon = z.infer<typeof CustomLexiconSchema>;

export function parseCustomLexicon(data: unknown, source = 'lexicon'): Partial<Record<'nl' | 'en', LexiconSpec>> {
  const parsed = CustomLexiconSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConvotagError(`${source}: ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  }
  for (const [lang, pairs] of Object.entries(parsed.data.cues))
    for (const [pair, cues] of Object.entries(pairs ?? {}))
      for (const cue of cues)
        try {
          compileCue(pair as PairKey, cue);
        } catch (err) {
          throw new ConvotagError(`${source}: cues.${lang}.${pair}: ${(err as Error).message}`);
        }
  return parsed.data.cues as Partial<Record<'nl' | 'en', LexiconSpec>>;
}

export function loadCustomLexicon(path: string): Partial<Record<'nl' | 'en', LexiconSpec>> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConvotagError(`${path}: cannot read lexicon (${(err as Error).message})`);
  }
  return parseCustomLexicon(data, path);
}
