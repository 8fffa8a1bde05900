import { describe, expect, it } from 'vitest';
import type { TagResult, TaggedIntent, Transcript } from '../contract/schemas.js';
import { ConvotagError } from '../io/errors.js';
import { FEATURE_NAMES, FEATURES, describeFeature } from './features.js';
import { profileCustomers } from './profile.js';

const tag = (pair: string, text = 'x', confidence = 0.9): TaggedIntent => {
  const [intent, subtype] = pair.split('/') as [TaggedIntent['intent'], string];
  return { intent, subtype, confidence, evidence: [{ turn: 0, start: 0, end: text.length, text }] };
};
const result = (t: Transcript, intents: TaggedIntent[], items: string[] = []): TagResult => ({
  id: t.id,
  ...(t.customerId ? { customerId: t.customerId } : {}),
  language: t.language ?? 'en',
  intents,
  items,
});
const say = (text: string) => [{ role: 'customer' as const, text }];

// c1: two conversations a month apart; c2: one conversation without a date; t4: no customerId
const t1: Transcript = {
  id: 't1',
  customerId: 'c1',
  channel: 'chat',
  language: 'en',
  createdAt: '2026-01-01T10:00:00Z',
  turns: [...say("It's for my sister's birthday, lovely. Can you gift wrap it? The price is fine."), { role: 'agent', text: 'Sure!' }],
  metadata: { orderCount: 2, totalSpend: 100 },
};
const t2: Transcript = {
  id: 't2',
  customerId: 'c1',
  channel: 'email',
  language: 'en',
  createdAt: '2026-01-31T10:00:00Z',
  turns: say('My parcel has not arrived yet. This is terrible, awful.'),
  metadata: { orderCount: 3, totalSpend: 150 },
};
const t3: Transcript = {
  id: 't3',
  customerId: 'c2',
  channel: 'telegram',
  language: 'nl',
  turns: say('Hebben jullie ook Fjällräven in XXL?'),
};
const t4: Transcript = { id: 't4', language: 'en', createdAt: '2026-01-15T00:00:00Z', turns: say('please change my e-mail address') };

const results = [
  result(t1, [tag('purchase_motive/gift', "It's for my sister's birthday"), tag('upsell_signal/service_addon', 'gift wrap', 0.8)]),
  result(t2, [tag('obstacle/delivery', 'My parcel has not arrived yet'), tag('purchase_motive/gift', 'gift', 0.5)]),
  result(t3, [tag('assortment_request/brand'), tag('assortment_request/variant'), tag('obstacle/customs_fees')], ['fjällräven', 'xxl']),
  result(t4, []),
];

describe('profileCustomers', () => {
  const profiles = profileCustomers([t1, t2, t3, t4], results);
  const byId = new Map(profiles.map((p) => [p.customerId, p]));

  it('gives one profile per customer, in order of first conversation, with the vector in FEATURE_NAMES order', () => {
    expect(profiles.map((p) => p.customerId)).toEqual(['c1', 'c2', 'conv:t4']);
    for (const p of profiles) {
      expect(p.vector).toHaveLength(FEATURE_NAMES.length);
      FEATURE_NAMES.forEach((name, i) => expect(Object.is(p.features[name], p.vector[i])).toBe(true));
    }
  });

  it('computes the hand-built example', () => {
    const c1 = byId.get('c1')!;
    expect(c1.conversations).toBe(2);
    expect(c1.features).toMatchObject({
      'intent.purchase_motive': 1,
      'intent.obstacle': 0.5,
      'intent.upsell_signal': 0.5,
      'intent.assortment_request': 0,
      'motive.gift': 1, // both motives are gifts
      'motive.travel': 0,
      'obstacle.delivery': 1,
      'upsell.service_addon': 1,
      'assortment.perConversation': 0,
      'value.price': 0.5, // "price" in t1
      'value.service': 0.5, // the gift-wrap up-sell in t1
      'value.delivery': 0.5, // the delivery obstacle in t2
      'value.product': 0,
      'sentiment.positive': 0.5,
      'sentiment.negative': 0.5,
      'channel.chat': 0.5,
      'channel.email': 0.5,
      'channel.other': 0,
    });
    expect(c1.features['activity.conversations']).toBeCloseTo(Math.log(3));
    expect(c1.features['activity.tenure']).toBeCloseTo(Math.log(31)); // 30 days
    expect(c1.features['activity.recency']).toBe(0); // the latest conversation of all
    expect(c1.features['activity.frequency']).toBeCloseTo(Math.log(3)); // 2 conversations in 30 days
    expect(c1.features['commerce.orderCount']).toBeCloseTo(Math.log(4)); // the latest value, 3
    expect(c1.features['commerce.totalSpend']).toBeCloseTo(Math.log(151));
    expect(c1.pairs).toEqual({ 'purchase_motive/gift': 2, 'upsell_signal/service_addon': 1, 'obstacle/delivery': 1 });
    // the most confident gift quote wins
    expect(c1.quotes.find((q) => q.pair === 'purchase_motive/gift')).toEqual({
      pair: 'purchase_motive/gift',
      conversationId: 't1',
      text: "It's for my sister's birthday",
    });
  });

  it('profiles a one-conversation customer without dates or order metadata', () => {
    const c2 = byId.get('c2')!;
    expect(c2.conversations).toBe(1);
    expect(c2.language).toBe('nl');
    expect(c2.features).toMatchObject({
      'intent.assortment_request': 1,
      'intent.obstacle': 1, // the custom subtype counts for the intent …
      'assortment.brand': 0.5,
      'assortment.variant': 0.5,
      'assortment.perConversation': 2,
      'channel.other': 1,
      'activity.conversations': Math.log(2),
    });
    // … but not in the subtype mix
    expect(FEATURES.filter((f) => f.group === 'obstacle').every((f) => c2.features[f.name] === 0)).toBe(true);
    expect(c2.items).toEqual({ fjällräven: 1, xxl: 1 });
    for (const f of ['activity.frequency', 'activity.recency', 'activity.tenure', 'commerce.orderCount', 'commerce.totalSpend'])
      expect(c2.features[f]).toBeNaN();
  });

  it('makes a conversation without customerId its own customer, or skips it with a note', () => {
    const anon = byId.get('conv:t4')!;
    expect(anon.anonymous).toBe(true);
    expect(anon.conversationIds).toEqual(['t4']);
    expect(byId.get('c1')!.anonymous).toBe(false);
    const notes: string[] = [];
    const skipped = profileCustomers([t1, t2, t3, t4], results, { anonymous: 'skip', onNote: (m) => notes.push(m) });
    expect(skipped.map((p) => p.customerId)).toEqual(['c1', 'c2']);
    expect(notes.join('\n')).toMatch(/1 conversation\(s\) without customerId skipped/);
  });

  it('measures recency from asOf when given', () => {
    const [c1] = profileCustomers([t1, t2], results, { asOf: '2026-03-02T10:00:00Z' });
    expect(c1!.features['activity.recency']).toBeCloseTo(Math.log(31));
  });

  it('refuses transcripts without a tag result', () => {
    expect(() => profileCustomers([t1, t2], results.slice(0, 1))).toThrow(ConvotagError);
    expect(() => profileCustomers([t1, t2], results.slice(0, 1))).toThrow(/1 transcript\(s\) have no tag result, e.g. t2/);
  });

  it('explains every feature in one sentence', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    for (const name of FEATURE_NAMES) expect(describeFeature(name)).toMatch(/^[A-Z].*\.$/);
  });
});
