import { describe, expect, it } from 'vitest';
import type { Transcript } from '../contract/schemas.js';
import { PAIRS } from '../contract/taxonomy.js';
import { createTagger } from './tagger.js';
import { taggerCases } from './tagger.cases.js';

const tagger = createTagger();
const transcript = (id: string, lang: 'nl' | 'en' | undefined, turns: string[]): Transcript => ({
  id,
  ...(lang ? { language: lang } : {}),
  turns: turns.map((t) =>
    t.startsWith('AGENT:') ? { role: 'agent' as const, text: t.slice(6).trim() } : { role: 'customer' as const, text: t },
  ),
});
const pairsOf = (t: Transcript) => tagger.tag(t).intents.map((i) => `${i.intent}/${i.subtype}`);

describe('tagger: a positive and a near-miss negative per pair and language', () => {
  it('has a case of each kind for every pair in both languages', () => {
    for (const lang of ['nl', 'en'] as const)
      for (const pair of PAIRS)
        for (const expected of [true, false])
          expect(
            taggerCases.some((c) => c.lang === lang && c.pair === pair && c.expect === expected),
            `${lang} ${pair} ${expected}`,
          ).toBe(true);
  });

  it.each(taggerCases.map((c, i) => [`${c.lang} ${c.expect ? '+' : '−'} ${c.pair}`, c, i] as const))('%s', (_, c, i) => {
    const found = pairsOf(transcript(`case-${i}`, undefined, c.turns));
    expect(found.includes(c.pair), `${c.turns.join(' | ')} → ${found.join(', ') || 'nothing'}`).toBe(c.expect);
  });
});
