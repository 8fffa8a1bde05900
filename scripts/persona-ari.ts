/**
 * How well personas recover the gold archetypes: the adjusted Rand index
 * between convotag's personas and the `persona` field of the corpus gold, per
 * language and for both together, with k chosen automatically and with k = 5
 * (the number of archetypes). Conversations are tagged by convotag itself
 * (the built-in model); gold labels are used for nothing but the score.
 *
 * Run: npm run personas:ari [-- --split dev|train] [--seed N]
 * The default split is dev. On train the built-in tagger has seen the text,
 * so its numbers are optimistic.
 */
import { GoldSchema, TranscriptSchema, type Transcript } from '../src/contract/schemas.js';
import { readRecords, valuesOf } from '../src/io/readers.js';
import { adjustedRandIndex } from '../src/personas/ari.js';
import { findPersonas } from '../src/personas/find.js';
import { profileCustomers, type CustomerProfile } from '../src/profiles/profile.js';
import { createTagger } from '../src/tagging/tagger.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const split = arg('split', 'dev');
const seed = Number(arg('seed', '42'));

const tagger = createTagger();
const archetype = new Map<string, string>();
const byLanguage: Record<string, CustomerProfile[]> = {};
let started = Date.now();
for (const lang of ['nl', 'en']) {
  const gold = new Map<string, string>();
  for await (const g of valuesOf(readRecords(`fixtures/corpus/${lang}.${split}.gold.jsonl`, GoldSchema)))
    if (g.persona) gold.set(g.id, g.persona);
  const transcripts: Transcript[] = [];
  for await (const t of valuesOf(readRecords(`fixtures/corpus/${lang}.${split}.transcripts.jsonl`, TranscriptSchema))) {
    transcripts.push(t);
    const persona = gold.get(t.id);
    if (persona && t.customerId) archetype.set(t.customerId, persona);
  }
  const tags = transcripts.map((t) => tagger.tag(t));
  // customers with a gold archetype only (all of them in the corpus)
  byLanguage[lang] = profileCustomers(transcripts, tags).filter((p) => archetype.has(p.customerId));
}
const tagSeconds = (Date.now() - started) / 1000;

const rows: string[] = [];
started = Date.now();
for (const [label, profiles] of [
  ['nl', byLanguage.nl!],
  ['en', byLanguage.en!],
  ['together', [...byLanguage.nl!, ...byLanguage.en!]],
] as const) {
  const truth = profiles.map((p) => archetype.get(p.customerId)!);
  const cells: string[] = [];
  for (const k of ['auto', 5] as const) {
    const result = findPersonas(profiles, { k, seed });
    const persona = new Map(result.assignments.map((a) => [a.customerId, a.persona]));
    const ari = adjustedRandIndex(
      profiles.map((p) => persona.get(p.customerId)!),
      truth,
    );
    cells.push(`${ari.toFixed(3)} (k=${result.k})`);
  }
  rows.push(`| ${label} | ${profiles.length} | ${cells.join(' | ')} |`);
}
process.stdout.write(
  [
    `Adjusted Rand index, personas vs gold archetypes, ${split} split (seed ${seed}); tagged by convotag's built-in model`,
    '',
    '| customers | n | k auto | k = 5 |',
    '|---|---:|---:|---:|',
    ...rows,
    '',
    `tagging and profiles ${tagSeconds.toFixed(1)} s, personas ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
  ].join('\n'),
);
