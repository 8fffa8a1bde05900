/**
 * Turning clusters into personas a shop can act on: the traits that set a
 * group apart (value and lift against the whole population), a generated
 * name and one-line description in the group's language, its top motives,
 * obstacles, up-sell chances and requested items, and the customers closest
 * to its centre with one quote each.
 */
import { SUBTYPES, type Intent, type Language } from '../contract/taxonomy.js';
import { FEATURES, MIX_PREFIX } from '../profiles/features.js';
import type { CustomerProfile, ProfileQuote } from '../profiles/profile.js';
import { VALUE_PAIRS } from '../profiles/values.js';
import { phraseFor, WORDS } from './phrases.js';

export interface PersonaTrait {
  feature: string;
  /** The persona's mean of the feature. */
  value: number;
  /** value / the population's mean (1 = average; capped at 99). */
  lift: number;
  /** The population's mean, for reading the lift. */
  population: number;
}

export interface SubtypeShare {
  subtype: string;
  /** Share of the persona's conversations carrying the pair. */
  share: number;
  lift: number;
}

export interface Representative {
  customerId: string;
  distance: number;
  quote?: ProfileQuote;
}

export interface PersonaDescription {
  name: string;
  description: string;
  language: Language;
  traits: PersonaTrait[];
  motives: SubtypeShare[];
  obstacles: SubtypeShare[];
  upsells: SubtypeShare[];
  assortment: Array<{ item: string; customers: number }>;
  representatives: Representative[];
}

const MAX_POSITIVE = 6;
const MAX_NEGATIVE = 2;
const MIN_EFFECT = 0.03;
const MAX_LIFT = 99;

export interface PopulationStats {
  /** Mean of each feature over the customers where it is known. */
  means: number[];
  /** Share of all conversations carrying each pair. */
  pairShares: Map<string, number>;
}

export function populationStats(profiles: readonly CustomerProfile[]): PopulationStats {
  return { means: meanVector(profiles.map((p) => p.vector)), pairShares: pairSharesOf(profiles) };
}

export function meanVector(vectors: readonly (readonly number[])[]): number[] {
  const d = FEATURES.length;
  const sum = new Array<number>(d).fill(0);
  const count = new Array<number>(d).fill(0);
  for (const v of vectors)
    for (let j = 0; j < d; j++) {
      const x = v[j]!;
      if (!Number.isNaN(x)) {
        sum[j]! += x;
        count[j]!++;
      }
    }
  return sum.map((s, j) => (count[j] ? s / count[j]! : 0));
}

function pairSharesOf(profiles: readonly CustomerProfile[]): Map<string, number> {
  const counts = new Map<string, number>();
  let conversations = 0;
  for (const p of profiles) {
    conversations += p.conversations;
    for (const [pair, c] of Object.entries(p.pairs)) counts.set(pair, (counts.get(pair) ?? 0) + c);
  }
  return new Map([...counts].map(([pair, c]) => [pair, conversations ? c / conversations : 0]));
}

export function liftOf(value: number, population: number): number {
  if (population <= 1e-12) return value > 1e-12 ? MAX_LIFT : 1;
  return Math.min(MAX_LIFT, value / population);
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Traits ranked by their weighted effect in the persona space (the centroid's coordinate). */
export function traitsOf(
  centroid: readonly number[],
  members: readonly CustomerProfile[],
  population: PopulationStats,
): { positive: PersonaTrait[]; negative: PersonaTrait[] } {
  const means = meanVector(members.map((m) => m.vector));
  const positive: Array<{ t: PersonaTrait; effect: number }> = [];
  const negative: Array<{ t: PersonaTrait; effect: number }> = [];
  FEATURES.forEach((f, j) => {
    const effect = centroid[j]!;
    const value = means[j]!;
    const pop = population.means[j]!;
    const lift = liftOf(value, pop);
    const t = { feature: f.name, value: round(value), lift: round(lift, 2), population: round(pop) };
    if (effect > MIN_EFFECT && lift >= 1.2) positive.push({ t, effect });
    else if (effect < -MIN_EFFECT && lift <= 0.6) negative.push({ t, effect });
  });
  positive.sort((a, b) => b.effect - a.effect || a.t.feature.localeCompare(b.t.feature));
  negative.sort((a, b) => a.effect - b.effect || a.t.feature.localeCompare(b.t.feature));
  return { positive: positive.slice(0, MAX_POSITIVE).map((x) => x.t), negative: negative.slice(0, MAX_NEGATIVE).map((x) => x.t) };
}

/**
 * A name from the two most distinctive traits: "<adjective> <noun>". The
 * bare intent shares ("often run into problems") make bland names, so they
 * are used only when nothing else describes the persona; an adjective that
 * repeats a word of the noun ("gift-wrapping gift givers") is skipped.
 */
export function nameFrom(positive: readonly PersonaTrait[], language: Language, taken: ReadonlySet<string>): string {
  const ranked = [...positive.filter((t) => groupOf(t.feature) !== 'intent'), ...positive.filter((t) => groupOf(t.feature) === 'intent')];
  const nounTrait = ranked.find((t) => phraseFor(t.feature, language)?.noun);
  if (!nounTrait) return capitalise(WORDS[language].everyone);
  const noun = phraseFor(nounTrait.feature, language)!.noun!;
  const nounWords = new Set(wordsOf(noun));
  const candidates: string[] = [];
  for (const t of ranked) {
    if (t.feature === nounTrait.feature) continue;
    const adjective = phraseFor(t.feature, language)?.adjective;
    if (adjective && !wordsOf(adjective).some((w) => nounWords.has(w))) candidates.push(capitalise(`${adjective} ${noun}`));
  }
  candidates.push(capitalise(noun));
  const free = candidates.find((c) => !taken.has(c));
  if (free) return free;
  for (let i = 2; ; i++) if (!taken.has(`${candidates[0]!} ${i}`)) return `${candidates[0]!} ${i}`;
}

function wordsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4);
}

