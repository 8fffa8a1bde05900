/**
 * The report's numbers: transcripts, their tags and the personas in; one
 * plain object out (ReportData), which the HTML and Markdown renderers draw
 * and `--format json` prints as it is. Pure: the same input gives the same
 * data (no clock; the period comes from the conversations' own dates).
 */
import type { TagResult, TaggedIntent, Transcript } from '../contract/schemas.js';
import { INTENTS, LANGUAGES, SUBTYPES, type Intent, type Language, type Role } from '../contract/taxonomy.js';
import { itemKey } from '../evaluation/metrics.js';
import { ConvotagError } from '../io/errors.js';
import type { PersonaDoc } from '../personas/find.js';
import type { PersonaTrait, SubtypeShare } from '../personas/describe.js';
import { anonymousCustomerId } from '../profiles/profile.js';
import { names } from '../tagging/items.js';
import { analyseTurn } from '../text/analyse.js';
import { VERSION } from '../version.js';
import { bucketSizeFor, bucketsBetween, isoDay, type BucketSize, type TimeBucket } from './buckets.js';
import { clip, findInTurns, quoteOfEvidence, sentenceAround, sentenceBounds, type QuoteText } from './quotes.js';

export const REPORT_FORMAT = 'convotag-report' as const;
export const REPORT_VERSION = 1 as const;

export interface ReportQuote extends QuoteText {
  conversationId: string;
  customerId: string;
}

export interface SubtypeCount {
  subtype: string;
  conversations: number;
  /** Distinct customers with at least one such conversation. */
  customers: number;
  /** conversations / all conversations. */
  share: number;
}

export interface SubtypeFinding extends SubtypeCount {
  quotes: ReportQuote[];
}

/** Share of conversations carrying a subtype in the first and the second half of the period. */
export interface Trend {
  earlier: number;
  recent: number;
  /** recent - earlier. */
  change: number;
}

export interface ObstacleFinding extends SubtypeFinding {
  /** null when either half of the period has too few dated conversations. */
  trend: Trend | null;
  /** Conversations per trend bucket. */
  series: number[];
}

export interface ProductMention {
  name: string;
  conversations: number;
}

export interface UpsellFinding extends SubtypeFinding {
  /** Products named where the chance came up, most often first. */
  products: ProductMention[];
}

export interface AssortmentGap {
  /** The spelling customers used most. */
  item: string;
  /** The merge key (lower case, singular): "statief" for "statieven" too. */
  key: string;
  /** Every spelling seen, most used first. */
  spellings: string[];
  /** Distinct customers who asked: the ranking. */
  customers: number;
  conversations: number;
  /** The assortment subtype the requests were mostly tagged with (brand, product or variant). */
  subtype: string;
  subtypes: Record<string, number>;
  quotes: ReportQuote[];
}

export interface ReportPersona {
  id: string;
  name: string;
  description: string;
  size: number;
  share: number;
  traits: PersonaTrait[];
  motives: SubtypeShare[];
  obstacles: SubtypeShare[];
  upsells: SubtypeShare[];
  assortment: Array<{ item: string; customers: number }>;
  quote: ReportQuote | null;
  centre: { x: number; y: number };
}

export interface MapPoint {
  customerId: string;
  persona: string;
  x: number;
  y: number;
}

export interface QuotedConversation {
  id: string;
  customerId: string;
  channel: string | null;
  language: Language;
  createdAt: string | null;
  turns: Array<{ role: Role; text: string }>;
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** convotag's version that made the report. */
  generator: string;
  /** Language of the labels. */
  language: Language;
  title: string | null;
  overview: {
    conversations: number;
    customers: number;
    /** Conversations with at least one intent. */
    tagged: number;
    languages: Array<{ language: Language; conversations: number }>;
    /** `channel: null` for conversations without one. */
    channels: Array<{ channel: string | null; conversations: number }>;
    /** First and last day with a conversation (UTC); null without dates. */
    period: { from: string; to: string; days: number } | null;
    undated: number;
    intents: Array<{ intent: Intent; conversations: number; customers: number; share: number }>;
  };
  trends: {
    /** null without dated conversations. */
    bucket: BucketSize | null;
    buckets: TimeBucket[];
    /** One series per intent, in INTENTS order: conversations per bucket. */
    series: Array<{ intent: Intent; counts: number[] }>;
    /** The day the second half of the period starts (for the obstacle trends); null when there is no trend. */
    split: string | null;
  };
  obstacles: {
    /** Most conversations first. */
    ranked: ObstacleFinding[];
    /** Subtypes with a trend, fastest rising first. */
    byTrend: string[];
  };
  assortment: {
    /** Most distinct customers first (at most `maxItems`). */
    gaps: AssortmentGap[];
    /** Distinct items asked for, shown or not. */
    items: number;
    /** Conversations with an assortment request. */
    requests: number;
  };
  upsells: UpsellFinding[];
  motives: SubtypeFinding[];
  personas: {
    k: number;
    customers: number;
    seed: number;
    method: 'silhouette' | 'fixed' | 'model';
    silhouette: number;
    note: string | null;
    list: ReportPersona[];
    /** One point per customer. */
    map: MapPoint[];
  };
  /** The conversations quoted anywhere in the report, in input order. */
  conversations: QuotedConversation[];
}

