/**
 * What a customer values, on the four value-proposition axes of web-shop
 * service: price, product, service and delivery. A conversation touches an
 * axis when the tagger found a pair that belongs to it, or when the
 * customer's own words name it (a short word list per language; an entry
 * ending in `*` is a prefix, so Dutch compounds such as "kortingscode" match
 * "korting*").
 */
import type { Language } from '../contract/taxonomy.js';
import type { ValueAxis } from './features.js';

/** (intent/subtype) pairs that show the axis. */
export const VALUE_PAIRS: Record<ValueAxis, readonly string[]> = {
  price: ['obstacle/pricing', 'obstacle/payment', 'assortment_request/variant'],
  product: [
    'obstacle/product_info',
    'obstacle/product_quality',
    'upsell_signal/premium',
    'upsell_signal/accessory',
    'assortment_request/product',
    'assortment_request/brand',
  ],
  service: ['obstacle/service', 'obstacle/returns', 'upsell_signal/service_addon'],
  delivery: ['obstacle/delivery'],
};

const VALUE_WORDS: Record<Language, Record<ValueAxis, readonly string[]>> = {
  en: {
    price: [
      'price*',
      'cheap*',
      'expensive',
      'pricey',
      'discount*',
      'coupon*',
      'voucher*',
      'promo*',
      'sale',
      'deal',
      'deals',
      'budget',
      'afford*',
      'cost',
      'costs',
      'fee',
      'fees',
      'overpriced',
      'bargain*',
      'pricematch',
    ],
    product: [
      'quality',
      'spec',
      'specs',
      'specification*',
      'material*',
      'brand*',
      'model*',
      'version*',
      'compatib*',
      'features',
      'premium',
      'pro',
      'upgrade*',
      'lens*',
      'durab*',
      'sturdy',
    ],
    service: [
      'service',
      'helpdesk',
      'support',
      'helpful',
      'unhelpful',
      'reply',
      'replied',
      'response',
      'answer*',
      'warranty',
      'guarantee',
      'wrap*',
      'install*',
      'return*',
      'refund*',
      'exchange',
      'complain*',
      'staff',
    ],
    delivery: [
      'deliver*',
      'shipping',
      'shipped',
      'ship',
      'dispatch*',
      'parcel*',
      'package*',
      'tracking',
      'track',
      'courier*',
      'arrive*',
      'arrival',
      'express',
      'tomorrow',
      'postman',
      'dpd',
      'dhl',
    ],
  },
  nl: {
    price: [
      'prijs*',
      'prijzen',
      'goedkop*',
      'goedkoop',
      'duur',
      'duurder',
      'korting*',
      'kortings*',
      'code',
      'actie*',
      'aanbieding*',
      'uitverkoop',
      'sale',
      'deal',
      'budget',
      'betaalbaar',
      'kosten',
      'verzendkosten',
      'prijsmatch',
      'koopje*',
    ],
    product: [
      'kwaliteit',
      'specificatie*',
      'specs',
      'materiaal',
      'merk*',
      'model*',
      'versie*',
      'compatib*',
      'premium',
      'pro',
      'upgrade*',
      'lens*',
      'degelijk*',
      'stevig*',
    ],
    service: [
      'service',
      'klantenservice',
      'helpdesk',
      'hulp',
      'geholpen',
      'reactie',
      'antwoord*',
      'gemaild',
      'gebeld',
      'garantie',
      'inpak*',
      'ingepakt',
      'installatie',
      'installeren',
      'retour*',
      'terugbetal*',
      'ruilen',
      'klacht*',
    ],
    delivery: [
      'lever*',
      'geleverd',
      'bezorg*',
      'verzend*',
      'verzonden',
      'pakket*',
      'track*',
      'koerier',
      'postnl',
      'dhl',
      'dpd',
      'aankom*',
      'binnen',
      'express',
      'spoed',
      'morgen',
    ],
  },
};

const AXIS_BIT: Record<ValueAxis, number> = { price: 1, product: 2, service: 4, delivery: 8 };
const CACHE_LIMIT = 100_000;
const caches: Record<Language, Map<string, number>> = { en: new Map(), nl: new Map() };
const compiled = new Map<Language, Array<{ bit: number; exact: Set<string>; prefixes: string[] }>>();

function wordsFor(language: Language): Array<{ bit: number; exact: Set<string>; prefixes: string[] }> {
  let c = compiled.get(language);
  if (!c) {
    c = (Object.keys(AXIS_BIT) as ValueAxis[]).map((axis) => {
      const list = VALUE_WORDS[language][axis];
      return {
        bit: AXIS_BIT[axis],
        exact: new Set(list.filter((w) => !w.endsWith('*'))),
        prefixes: list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)),
      };
    });
    compiled.set(language, c);
  }
  return c;
}

/** The axes one normalised token names, as bits; memoised, since support conversations repeat their words. */
function axesOfToken(token: string, language: Language): number {
  const cache = caches[language];
  let bits = cache.get(token);
  if (bits === undefined) {
    bits = 0;
    for (const { bit, exact, prefixes } of wordsFor(language))
      if (exact.has(token) || prefixes.some((p) => token.startsWith(p))) bits |= bit;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, bits);
  }
  return bits;
}

/** The axes the normalised tokens name in this language, as bits (see axisBit). */
export function axesNamed(tokens: readonly string[], language: Language): number {
  let bits = 0;
  for (const t of tokens) bits |= axesOfToken(t, language);
  return bits;
}

export function axisBit(axis: ValueAxis): number {
  return AXIS_BIT[axis];
}

/** True when one of the normalised tokens names the axis in this language. */
export function mentionsAxis(tokens: readonly string[], axis: ValueAxis, language: Language): boolean {
  return (axesNamed(tokens, language) & AXIS_BIT[axis]) !== 0;
}