/**
 * One line: the clauses of the three strongest traits (clauses with the same
 * verb merge: "care about delivery and service"), and the strongest "far
 * less than average" trait.
 */
export function descriptionFrom(positive: readonly PersonaTrait[], negative: readonly PersonaTrait[], language: Language): string {
  const and = WORDS[language].and;
  const list = (xs: readonly string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)!}`);
  // as in names, the bare intent shares come last
  const ranked = [...positive.filter((t) => groupOf(t.feature) !== 'intent'), ...positive.filter((t) => groupOf(t.feature) === 'intent')];
  const parts: Array<{ clause: string } | { head: string; objects: string[] }> = [];
  for (const t of ranked) {
    const phrase = phraseFor(t.feature, language);
    if (!phrase) continue;
    if (phrase.shared) {
      const { head, object } = phrase.shared;
      const same = parts.find((p): p is { head: string; objects: string[] } => 'head' in p && p.head === head);
      if (same) {
        if (!same.objects.includes(object)) same.objects.push(object);
        continue;
      }
      if (parts.length < 3) parts.push({ head, objects: [object] });
    } else if (parts.length < 3 && !parts.some((p) => 'clause' in p && p.clause === phrase.clause)) parts.push({ clause: phrase.clause });
  }
  const clauses = parts.map((p) => ('clause' in p ? p.clause : `${p.head} ${list(p.objects)}`));
  const low = negative.map((t) => phraseFor(t.feature, language)?.low).find((x) => x !== undefined);
  if (!clauses.length) return `${WORDS[language].everyone}.`;
  return `${capitalise(list(clauses))}${low ? `; ${low}` : ''}.`;
}

function groupOf(feature: string): string {
  return feature.slice(0, feature.indexOf('.'));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Top subtypes of one intent among the members' conversations. */
export function topSubtypes(members: readonly CustomerProfile[], intent: Intent, population: PopulationStats, top = 3): SubtypeShare[] {
  let conversations = 0;
  const keys = SUBTYPES[intent].map((subtype) => [subtype, `${intent}/${subtype}`] as const);
  const counts = new Map<string, number>();
  for (const m of members) {
    conversations += m.conversations;
    for (const [subtype, key] of keys) {
      const c = m.pairs[key];
      if (c) counts.set(subtype, (counts.get(subtype) ?? 0) + c);
    }
  }
  return [...counts]
    .map(([subtype, c]) => {
      const share = conversations ? c / conversations : 0;
      return { subtype, share: round(share), lift: round(liftOf(share, population.pairShares.get(`${intent}/${subtype}`) ?? 0), 2) };
    })
    .sort((a, b) => b.share - a.share || a.subtype.localeCompare(b.subtype))
    .slice(0, top);
}

export function topItems(members: readonly CustomerProfile[], top = 5): Array<{ item: string; customers: number }> {
  const customers = new Map<string, number>();
  for (const m of members) for (const item of Object.keys(m.items)) customers.set(item, (customers.get(item) ?? 0) + 1);
  return [...customers]
    .map(([item, c]) => ({ item, customers: c }))
    .sort((a, b) => b.customers - a.customers || a.item.localeCompare(b.item))
    .slice(0, top);
}

/** Pairs that are evidence for a feature: a subtype's own pair, any pair of an intent, a value axis's pairs. */
function pairsForFeature(feature: string): string[] {
  const [group, rest] = [groupOf(feature), feature.slice(feature.indexOf('.') + 1)];
  if (group === 'intent') return SUBTYPES[rest as Intent].map((s) => `${rest}/${s}`);
  if (group === 'value') return [...(VALUE_PAIRS[rest as keyof typeof VALUE_PAIRS] ?? [])];
  for (const [intent, prefix] of Object.entries(MIX_PREFIX)) if (prefix === group) return [`${intent}/${rest}`];
  return [];
}

/** The member's quote that best shows the persona's traits; else their first quote. */
export function quoteFor(member: CustomerProfile, traits: readonly PersonaTrait[]): ProfileQuote | undefined {
  for (const t of traits) {
    const pairs = pairsForFeature(t.feature);
    const q = member.quotes.find((x) => pairs.includes(x.pair));
    if (q) return q;
  }
  return member.quotes[0];
}

export function majorityLanguage(members: readonly CustomerProfile[], fallback: Language): Language {
  let nl = 0;
  let en = 0;
  for (const m of members) m.language === 'nl' ? nl++ : en++;
  return nl === en ? fallback : nl > en ? 'nl' : 'en';
}