export interface BuildReportOptions {
  /** Language of the labels; default the majority language of the conversations. */
  language?: Language;
  title?: string;
  /** Quotes per finding (default 3). */
  quotes?: number;
  /** Assortment gaps kept (default 30). */
  maxItems?: number;
  /** Week or month buckets for the trends; default by the length of the period. */
  bucket?: BucketSize;
}

interface Conversation {
  index: number;
  transcript: Transcript;
  tags: TagResult;
  customer: string;
  time: number;
  /** Each (intent, subtype) pair once. */
  intents: TaggedIntent[];
}

interface Candidate {
  conversation: Conversation;
  confidence: number;
  quote: () => QuoteText;
}

/** Halves of the period with fewer dated conversations give no trend. */
const MIN_PER_HALF = 3;
const PRODUCTS_PER_UPSELL = 5;
const MAX_NAMES = 200;
const SOURCE_TURN_MAX = 600;
const SOURCE_TURNS_MAX = 40;

export function buildReport(
  input: {
    transcripts: readonly Transcript[];
    tags: ReadonlyMap<string, TagResult> | Iterable<TagResult>;
    personas: PersonaDoc;
  },
  options: BuildReportOptions = {},
): ReportData {
  const quotesPer = options.quotes ?? 3;
  const maxItems = options.maxItems ?? 30;
  const tagsById =
    input.tags instanceof Map ? (input.tags as ReadonlyMap<string, TagResult>) : indexTags(input.tags as Iterable<TagResult>);

  const missing: string[] = [];
  const conversations: Conversation[] = [];
  input.transcripts.forEach((transcript, index) => {
    const tags = tagsById.get(transcript.id);
    if (!tags) {
      missing.push(transcript.id);
      return;
    }
    const seen = new Set<string>();
    const intents = tags.intents.filter((i) => {
      const pair = `${i.intent}/${i.subtype}`;
      return !seen.has(pair) && (seen.add(pair), true);
    });
    conversations.push({
      index,
      transcript,
      tags,
      customer: transcript.customerId ?? anonymousCustomerId(transcript.id),
      time: transcript.createdAt ? Date.parse(transcript.createdAt) : Number.NaN,
      intents,
    });
  });
  if (missing.length)
    throw new ConvotagError(`buildReport: ${missing.length} transcript(s) have no tag result, e.g. ${missing.slice(0, 3).join(', ')}`);

  const language = options.language ?? majorityLanguage(conversations.map((c) => c.tags));
  const quoted = new Set<number>();
  const pick = (candidates: Candidate[]): ReportQuote[] => {
    const chosen = pickQuotes(candidates, quotesPer);
    for (const c of chosen) quoted.add(c.conversation.index);
    return chosen.map((c) => ({ conversationId: c.conversation.transcript.id, customerId: c.conversation.customer, ...c.quote() }));
  };

  const overview = overviewOf(conversations);
  const trends = trendsOf(conversations, options.bucket);
  const obstacles = obstaclesOf(conversations, trends.indexOf, trends.split, pick);
  const data: ReportData = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generator: `convotag ${VERSION}`,
    language,
    title: options.title ?? null,
    overview,
    trends: {
      bucket: trends.bucket,
      buckets: trends.buckets,
      series: trends.series,
      split: trends.split === null ? null : isoDay(trends.split),
    },
    obstacles,
    assortment: assortmentOf(conversations, maxItems, pick),
    upsells: subtypeFindings(conversations, 'upsell_signal', pick).map((f) => ({
      ...f,
      products: productsOf(conversations, f.subtype),
    })),
    motives: subtypeFindings(conversations, 'purchase_motive', pick),
    personas: personasOf(input.personas, conversations, quoted),
    conversations: [],
  };
  const byIndex = new Map(conversations.map((c) => [c.index, c]));
  data.conversations = [...quoted].sort((a, b) => a - b).map((i) => sourceOf(byIndex.get(i)!));
  return data;
}

