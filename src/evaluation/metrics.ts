/**
 * Multi-label evaluation of tags against gold, with the usual definitions:
 * a pair counts once per conversation; micro sums counts over labels, macro
 * averages per-label F1 over the labels that occur in gold or predictions.
 */
import type { Gold, TagResult } from '../contract/schemas.js';
import { INTENTS, PAIRS } from '../contract/taxonomy.js';
import { singular } from '../text/stem.js';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalScope {
  conversations: number;
  intent: { micro: Prf; macro: number; perIntent: Record<string, Prf> };
  pair: { micro: Prf; macro: number; perPair: Record<string, Prf> };
  items: { gold: number; predicted: number; matched: number; recall: number; precision: number };
  exactMatch: number;
}

export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

export interface EvalResult extends EvalScope {
  perLanguage: Record<string, EvalScope>;
  /** Gold pair missed while another pair of the same intent was predicted; then pure misses and false alarms. */
  confusions: Confusion[];
  missingTags: string[];
  extraTags: number;
}

interface Pairing {
  language: string;
  gold: Set<string>;
  predicted: Set<string>;
  goldItems: string[];
  predictedItems: string[];
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1, support: tp + fn };
}

/** Key under which two spellings of one item meet: lower case, trimmed, inner spaces collapsed, singular. */
export function itemKey(item: string, language: string): string {
  const words = item.toLowerCase().trim().split(/\s+/);
  const last = words.length - 1;
  words[last] = singular(words[last] ?? '', language === 'nl' ? 'nl' : 'en');
  return words.join(' ');
}

/** True when the words of `inner` stand together inside `outer` ("schaar" in "linkshandige schaar"). */
function wordsWithin(inner: string, outer: string): boolean {
  return ` ${outer} `.includes(` ${inner} `);
}

function scope(pairings: Pairing[]): EvalScope {
  const pairCounts = new Map<string, [number, number, number]>();
  const intentCounts = new Map<string, [number, number, number]>();
  const bump = (m: Map<string, [number, number, number]>, k: string, i: 0 | 1 | 2) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = [0, 0, 0]));
    c[i]++;
  };
  let exact = 0;
  let goldItems = 0;
  let predictedItems = 0;
  let matchedItems = 0;
  for (const p of pairings) {
    for (const k of p.gold) bump(pairCounts, k, p.predicted.has(k) ? 0 : 2);
    for (const k of p.predicted) if (!p.gold.has(k)) bump(pairCounts, k, 1);
    const gi = new Set([...p.gold].map((k) => k.split('/')[0]!));
    const pi = new Set([...p.predicted].map((k) => k.split('/')[0]!));
    for (const k of gi) bump(intentCounts, k, pi.has(k) ? 0 : 2);
    for (const k of pi) if (!gi.has(k)) bump(intentCounts, k, 1);
    if (p.gold.size === p.predicted.size && [...p.gold].every((k) => p.predicted.has(k))) exact++;
    const g = new Set(p.goldItems.map((i) => itemKey(i, p.language)));
    const pr = new Set(p.predictedItems.map((i) => itemKey(i, p.language)));
    goldItems += g.size;
    predictedItems += pr.size;
    for (const k of g) if (pr.has(k) || [...pr].some((q) => wordsWithin(q, k) || wordsWithin(k, q))) matchedItems++;
  }
  const table = (m: Map<string, [number, number, number]>, order: readonly string[]) => {
    const per: Record<string, Prf> = {};
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const keys = [...new Set([...order, ...[...m.keys()].sort()])];
    const f1s: number[] = [];
    for (const k of keys) {
      const c = m.get(k);
      if (!c) continue;
      per[k] = prf(c[0], c[1], c[2]);
      f1s.push(per[k]!.f1);
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return { micro: prf(tp, fp, fn), macro: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0, per };
  };
  const pairs = table(pairCounts, PAIRS);
  const intents = table(intentCounts, INTENTS);
  return {
    conversations: pairings.length,
    intent: { micro: intents.micro, macro: intents.macro, perIntent: intents.per },
    pair: { micro: pairs.micro, macro: pairs.macro, perPair: pairs.per },
    items: {
      gold: goldItems,
      predicted: predictedItems,
      matched: matchedItems,
      recall: goldItems ? matchedItems / goldItems : 1,
      precision: predictedItems ? Math.min(1, matchedItems / predictedItems) : 1,
    },
    exactMatch: pairings.length ? exact / pairings.length : 0,
  };
}

/**
 * Scores tags against gold. Gold conversations without a tag line count as
 * tagged with nothing (and are listed); tags without gold are ignored.
 */
export function evaluate(gold: Iterable<Gold>, tags: Iterable<TagResult>): EvalResult {
  const byId = new Map<string, TagResult>();
  for (const t of tags) byId.set(t.id, t);
  const pairings: Pairing[] = [];
  const missingTags: string[] = [];
  const confusion = new Map<string, number>();
  let used = 0;
  for (const g of gold) {
    const t = byId.get(g.id);
    if (t) used++;
    else missingTags.push(g.id);
    const goldSet = new Set(g.labels.map((l) => `${l.intent}/${l.subtype}`));
    const predicted = new Set((t?.intents ?? []).map((i) => `${i.intent}/${i.subtype}`));
    pairings.push({
      language: t?.language ?? 'unknown',
      gold: goldSet,
      predicted,
      goldItems: g.items ?? [],
      predictedItems: t?.items ?? [],
    });
    for (const k of goldSet) {
      if (predicted.has(k)) continue;
      const intent = k.split('/')[0];
      const instead = [...predicted].filter((p) => p.startsWith(`${intent}/`) && !goldSet.has(p));
      for (const p of instead.length ? instead : ['(nothing)']) confusion.set(`${k}\t${p}`, (confusion.get(`${k}\t${p}`) ?? 0) + 1);
    }
    for (const p of predicted) {
      if (goldSet.has(p)) continue;
      const intent = p.split('/')[0];
      if (![...goldSet].some((k) => k.startsWith(`${intent}/`)))
        confusion.set(`(nothing)\t${p}`, (confusion.get(`(nothing)\t${p}`) ?? 0) + 1);
    }
  }
  const perLanguage: Record<string, EvalScope> = {};
  for (const lang of [...new Set(pairings.map((p) => p.language))].sort())
    perLanguage[lang] = scope(pairings.filter((p) => p.language === lang));
  const confusions = [...confusion.entries()]
    .map(([k, count]) => {
      const [goldPair, predicted] = k.split('\t') as [string, string];
      return { gold: goldPair, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted));
  return { ...scope(pairings), perLanguage, confusions, missingTags, extraTags: byId.size - used };
}
