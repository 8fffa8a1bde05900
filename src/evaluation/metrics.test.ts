import { describe, expect, it } from 'vitest';
import type { Gold, TagResult } from '../contract/schemas.js';
import { evaluate, itemKey } from './metrics.js';

const gold = (id: string, labels: string[], items: string[] = []): Gold => ({
  id,
  labels: labels.map((l) => {
    const [intent, subtype] = l.split('/') as [Gold['labels'][number]['intent'], string];
    return { intent, subtype };
  }),
  items,
});
const tag = (id: string, language: 'nl' | 'en', pairs: string[], items: string[] = []): TagResult => ({
  id,
  language,
  items,
  intents: pairs.map((p) => {
    const [intent, subtype] = p.split('/') as [TagResult['intents'][number]['intent'], string];
    return { intent, subtype, confidence: 0.9, evidence: [{ turn: 0, start: 0, end: 1, text: 'x' }] };
  }),
});

describe('evaluate', () => {
  // Hand-computed:
  // c1 gold {obstacle/delivery, purchase_motive/gift}  pred {obstacle/delivery}                  nl
  // c2 gold {obstacle/pricing}                          pred {obstacle/payment}                   en
  // c3 gold {}                                          pred {upsell_signal/premium}              en
  // c4 gold {assortment_request/product} items statieven  pred same, items statief              nl
  // pairs: delivery tp1; gift fn1; pricing fn1; payment fp1; premium fp1; product tp1
  //   micro: tp2 fp2 fn2 → P .5 R .5 F1 .5
  //   macro over 6 pairs: delivery 1, product 1, others 0 → 2/6
  // intents: obstacle tp2 (c1, c2); purchase_motive fn1; upsell_signal fp1; assortment tp1
  //   micro: tp3 fp1 fn1 → P .75 R .75 F1 .75
  // exact match: c4 only → 1/4
  const result = evaluate(
    [
      gold('c1', ['obstacle/delivery', 'purchase_motive/gift']),
      gold('c2', ['obstacle/pricing']),
      gold('c3', []),
      gold('c4', ['assortment_request/product'], ['statieven']),
    ],
    [
      tag('c1', 'nl', ['obstacle/delivery']),
      tag('c2', 'en', ['obstacle/payment']),
      tag('c3', 'en', ['upsell_signal/premium']),
      tag('c4', 'nl', ['assortment_request/product'], ['statief']),
    ],
  );

  it('computes micro and macro pair scores', () => {
    expect(result.pair.micro).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(result.pair.macro).toBeCloseTo(2 / 6);
    expect(result.pair.perPair['obstacle/delivery']!.f1).toBe(1);
    expect(result.pair.perPair['obstacle/pricing']).toMatchObject({ tp: 0, fn: 1, support: 1 });
  });

  it('computes intent scores (a wrong subtype still finds the intent)', () => {
    expect(result.intent.micro).toMatchObject({ tp: 3, fp: 1, fn: 1, f1: 0.75 });
    expect(result.intent.perIntent['obstacle']).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('computes exact match, items (plural and singular merged) and per-language scopes', () => {
    expect(result.exactMatch).toBe(0.25);
    expect(result.items).toMatchObject({ gold: 1, matched: 1, recall: 1 });
    expect(result.perLanguage['nl']!.pair.micro).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(result.perLanguage['en']!.pair.micro).toMatchObject({ tp: 0, fp: 2, fn: 1 });
  });

  it('summarises confusions', () => {
    expect(result.confusions).toContainEqual({ gold: 'obstacle/pricing', predicted: 'obstacle/payment', count: 1 });
    expect(result.confusions).toContainEqual({ gold: 'purchase_motive/gift', predicted: '(nothing)', count: 1 });
    expect(result.confusions).toContainEqual({ gold: '(nothing)', predicted: 'upsell_signal/premium', count: 1 });
  });

  it('counts gold without tags as untagged', () => {
    const r = evaluate([gold('a', ['obstacle/delivery'])], []);
    expect(r.missingTags).toEqual(['a']);
    expect(r.pair.micro.fn).toBe(1);
  });

  it('matches item keys across case, spacing and plural', () => {
    expect(itemKey('  Statieven ', 'nl')).toBe(itemKey('statief', 'nl'));
    expect(itemKey('Kids  sizes', 'en')).toBe('kids size');
  });
});