function indexTags(results: Iterable<TagResult>): Map<string, TagResult> {
  const m = new Map<string, TagResult>();
  for (const r of results) m.set(r.id, r);
  return m;
}

/** The language most conversations are in (ties: the first conversation's); the report's default language. */
export function majorityLanguage(results: Iterable<Pick<TagResult, 'language'>>): Language {
  const counts = new Map<Language, number>(LANGUAGES.map((l) => [l, 0]));
  let first: Language | undefined;
  for (const r of results) {
    first ??= r.language;
    counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  }
  let best: Language = first ?? 'en';
  for (const [l, n] of counts) if (n > counts.get(best)!) best = l;
  return best;
}

const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Counts in descending order, ties in first-seen order. */
function ranked<K>(counts: Map<K, number>): Array<[K, number]> {
  return [...counts]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e[1] - a.e[1] || a.i - b.i)
    .map((x) => x.e);
}

function overviewOf(conversations: readonly Conversation[]): ReportData['overview'] {
  const n = conversations.length;
  const customers = new Set(conversations.map((c) => c.customer));
  const languages = new Map<Language, number>();
  const channels = new Map<string | null, number>();
  const intentConversations = new Map<Intent, number>(INTENTS.map((i) => [i, 0]));
  const intentCustomers = new Map<Intent, Set<string>>(INTENTS.map((i) => [i, new Set()]));
  let tagged = 0;
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (const c of conversations) {
    languages.set(c.tags.language, (languages.get(c.tags.language) ?? 0) + 1);
    const channel = c.transcript.channel ?? null;
    channels.set(channel, (channels.get(channel) ?? 0) + 1);
    if (c.intents.length) tagged++;
    for (const intent of new Set(c.intents.map((i) => i.intent))) {
      intentConversations.set(intent, intentConversations.get(intent)! + 1);
      intentCustomers.get(intent)!.add(c.customer);
    }
    if (Number.isNaN(c.time)) undated++;
    else {
      first = Math.min(first, c.time);
      last = Math.max(last, c.time);
    }
  }
  return {
    conversations: n,
    customers: customers.size,
    tagged,
    languages: ranked(languages).map(([language, conversations]) => ({ language, conversations })),
    channels: ranked(channels).map(([channel, conversations]) => ({ channel, conversations })),
    period:
      first === Infinity
        ? null
        : {
            from: isoDay(first),
            to: isoDay(last),
            days: Math.round((Date.parse(isoDay(last)) - Date.parse(isoDay(first))) / 86_400_000) + 1,
          },
    undated,
    intents: INTENTS.map((intent) => ({
      intent,
      conversations: intentConversations.get(intent)!,
      customers: intentCustomers.get(intent)!.size,
      share: n ? round(intentConversations.get(intent)! / n) : 0,
    })),
  };
}

function trendsOf(
  conversations: readonly Conversation[],
  forced: BucketSize | undefined,
): {
  bucket: BucketSize | null;
  buckets: TimeBucket[];
  series: Array<{ intent: Intent; counts: number[] }>;
  indexOf: (time: number) => number;
  split: number | null;
} {
  const times = conversations.map((c) => c.time).filter((t) => !Number.isNaN(t));
  if (!times.length)
    return { bucket: null, buckets: [], series: INTENTS.map((intent) => ({ intent, counts: [] })), indexOf: () => -1, split: null };
  const from = times.reduce((a, t) => Math.min(a, t), Infinity);
  const to = times.reduce((a, t) => Math.max(a, t), -Infinity);
  const bucket = forced ?? bucketSizeFor((to - from) / 86_400_000);
  const { buckets, indexOf } = bucketsBetween(from, to, bucket);
  const series = INTENTS.map((intent) => ({ intent, counts: new Array<number>(buckets.length).fill(0) }));
  for (const c of conversations) {
    if (Number.isNaN(c.time)) continue;
    const b = indexOf(c.time);
    for (const intent of new Set(c.intents.map((i) => i.intent))) series[INTENTS.indexOf(intent)]!.counts[b]!++;
  }
  const split = from + (to - from) / 2;
  const earlier = times.filter((t) => t < split).length;
  const hasTrend = to > from && earlier >= MIN_PER_HALF && times.length - earlier >= MIN_PER_HALF;
  return { bucket, buckets, series, indexOf, split: hasTrend ? split : null };
}

