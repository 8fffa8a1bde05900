import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoldSchema, TranscriptSchema, type Gold, type Transcript } from '../src/contract/schemas.js';
import { ARCHETYPES, PAIRS } from '../src/contract/taxonomy.js';

// The labelled corpus is the ground every accuracy number stands on: check it whole.
type Split = 'train' | 'dev';
const LANGS = ['nl', 'en'] as const;
const SPLITS: Split[] = ['train', 'dev'];
const MIN_CONVERSATIONS: Record<Split, number> = { train: 500, dev: 150 };
const MIN_PER_PAIR: Record<Split, number> = { train: 10, dev: 3 };

function lines(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function load(lang: string, split: Split): { transcripts: Transcript[]; gold: Gold[] } {
  const base = `fixtures/corpus/${lang}.${split}`;
  const transcripts = lines(`${base}.transcripts.jsonl`).map((x, i) => {
    const r = TranscriptSchema.safeParse(x);
    if (!r.success) throw new Error(`${base}.transcripts.jsonl:${i + 1}: ${r.error.message}`);
    return r.data;
  });
  const gold = lines(`${base}.gold.jsonl`).map((x, i) => {
    const r = GoldSchema.safeParse(x);
    if (!r.success) throw new Error(`${base}.gold.jsonl:${i + 1}: ${r.error.message}`);
    return r.data;
  });
  return { transcripts, gold };
}

const corpus = Object.fromEntries(LANGS.flatMap((lang) => SPLITS.map((split) => [`${lang}.${split}`, load(lang, split)])));

describe.each(LANGS.flatMap((lang) => SPLITS.map((split) => [lang, split] as const)))('corpus %s.%s', (lang, split) => {
  const { transcripts, gold } = corpus[`${lang}.${split}`]!;

  it('has enough conversations, all in its language, with ids 1:1 between transcripts and gold', () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(MIN_CONVERSATIONS[split]);
    expect(new Set(transcripts.map((t) => t.id)).size).toBe(transcripts.length);
    expect(gold.map((g) => g.id)).toEqual(transcripts.map((t) => t.id));
    expect(transcripts.every((t) => t.language === lang)).toBe(true);
  });

  it('covers every (intent, subtype) pair of the taxonomy often enough', () => {
    const counts = new Map<string, number>();
    for (const g of gold)
      for (const l of g.labels) counts.set(`${l.intent}/${l.subtype}`, (counts.get(`${l.intent}/${l.subtype}`) ?? 0) + 1);
    for (const pair of PAIRS) expect(counts.get(pair) ?? 0, pair).toBeGreaterThanOrEqual(MIN_PER_PAIR[split]);
    expect([...counts.keys()].every((k) => (PAIRS as readonly string[]).includes(k))).toBe(true);
  });

  it('has a realistic label mix: about 15% no intent, about a third with two or more labels', () => {
    const none = gold.filter((g) => g.labels.length === 0).length / gold.length;
    const multi = gold.filter((g) => g.labels.length >= 2).length / gold.length;
    expect(none).toBeGreaterThan(0.1);
    expect(none).toBeLessThan(0.2);
    expect(multi).toBeGreaterThan(0.28);
    expect(multi).toBeLessThan(0.42);
  });

  it('names an item for every assortment request and none elsewhere', () => {
    for (const g of gold) {
      const asks = g.labels.some((l) => l.intent === 'assortment_request');
      expect(g.items.length > 0, g.id).toBe(asks);
      for (const item of g.items) expect(item, g.id).toBe(item.trim().toLowerCase());
    }
  });

  it('gives every customer 2 to 6 conversations and one archetype, archetypes evenly represented', () => {
    const byCustomer = new Map<string, Set<string>>();
    const conversations = new Map<string, number>();
    const goldById = new Map(gold.map((g) => [g.id, g]));
    for (const t of transcripts) {
      expect(t.customerId, t.id).toBeTruthy();
      conversations.set(t.customerId!, (conversations.get(t.customerId!) ?? 0) + 1);
      const persona = goldById.get(t.id)!.persona;
      expect(persona, t.id).toBeTruthy();
      if (!byCustomer.has(t.customerId!)) byCustomer.set(t.customerId!, new Set());
      byCustomer.get(t.customerId!)!.add(persona!);
    }
    for (const [c, n] of conversations) {
      expect(n, c).toBeGreaterThanOrEqual(2);
      expect(n, c).toBeLessThanOrEqual(6);
      expect(byCustomer.get(c)!.size, c).toBe(1);
    }
    const perArchetype = ARCHETYPES.map((a) => [...byCustomer.values()].filter((s) => s.has(a)).length);
    expect(Math.min(...perArchetype)).toBe(Math.max(...perArchetype));
    if (split === 'dev') expect(conversations.size).toBeGreaterThanOrEqual(40);
  });
});

describe('corpus splits', () => {
  it('never put one customer in both train and dev', () => {
    for (const lang of LANGS) {
      const train = new Set(corpus[`${lang}.train`]!.transcripts.map((t) => t.customerId));
      const shared = corpus[`${lang}.dev`]!.transcripts.filter((t) => train.has(t.customerId));
      expect(shared.map((t) => t.id)).toEqual([]);
    }
  });

  it('never repeats a conversation text across splits', () => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(corpus))
      for (const t of corpus[key]!.transcripts) {
        const text = t.turns.map((x) => x.text).join('\n');
        expect(seen.get(text), `${t.id} repeats ${seen.get(text)}`).toBeUndefined();
        seen.set(text, t.id);
      }
  });
});
