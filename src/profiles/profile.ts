/**
 * Customer profiles: what each customer does across their conversations, as
 * named features (see features.ts for the order and a sentence on each).
 *
 * Who is a customer: transcripts are grouped by `customerId`. A conversation
 * without `customerId` is, by default, its own one-conversation customer
 * keyed `conv:<conversation id>` (the key the tagger's training folds use
 * too), flagged `anonymous`; with `anonymous: 'skip'` it is left out and
 * reported through `onNote`. A customer with a single conversation gets a
 * profile like any other: shares are then 0 or 1 and tenure is 0.
 */
import type { TagResult, Transcript } from '../contract/schemas.js';
import { INTENTS, KNOWN_CHANNELS, SUBTYPES, type Intent, type Language } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { tokenize } from '../text/tokenize.js';
import { FEATURE_INDEX, FEATURE_NAMES, MIX_PREFIX, VALUE_AXES } from './features.js';
import { NEGATIVE_TONE, POSITIVE_TONE, toneOf } from './sentiment.js';
import { VALUE_PAIRS, axesNamed, axisBit } from './values.js';

export interface ProfileQuote {
  /** The (intent/subtype) pair the quote is evidence for. */
  pair: string;
  conversationId: string;
  text: string;
}

export interface CustomerProfile {
  customerId: string;
  /** True for a conversation without customerId profiled as its own customer. */
  anonymous: boolean;
  /** The language most of the customer's conversations are in (ties: the first seen). */
  language: Language;
  conversations: number;
  conversationIds: string[];
  /** Named features; NaN where unknown (no dates, no order metadata). */
  features: Record<string, number>;
  /** The same values in FEATURE_NAMES order. */
  vector: number[];
  /** Conversations carrying each (intent/subtype) pair. */
  pairs: Record<string, number>;
  /** Assortment items and how many conversations asked for each. */
  items: Record<string, number>;
  /** One evidence quote per pair: the most confident one. */
  quotes: ProfileQuote[];
}

export interface ProfileOptions {
  /** Reference date for recency and frequency; default the latest createdAt among the transcripts. */
  asOf?: string | Date;
  /** Conversations without customerId: their own customer (default) or skipped. */
  anonymous?: 'own' | 'skip';
  /** Notes about skipped conversations (the CLI prints them on stderr). */
  onNote?: (message: string) => void;
}

/** The key of a conversation without customerId when it is its own customer. */
export function anonymousCustomerId(conversationId: string): string {
  return `conv:${conversationId}`;
}

const DAY = 86_400_000;
const QUOTE_MAX = 200;

interface Conversation {
  transcript: Transcript;
  tags: TagResult;
  time: number; // NaN when createdAt is absent
}

/**
 * One profile per customer, in order of each customer's first conversation.
 * `results` are matched to transcripts by id; a transcript without a result
 * is an error (tag it first, or let the CLI tag on the fly).
 */
export function profileCustomers(
  transcripts: Iterable<Transcript>,
  results: Iterable<TagResult> | ReadonlyMap<string, TagResult>,
  options: ProfileOptions = {},
): CustomerProfile[] {
  const byId = results instanceof Map ? (results as ReadonlyMap<string, TagResult>) : indexResults(results as Iterable<TagResult>);
  const customers = new Map<string, { anonymous: boolean; conversations: Conversation[] }>();
  const missing: string[] = [];
  let skipped = 0;
  let latest = -Infinity;
  for (const transcript of transcripts) {
    const tags = byId.get(transcript.id);
    if (!tags) {
      missing.push(transcript.id);
      continue;
    }
    const anonymous = transcript.customerId === undefined;
    if (anonymous && options.anonymous === 'skip') {
      skipped++;
      continue;
    }
    const key = transcript.customerId ?? anonymousCustomerId(transcript.id);
    let c = customers.get(key);
    if (!c) customers.set(key, (c = { anonymous, conversations: [] }));
    const time = transcript.createdAt ? Date.parse(transcript.createdAt) : Number.NaN;
    if (time > latest) latest = time;
    c.conversations.push({ transcript, tags, time });
  }
  if (missing.length)
    throw new ConvotagError(
      `profileCustomers: ${missing.length} transcript(s) have no tag result, e.g. ${missing.slice(0, 3).join(', ')}; tag them first`,
    );
  if (skipped) options.onNote?.(`${skipped} conversation(s) without customerId skipped (anonymous: 'skip')`);
  const asOf = options.asOf !== undefined ? toTime(options.asOf) : latest;
  return [...customers].map(([customerId, c]) => profileOne(customerId, c.anonymous, c.conversations, asOf));
}

function indexResults(results: Iterable<TagResult>): Map<string, TagResult> {
  const m = new Map<string, TagResult>();
  for (const r of results) m.set(r.id, r);
  return m;
}

function toTime(value: string | Date): number {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) throw new ConvotagError(`profileCustomers: asOf is not a valid date: ${String(value)}`);
  return t;
}