/** Up to n quotes, surest first; one per customer while there are customers left, then one per conversation. */
function pickQuotes(candidates: readonly Candidate[], n: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.confidence - a.confidence || a.conversation.index - b.conversation.index);
  const chosen: Candidate[] = [];
  const customers = new Set<string>();
  const conversationIds = new Set<number>();
  for (const c of sorted) {
    if (chosen.length >= n) break;
    if (customers.has(c.conversation.customer)) continue;
    chosen.push(c);
    customers.add(c.conversation.customer);
    conversationIds.add(c.conversation.index);
  }
  for (const c of sorted) {
    if (chosen.length >= n) break;
    if (conversationIds.has(c.conversation.index)) continue;
    chosen.push(c);
    conversationIds.add(c.conversation.index);
  }
  return chosen;
}

type QuotePicker = (candidates: Candidate[]) => ReportQuote[];

/** The subtypes of one intent found in the conversations (taxonomy order first, then custom ones), most conversations first. */
function subtypeFindings(conversations: readonly Conversation[], intent: Intent, pick: QuotePicker): SubtypeFinding[] {
  const n = conversations.length;
  const found = new Map<string, { conversations: number; customers: Set<string>; candidates: Candidate[] }>();
  for (const s of SUBTYPES[intent]) found.set(s, { conversations: 0, customers: new Set(), candidates: [] });
  for (const c of conversations)
    for (const tag of c.intents) {
      if (tag.intent !== intent) continue;
      let f = found.get(tag.subtype);
      if (!f) found.set(tag.subtype, (f = { conversations: 0, customers: new Set(), candidates: [] }));
      f.conversations++;
      f.customers.add(c.customer);
      const evidence = tag.evidence[0];
      if (evidence)
        f.candidates.push({ conversation: c, confidence: tag.confidence, quote: () => quoteOfEvidence(c.transcript, evidence) });
    }
  return [...found]
    .filter(([, f]) => f.conversations > 0)
    .map(([subtype, f], order) => ({ subtype, f, order }))
    .sort((a, b) => b.f.conversations - a.f.conversations || b.f.customers.size - a.f.customers.size || a.order - b.order)
    .map(({ subtype, f }) => ({
      subtype,
      conversations: f.conversations,
      customers: f.customers.size,
      share: n ? round(f.conversations / n) : 0,
      quotes: pick(f.candidates),
    }));
}

function obstaclesOf(
  conversations: readonly Conversation[],
  indexOf: (time: number) => number,
  split: number | null,
  pick: QuotePicker,
): ReportData['obstacles'] {
  const base = subtypeFindings(conversations, 'obstacle', pick);
  const dated = conversations.filter((c) => !Number.isNaN(c.time));
  const buckets = dated.reduce((a, c) => Math.max(a, indexOf(c.time) + 1), 0);
  const earlier = split === null ? [] : dated.filter((c) => c.time < split);
  const recent = split === null ? [] : dated.filter((c) => c.time >= split);
  const has = (c: Conversation, subtype: string) => c.intents.some((i) => i.intent === 'obstacle' && i.subtype === subtype);
  const ranked: ObstacleFinding[] = base.map((f) => {
    const series = new Array<number>(buckets).fill(0);
    for (const c of dated) if (has(c, f.subtype)) series[indexOf(c.time)]!++;
    let trend: Trend | null = null;
    if (split !== null) {
      const e = earlier.filter((c) => has(c, f.subtype)).length / earlier.length;
      const r = recent.filter((c) => has(c, f.subtype)).length / recent.length;
      trend = { earlier: round(e), recent: round(r), change: round(r - e) };
    }
    return { ...f, trend, series };
  });
  const byTrend = ranked
    .map((f, order) => ({ f, order }))
    .filter((x) => x.f.trend !== null)
    .sort((a, b) => b.f.trend!.change - a.f.trend!.change || a.order - b.order)
    .map((x) => x.f.subtype);
  return { ranked, byTrend };
}

