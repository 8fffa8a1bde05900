/**
 * The named behaviour features of a customer profile, in the fixed order of
 * `CustomerProfile.vector`. Every feature is non-negative, so a persona's
 * lift against the population (value / population mean) is well defined,
 * and each one is explained in one sentence (shown by `describeFeature`).
 */
import { KNOWN_CHANNELS, SUBTYPES, type Intent } from '../contract/taxonomy.js';

/** Feature groups; the persona scaler weighs groups, not single features. */
export const FEATURE_GROUPS = [
  'intent',
  'motive',
  'obstacle',
  'upsell',
  'assortment',
  'value',
  'sentiment',
  'channel',
  'activity',
  'commerce',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export interface FeatureSpec {
  name: string;
  group: FeatureGroup;
  /** One sentence: what the number means for this customer. */
  description: string;
}

/** The prefix of the subtype-mix features of each intent (`motive.gift`, `upsell.premium` …). */
export const MIX_PREFIX: Record<Intent, FeatureGroup> = {
  purchase_motive: 'motive',
  obstacle: 'obstacle',
  upsell_signal: 'upsell',
  assortment_request: 'assortment',
};

const INTENT_WORDS: Record<Intent, string> = {
  purchase_motive: 'a purchase motive',
  obstacle: 'an obstacle',
  upsell_signal: 'an up-sell signal',
  assortment_request: 'an assortment request',
};

const MIX_WORDS: Record<Intent, string> = {
  purchase_motive: 'motives',
  obstacle: 'obstacles',
  upsell_signal: 'up-sell signals',
  assortment_request: 'assortment requests',
};

export const VALUE_AXES = ['price', 'product', 'service', 'delivery'] as const;
export type ValueAxis = (typeof VALUE_AXES)[number];

const VALUE_WORDS: Record<ValueAxis, string> = {
  price: 'price (price complaints, discount codes, cheaper variants, price words)',
  product: 'the product itself (quality, specifications, better versions, brands and accessories)',
  service: 'service (help, returns, warranty, wrapping, installation)',
  delivery: 'delivery (parcels, tracking, delivery dates and speed)',
};

/** Channels with their own feature; every other channel string counts as `channel.other`. */
export const PROFILE_CHANNELS = [...KNOWN_CHANNELS, 'other'] as const;

function buildSpecs(): FeatureSpec[] {
  const specs: FeatureSpec[] = [];
  const intents = Object.keys(SUBTYPES) as Intent[];
  for (const intent of intents)
    specs.push({
      name: `intent.${intent}`,
      group: 'intent',
      description: `Share of the customer's conversations with ${INTENT_WORDS[intent]}.`,
    });
  for (const intent of intents)
    for (const subtype of SUBTYPES[intent])
      specs.push({
        name: `${MIX_PREFIX[intent]}.${subtype}`,
        group: MIX_PREFIX[intent],
        description: `Share of the customer's ${MIX_WORDS[intent]} that are ${subtype.replace(/_/g, ' ')} (0 when the customer has none).`,
      });
  specs.push({
    name: 'assortment.perConversation',
    group: 'assortment',
    description: 'Assortment requests per conversation (items named, or requests where no item was named).',
  });
  for (const axis of VALUE_AXES)
    specs.push({
      name: `value.${axis}`,
      group: 'value',
      description: `Share of the customer's conversations that are about ${VALUE_WORDS[axis]}.`,
    });
  specs.push(
    {
      name: 'sentiment.negative',
      group: 'sentiment',
      description: "Share of the customer's conversations whose customer words have a negative tone.",
    },
    {
      name: 'sentiment.positive',
      group: 'sentiment',
      description: "Share of the customer's conversations whose customer words have a positive tone.",
    },
  );
  for (const channel of PROFILE_CHANNELS)
    specs.push({
      name: `channel.${channel}`,
      group: 'channel',
      description:
        channel === 'other'
          ? "Share of the customer's conversations on another or an unnamed channel."
          : `Share of the customer's conversations on the ${channel} channel.`,
    });
  specs.push(
    { name: 'activity.conversations', group: 'activity', description: 'Number of conversations, log-scaled: ln(1 + n).' },
    {
      name: 'activity.frequency',
      group: 'activity',
      description: 'Conversations per 30 days since the first one, up to the reference date, log-scaled: ln(1 + rate).',
    },
    {
      name: 'activity.recency',
      group: 'activity',
      description: 'Days from the last conversation to the reference date, log-scaled: ln(1 + days).',
    },
    {
      name: 'activity.tenure',
      group: 'activity',
      description: 'Days between the first and the last conversation, log-scaled: ln(1 + days).',
    },
    {
      name: 'commerce.orderCount',
      group: 'commerce',
      description: 'Orders placed (metadata.orderCount, the latest value seen), log-scaled: ln(1 + n).',
    },
    {
      name: 'commerce.totalSpend',
      group: 'commerce',
      description: 'Total spend (metadata.totalSpend, the latest value seen), log-scaled: ln(1 + amount).',
    },
  );
  return specs;
}

/** Every feature in vector order. Changing this order changes `FEATURE_SET_ID` and invalidates saved persona models. */
export const FEATURES: readonly FeatureSpec[] = buildSpecs();
export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURE_NAMES.map((n, i) => [n, i]));

/** A short fingerprint of the feature order, stored in persona models to refuse models made for another feature set. */
export const FEATURE_SET_ID = fingerprint(FEATURE_NAMES.join('|'));

/** Features that may be unknown for a customer (no dates, no metadata); NaN in the vector, imputed by the persona scaler. */
export const OPTIONAL_FEATURES: ReadonlySet<string> = new Set([
  'activity.frequency',
  'activity.recency',
  'activity.tenure',
  'commerce.orderCount',
  'commerce.totalSpend',
]);

export function describeFeature(name: string): string {
  return FEATURES[FEATURE_INDEX.get(name) ?? -1]?.description ?? name;
}

function fingerprint(text: string): string {
  // FNV-1a, 32 bit: enough to tell feature sets apart, not a security hash
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
