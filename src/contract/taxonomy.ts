/**
 * The taxonomy of ../shared/TAXONOMY.md (v1) as typed constants: the one
 * source of truth every other module imports.
 */
export const TAXONOMY_VERSION = 1 as const;

export const INTENTS = ['purchase_motive', 'obstacle', 'upsell_signal', 'assortment_request'] as const;
export type Intent = (typeof INTENTS)[number];

export const SUBTYPES = {
  purchase_motive: ['gift', 'travel', 'hobby', 'life_event', 'replacement', 'home_project', 'work_study', 'health', 'other'],
  obstacle: ['delivery', 'payment', 'returns', 'product_quality', 'product_info', 'stock', 'website', 'pricing', 'service'],
  upsell_signal: ['premium', 'accessory', 'bundle', 'quantity', 'service_addon', 'repeat'],
  assortment_request: ['product', 'brand', 'variant'],
} as const satisfies Record<Intent, readonly string[]>;

export type Subtype<I extends Intent = Intent> = (typeof SUBTYPES)[I][number];

/** An (intent, subtype) pair written as `intent/subtype`, the key used in metrics and models. */
export type PairKey = { [I in Intent]: `${I}/${Subtype<I>}` }[Intent];

export const PAIRS: readonly PairKey[] = INTENTS.flatMap((intent) => SUBTYPES[intent].map((subtype) => `${intent}/${subtype}` as PairKey));

export const ARCHETYPES = ['gift_giver', 'enthusiast', 'bargain_hunter', 'life_planner', 'frustrated'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = ['customer', 'agent', 'bot', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Channels named by FORMAT.md; any other string is accepted too. */
export const KNOWN_CHANNELS = ['chat', 'email', 'phone', 'social', 'whatsapp', 'form', 'store'] as const;

export function pairKey(intent: string, subtype: string): string {
  return `${intent}/${subtype}`;
}

export function splitPairKey(key: string): { intent: string; subtype: string } {
  const slash = key.indexOf('/');
  return { intent: key.slice(0, slash), subtype: key.slice(slash + 1) };
}

export function isTaxonomyPair(intent: string, subtype: string): boolean {
  const subtypes = (SUBTYPES as Record<string, readonly string[]>)[intent];
  return subtypes !== undefined && subtypes.includes(subtype);
}