function assortmentOf(conversations: readonly Conversation[], maxItems: number, pick: QuotePicker): ReportData['assortment'] {
  const gaps = new Map<
    string,
    {
      spellings: Map<string, number>;
      customers: Set<string>;
      conversations: number;
      subtypes: Map<string, number>;
      candidates: Candidate[];
    }
  >();
  let requests = 0;
  for (const c of conversations) {
    const asked = c.intents.filter((i) => i.intent === 'assortment_request');
    if (asked.length) requests++;
    const seen = new Set<string>();
    for (const raw of c.tags.items) {
      const item = raw.toLowerCase().trim();
      const key = itemKey(item, c.tags.language);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let g = gaps.get(key);
      if (!g) gaps.set(key, (g = { spellings: new Map(), customers: new Set(), conversations: 0, subtypes: new Map(), candidates: [] }));
      g.spellings.set(item, (g.spellings.get(item) ?? 0) + 1);
      g.customers.add(c.customer);
      g.conversations++;
      const where = findInTurns(
        c.transcript,
        item,
        asked.flatMap((i) => i.evidence.map((e) => e.turn)),
      );
      const tag = requestOfItem(asked, where);
      const subtype = tag?.subtype ?? 'product';
      g.subtypes.set(subtype, (g.subtypes.get(subtype) ?? 0) + 1);
      const evidence = tag?.evidence[0];
      g.candidates.push({
        conversation: c,
        confidence: tag?.confidence ?? 0,
        quote: () =>
          where
            ? sentenceAround(c.transcript.turns[where.turn]!.text, where.start, where.end)
            : evidence
              ? quoteOfEvidence(c.transcript, evidence)
              : { text: item, mark: null },
      });
    }
  }
  const all = [...gaps]
    .sort(
      ([ka, a], [kb, b]) => b.customers.size - a.customers.size || b.conversations - a.conversations || (ka < kb ? -1 : ka > kb ? 1 : 0),
    )
    .map(([key, g]) => {
      const spellings = ranked(g.spellings).map(([s]) => s);
      const subtypes = Object.fromEntries(ranked(g.subtypes));
      return {
        item: spellings[0]!,
        key,
        spellings,
        customers: g.customers.size,
        conversations: g.conversations,
        subtype: ranked(g.subtypes)[0]![0],
        subtypes,
        candidates: g.candidates,
      };
    });
  return {
    gaps: all.slice(0, maxItems).map(({ candidates, ...gap }) => ({ ...gap, quotes: pick(candidates) })),
    items: all.length,
    requests,
  };
}

/** The assortment request an item belongs to: the one whose evidence stands nearest the item in the same turn, else the surest. */
function requestOfItem(
  asked: readonly TaggedIntent[],
  where: { turn: number; start: number; end: number } | undefined,
): TaggedIntent | undefined {
  let best: TaggedIntent | undefined;
  let bestDistance = Infinity;
  if (where)
    for (const tag of asked)
      for (const e of tag.evidence) {
        if (e.turn !== where.turn) continue;
        const distance = e.end <= where.start ? where.start - e.end : e.start >= where.end ? e.start - where.end : 0;
        if (distance < bestDistance || (distance === bestDistance && best && tag.confidence > best.confidence)) {
          best = tag;
          bestDistance = distance;
        }
      }
  return best ?? [...asked].sort((a, b) => b.confidence - a.confidence)[0];
}

/**
 * Products an up-sell chance concerns: names written with capitals (brands,
 * product lines: "Edge 530", "Barista Pro") that the conversation comes back
 * to (named twice or more by the customer or the agent, a shorter name
 * counting towards the longer one it is part of), or that stand in the
 * sentence of the chance's evidence. A name said once elsewhere is as often
 * a person or a place.
 */