function profileOne(customerId: string, anonymous: boolean, conversations: Conversation[], asOf: number): CustomerProfile {
  const n = conversations.length;
  const vector = new Array<number>(FEATURE_NAMES.length).fill(0);
  const add = (name: string, x: number) => {
    vector[FEATURE_INDEX.get(name)!]! += x;
  };
  const set = (name: string, x: number) => {
    vector[FEATURE_INDEX.get(name)!] = x;
  };
  const pairs: Record<string, number> = {};
  const items: Record<string, number> = {};
  const quotes = new Map<string, { quote: ProfileQuote; confidence: number }>();
  const languages = new Map<Language, number>();
  const intentTags: Record<Intent, number> = { purchase_motive: 0, obstacle: 0, upsell_signal: 0, assortment_request: 0 };
  let orderCount = Number.NaN;
  let totalSpend = Number.NaN;
  let metaTime = -Infinity;

  for (const { transcript, tags, time } of conversations) {
    languages.set(tags.language, (languages.get(tags.language) ?? 0) + 1);
    const seenIntents = new Set<Intent>();
    const seenPairs = new Set<string>();
    let assortmentPairs = 0;
    for (const tag of tags.intents) {
      const pair = `${tag.intent}/${tag.subtype}`;
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      seenIntents.add(tag.intent);
      pairs[pair] = (pairs[pair] ?? 0) + 1;
      // custom subtypes (convotag train) count towards the intent share, not the subtype mix
      if ((SUBTYPES[tag.intent] as readonly string[]).includes(tag.subtype)) {
        add(`${MIX_PREFIX[tag.intent]}.${tag.subtype}`, 1);
        intentTags[tag.intent]++;
      }
      if (tag.intent === 'assortment_request') assortmentPairs++;
      const best = tag.evidence[0];
      const prior = quotes.get(pair);
      if (best && (!prior || tag.confidence > prior.confidence))
        quotes.set(pair, {
          quote: { pair, conversationId: transcript.id, text: clip(best.text) },
          confidence: tag.confidence,
        });
    }
    for (const intent of seenIntents) add(`intent.${intent}`, 1);
    for (const item of new Set(tags.items)) items[item] = (items[item] ?? 0) + 1;
    add('assortment.perConversation', Math.max(new Set(tags.items).size, assortmentPairs));

    // the customer's own words; a call note without customer turns speaks through its agent/system turns
    const own = transcript.turns.filter((t) => t.role === 'customer');
    const words = (own.length ? own : transcript.turns).map((t) => tokenize(t.text));
    const language = tags.language;
    let named = 0;
    for (const w of words) named |= axesNamed(w.norm, language);
    for (const axis of VALUE_AXES) if (named & axisBit(axis) || VALUE_PAIRS[axis].some((p) => seenPairs.has(p))) add(`value.${axis}`, 1);
    const tone = toneOf(
      words.flatMap((w) => clauses(w.norm, w.boundaryBefore)),
      language,
    );
    if (tone < NEGATIVE_TONE) add('sentiment.negative', 1);
    else if (tone > POSITIVE_TONE) add('sentiment.positive', 1);

    const channel = transcript.channel?.toLowerCase();
    add(`channel.${channel && (KNOWN_CHANNELS as readonly string[]).includes(channel) ? channel : 'other'}`, 1);

    // the latest conversation's metadata is the customer's current standing
    const meta = transcript.metadata;
    const metaAt = Number.isNaN(time) ? -Infinity : time;
    if (meta && metaAt >= metaTime) {
      const oc = numeric(meta.orderCount);
      const ts = numeric(meta.totalSpend);
      if (oc !== undefined || ts !== undefined) metaTime = metaAt;
      if (oc !== undefined) orderCount = oc;
      if (ts !== undefined) totalSpend = ts;
    }
  }

  // shares of conversations
  for (const name of FEATURE_NAMES)
    if (name.startsWith('intent.') || name.startsWith('value.') || name.startsWith('sentiment.') || name.startsWith('channel.'))
      set(name, vector[FEATURE_INDEX.get(name)!]! / n);
  set('assortment.perConversation', vector[FEATURE_INDEX.get('assortment.perConversation')!]! / n);
  // subtype mix within each intent
  for (const intent of INTENTS) {
    const total = intentTags[intent];
    for (const subtype of SUBTYPES[intent]) {
      const name = `${MIX_PREFIX[intent]}.${subtype}`;
      set(name, total ? vector[FEATURE_INDEX.get(name)!]! / total : 0);
    }
  }

  set('activity.conversations', Math.log1p(n));
  const times = conversations.map((c) => c.time).filter((t) => !Number.isNaN(t));
  if (times.length && Number.isFinite(asOf)) {
    const first = Math.min(...times);
    const last = Math.max(...times);
    const since = Math.max(1, (asOf - first) / DAY);
    set('activity.frequency', Math.log1p((times.length / since) * 30));
    set('activity.recency', Math.log1p(Math.max(0, (asOf - last) / DAY)));
    set('activity.tenure', Math.log1p((last - first) / DAY));
  } else {
    for (const name of ['activity.frequency', 'activity.recency', 'activity.tenure']) set(name, Number.NaN);
  }
  set('commerce.orderCount', Number.isNaN(orderCount) ? Number.NaN : Math.log1p(Math.max(0, orderCount)));
  set('commerce.totalSpend', Number.isNaN(totalSpend) ? Number.NaN : Math.log1p(Math.max(0, totalSpend)));

  const features: Record<string, number> = {};
  FEATURE_NAMES.forEach((name, i) => (features[name] = vector[i]!));
  let language: Language = conversations[0]!.tags.language;
  for (const [l, count] of languages) if (count > languages.get(language)!) language = l;
  return {
    customerId,
    anonymous,
    language,
    conversations: n,
    conversationIds: conversations.map((c) => c.transcript.id),
    features,
    vector,
    pairs,
    items,
    quotes: [...quotes.values()].map((q) => q.quote),
  };
}

/** Splits a turn's tokens at clause boundaries. */
function clauses(norm: readonly string[], boundaryBefore: Uint8Array): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  norm.forEach((w, i) => {
    if (boundaryBefore[i] && current.length) {
      out.push(current);
      current = [];
    }
    current.push(w);
  });
  if (current.length) out.push(current);
  return out;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t;
}