function productsOf(conversations: readonly Conversation[], subtype: string): ProductMention[] {
  const counts = new Map<string, number>();
  for (const c of conversations) {
    const tag = c.intents.find((i) => i.intent === 'upsell_signal' && i.subtype === subtype);
    if (!tag) continue;
    for (const name of productsInConversation(c, tag)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return ranked(counts)
    .slice(0, PRODUCTS_PER_UPSELL)
    .map(([name, conversations]) => ({ name, conversations }));
}

// Words before a capitalised name that make it a place ("in Utrecht", "from Leeds")…
const PLACE_BEFORE = new Set('in naar uit to from near at'.split(' '));
// …or a person, then everywhere in the conversation ("Hoi Sanne", "Dear Hannah", "I'm Noor").
const PERSON_BEFORE = new Set(
  "dear hi hey hoi hallo beste love liefs groet groeten regards cheers thanks bedankt i'm ben heet named called mevrouw meneer mr mrs ms".split(
    ' ',
  ),
);

function productsInConversation(c: Conversation, tag: TaggedIntent): string[] {
  const mentions = new Map<string, number>();
  const nearEvidence = new Set<string>();
  // a name greeted or signed with anywhere in the conversation is a person's everywhere in it
  const people = new Set<string>();
  c.transcript.turns.forEach((turn, i) => {
    const analysed = analyseTurn(turn.text, turn.role, i, c.tags.language);
    const lower = turn.text.toLowerCase();
    if (lower.length !== turn.text.length) return;
    // a name with no word after it ends the turn: a signature
    let lastWordChar = lower.length - 1;
    while (lastWordChar >= 0 && !/[\p{L}\d]/u.test(lower[lastWordChar]!)) lastWordChar--;
    const sentences = tag.evidence
      .filter((e) => e.turn === i && turn.text.slice(e.start, e.end) === e.text)
      .map((e) => sentenceBounds(turn.text, e.start, e.end));
    for (const name of new Set(names(analysed, 0, analysed.norm.length))) {
      // a bound for pathological turns (a wall of capitalised words): products are among the first names anyway
      if (!mentions.has(name) && mentions.size >= MAX_NAMES) break;
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
        const before = /(?:^|[^\p{L}'])([\p{L}']+)[^\p{L}']*$/u.exec(lower.slice(Math.max(0, at - 30), at))?.[1];
        const signature = at + name.length > lastWordChar;
        if ((before && PERSON_BEFORE.has(before)) || signature) people.add(name);
        if ((before && PLACE_BEFORE.has(before)) || people.has(name)) continue;
        mentions.set(name, (mentions.get(name) ?? 0) + 1);
        if (sentences.some(([a, b]) => at >= a && at < b)) nearEvidence.add(name);
      }
    }
  });
  // "smoby" said on its own is the "smoby toboggan xl" named before
  for (const name of people) mentions.delete(name);
  const all = [...mentions.keys()];
  const merged = new Map<string, number>();
  for (const [name, count] of mentions) {
    const longer = all.find((other) => other !== name && ` ${other} `.includes(` ${name} `));
    const target = longer ?? name;
    merged.set(target, (merged.get(target) ?? 0) + count);
    if (longer && nearEvidence.has(name)) nearEvidence.add(longer);
  }
  return [...merged]
    .filter(([name, count]) => count >= 2 || nearEvidence.has(name))
    .sort((a, b) => Number(nearEvidence.has(b[0])) - Number(nearEvidence.has(a[0])) || b[1] - a[1])
    .slice(0, 2)
    .map(([name]) => name);
}

function personasOf(doc: PersonaDoc, conversations: readonly Conversation[], quoted: Set<number>): ReportData['personas'] {
  const byId = new Map(conversations.map((c) => [c.transcript.id, c]));
  const list: ReportPersona[] = doc.personas.map((p) => {
    let quote: ReportPersona['quote'] = null;
    for (const r of p.representatives) {
      if (!r.quote) continue;
      const c = byId.get(r.quote.conversationId);
      const tag = c?.intents.find((i) => `${i.intent}/${i.subtype}` === r.quote!.pair);
      const evidence = tag?.evidence[0];
      if (c) quoted.add(c.index);
      quote = {
        conversationId: r.quote.conversationId,
        customerId: r.customerId,
        ...(c && evidence ? quoteOfEvidence(c.transcript, evidence) : { text: r.quote.text, mark: null }),
      };
      break;
    }
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      size: p.size,
      share: p.share,
      traits: p.traits,
      motives: p.motives,
      obstacles: p.obstacles,
      upsells: p.upsells,
      assortment: p.assortment,
      quote,
      centre: p.centre,
    };
  });
  return {
    k: doc.k,
    customers: doc.customers,
    seed: doc.seed,
    method: doc.selection.method,
    silhouette: doc.selection.silhouette,
    note: doc.selection.note ?? null,
    list,
    map: doc.assignments.map((a) => ({ customerId: a.customerId, persona: a.persona, x: round(a.x), y: round(a.y) })),
  };
}

function sourceOf(c: Conversation): QuotedConversation {
  const t = c.transcript;
  return {
    id: t.id,
    customerId: c.customer,
    channel: t.channel ?? null,
    language: c.tags.language,
    createdAt: t.createdAt ?? null,
    turns: t.turns.slice(0, SOURCE_TURNS_MAX).map((turn) => ({ role: turn.role, text: clip(turn.text, SOURCE_TURN_MAX) })),
  };
}
