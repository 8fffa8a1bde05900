import { describe, expect, it } from 'vitest';
import type { TagResult, TaggedIntent, Transcript } from '../contract/schemas.js';
import { INTENTS } from '../contract/taxonomy.js';
import { findPersonas } from '../personas/find.js';
import { profileCustomers } from '../profiles/profile.js';
import { bucketSizeFor, bucketsBetween, isoWeekKey } from './buckets.js';
import { buildReport, majorityLanguage, REPORT_FORMAT, REPORT_VERSION, type ReportData } from './build.js';
import { sentenceAround } from './quotes.js';

/** One customer turn; `tags` name what the tagger would have found, with evidence located by the phrase. */
function conversation(
  id: string,
  customerId: string | undefined,
  text: string,
  date: string,
  found: Array<{ pair: string; phrase: string; confidence?: number }> = [],
  items: string[] = [],
  language: 'nl' | 'en' = 'nl',
): { transcript: Transcript; tags: TagResult } {
  const transcript: Transcript = {
    id,
    ...(customerId ? { customerId } : {}),
    channel: 'chat',
    language,
    createdAt: `${date}T10:00:00Z`,
    turns: [
      { role: 'customer', text },
      { role: 'agent', text: 'Dank je, ik kijk het na.' },
    ],
  };
  const intents: TaggedIntent[] = found.map(({ pair, phrase, confidence }) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`test setup: "${phrase}" is not in "${text}"`);
    const [intent, subtype] = pair.split('/') as [TaggedIntent['intent'], string];
    return { intent, subtype, confidence: confidence ?? 0.9, evidence: [{ turn: 0, start, end: start + phrase.length, text: phrase }] };
  });
  return { transcript, tags: { id, ...(customerId ? { customerId } : {}), language, intents, items } };
}

function report(rows: Array<{ transcript: Transcript; tags: TagResult }>, options: Parameters<typeof buildReport>[1] = {}): ReportData {
  const transcripts = rows.map((r) => r.transcript);
  const tags = rows.map((r) => r.tags);
  const personas = findPersonas(profileCustomers(transcripts, tags), { k: 2, seed: 3 });
  return buildReport({ transcripts, tags, personas }, options);
}

const ask = (pair: string, phrase: string, confidence?: number) => ({ pair, phrase, ...(confidence ? { confidence } : {}) });

describe('buildReport: assortment gaps', () => {
  const rows = [
    // one customer asks three times for tripods: many conversations, one customer
    conversation(
      'a1',
      'anna',
      'Verkopen jullie ook statieven?',
      '2026-01-05',
      [ask('assortment_request/product', 'Verkopen jullie ook')],
      ['statieven'],
    ),
    conversation(
      'a2',
      'anna',
      'Nog steeds geen statieven in de winkel?',
      '2026-01-12',
      [ask('assortment_request/product', 'geen statieven')],
      ['statieven'],
    ),
    conversation(
      'a3',
      'anna',
      'Hebben jullie al een statief?',
      '2026-01-19',
      [ask('assortment_request/product', 'Hebben jullie al')],
      ['statief'],
    ),
    // two different customers ask once each for a brand
    conversation(
      'b1',
      'bert',
      'Gaan jullie het merk Jellycat voeren?',
      '2026-01-06',
      [ask('assortment_request/brand', 'het merk')],
      ['jellycat'],
    ),
    conversation(
      'c1',
      'cor',
      'Waarom geen Jellycat knuffels?',
      '2026-01-07',
      [ask('assortment_request/brand', 'Waarom geen')],
      ['jellycat'],
    ),
    // another customer asks for a tripod in the singular: the plural and singular meet
    conversation(
      'd1',
      'dirk',
      'Ik zoek een statief voor mijn camera.',
      '2026-01-08',
      [ask('assortment_request/product', 'Ik zoek')],
      ['statief'],
    ),
    conversation('e1', 'eva', 'Mijn pakket is te laat.', '2026-01-09', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
  ];

  it('merges spellings and plurals under one key and counts each customer once', () => {
    const gaps = report(rows).assortment.gaps;
    const tripod = gaps.find((g) => g.key === 'statief');
    expect(tripod).toBeDefined();
    expect(new Set(tripod!.spellings)).toEqual(new Set(['statieven', 'statief']));
    expect(tripod!.customers).toBe(2); // anna and dirk
    expect(tripod!.conversations).toBe(4);
    expect(gaps.filter((g) => g.key.startsWith('statie'))).toHaveLength(1);
    // the most used spelling names the item
    expect(tripod!.item).toBe('statieven');
  });

  it('ranks by distinct customers, not by conversations', () => {
    const onlyAnnaAndBrand = rows.filter((r) => r.transcript.id !== 'd1');
    const gaps = report(onlyAnnaAndBrand).assortment.gaps;
    // jellycat: 2 customers in 2 conversations; statief: 1 customer in 3 conversations
    expect(gaps.map((g) => [g.key, g.customers, g.conversations])).toEqual([
      ['jellycat', 2, 2],
      ['statief', 1, 3],
    ]);
    expect(gaps[0]!.subtype).toBe('brand');
    expect(gaps[1]!.subtype).toBe('product');
  });

  it('quotes the sentence naming the item, with the item marked, one quote per customer first', () => {
    const jellycat = report(rows).assortment.gaps.find((g) => g.key === 'jellycat')!;
    expect(jellycat.quotes.map((q) => q.customerId).sort()).toEqual(['bert', 'cor']);
    for (const q of jellycat.quotes) expect(q.text.slice(q.mark![0], q.mark![1]).toLowerCase()).toBe('jellycat');
    const tripod = report(rows).assortment.gaps.find((g) => g.key === 'statief')!;
    expect(new Set(tripod.quotes.slice(0, 2).map((q) => q.customerId))).toEqual(new Set(['anna', 'dirk']));
    // every quoted conversation is listed for the page's links
    const data = report(rows);
    const listed = new Set(data.conversations.map((c) => c.id));
    for (const q of tripod.quotes) expect(listed.has(q.conversationId)).toBe(true);
  });

  it('attributes an item to the nearest assortment request of its conversation', () => {
    const text = 'Hebben jullie Jellycat? En ook een kleinere maat van de tas?';
    const both = conversation(
      'x1',
      'xander',
      text,
      '2026-01-10',
      [ask('assortment_request/brand', 'Hebben jullie', 0.6), ask('assortment_request/variant', 'kleinere maat', 0.95)],
      ['jellycat', 'kleinere maat'],
    );
    const gaps = report([both, rows[6]!]).assortment.gaps;
    expect(gaps.find((g) => g.key === 'jellycat')!.subtype).toBe('brand');
    expect(gaps.find((g) => g.key === 'kleinere maat')!.subtype).toBe('variant');
  });
});

describe('buildReport: overview, trends and obstacles', () => {
  it('counts conversations, distinct customers, channels and the period from the data (no clock)', () => {
    const rows = [
      conversation('1', 'a', 'Mijn pakket is te laat.', '2026-03-02', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      conversation('2', 'a', 'Het is voor de verjaardag van mijn zus.', '2026-03-20', [
        ask('purchase_motive/gift', 'verjaardag van mijn zus'),
      ]),
      conversation('3', undefined, 'Inloggen lukt niet.', '2026-03-09', [ask('obstacle/website', 'Inloggen lukt niet')], [], 'en'),
    ];
    const data = report(rows);
    expect(data.format).toBe(REPORT_FORMAT);
    expect(data.version).toBe(REPORT_VERSION);
    expect(data.overview.conversations).toBe(3);
    expect(data.overview.customers).toBe(2); // "a" and the anonymous conv:3
    expect(data.overview.period).toEqual({ from: '2026-03-02', to: '2026-03-20', days: 19 });
    expect(data.overview.intents.find((i) => i.intent === 'obstacle')).toMatchObject({ conversations: 2, customers: 2 });
    expect(data.overview.languages).toEqual([
      { language: 'nl', conversations: 2 },
      { language: 'en', conversations: 1 },
    ]);
    expect(data.language).toBe('nl');
    expect(data.personas.map).toHaveLength(2);
    expect(data.trends.series.map((s) => s.intent)).toEqual([...INTENTS]);
  });

  it('picks weeks for a short period and months for a long one, with every bucket in between', () => {
    const short = report([
      conversation('1', 'a', 'Mijn pakket is te laat.', '2026-03-02', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      conversation('2', 'b', 'Mijn pakket is te laat.', '2026-03-25', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
    ]);
    expect(short.trends.bucket).toBe('week');
    expect(short.trends.buckets.map((b) => b.key)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
    expect(short.trends.series.find((s) => s.intent === 'obstacle')!.counts).toEqual([1, 0, 0, 1]);

    const long = report([
      conversation('1', 'a', 'Mijn pakket is te laat.', '2025-11-30', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      conversation('2', 'b', 'Mijn pakket is te laat.', '2026-04-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
    ]);
    expect(long.trends.bucket).toBe('month');
    expect(long.trends.buckets.map((b) => b.key)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(long.trends.buckets[0]!.start).toBe('2025-11-01');
  });

  it('ranks obstacles by count and, separately, by their rise from the first to the second half', () => {
    const rows = [];
    // delivery: often, but fading; quality: rare early, common late
    for (let d = 1; d <= 6; d++)
      rows.push(
        conversation(`e${d}`, `c${d}`, 'Mijn pakket is te laat.', `2026-01-0${d}`, [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      );
    rows.push(conversation('l1', 'c7', 'Mijn pakket is te laat.', '2026-03-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')]));
    for (let d = 2; d <= 5; d++)
      rows.push(
        conversation(`q${d}`, `c${d + 10}`, 'De rits is kapot.', `2026-03-0${d}`, [ask('obstacle/product_quality', 'De rits is kapot')]),
      );
    const o = report(rows).obstacles;
    expect(o.ranked.map((f) => f.subtype)).toEqual(['delivery', 'product_quality']);
    expect(o.byTrend).toEqual(['product_quality', 'delivery']);
    const quality = o.ranked[1]!;
    expect(quality.trend!.earlier).toBe(0);
    expect(quality.trend!.recent).toBeCloseTo(4 / 5, 4);
    expect(quality.trend!.change).toBeGreaterThan(0);
    expect(o.ranked[0]!.trend!.change).toBeLessThan(0);
    // two to three quotes, from different customers
    expect(o.ranked[0]!.quotes).toHaveLength(3);
    expect(new Set(o.ranked[0]!.quotes.map((q) => q.customerId)).size).toBe(3);
  });

  it('gives no trend when a half of the period has too few conversations', () => {
    const rows = [
      conversation('1', 'a', 'Mijn pakket is te laat.', '2026-01-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      conversation('2', 'b', 'Mijn pakket is te laat.', '2026-03-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
    ];
    const data = report(rows);
    expect(data.obstacles.ranked[0]!.trend).toBeNull();
    expect(data.obstacles.byTrend).toEqual([]);
    expect(data.trends.split).toBeNull();
  });

  it('is the same for the same input, and refuses a transcript without tags', () => {
    const rows = [
      conversation('1', 'a', 'Mijn pakket is te laat.', '2026-01-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')]),
      conversation('2', 'b', 'Het is een cadeau voor mijn zus.', '2026-01-03', [ask('purchase_motive/gift', 'een cadeau')]),
    ];
    expect(JSON.stringify(report(rows))).toBe(JSON.stringify(report(rows)));
    const transcripts = rows.map((r) => r.transcript);
    const personas = findPersonas(
      profileCustomers(
        transcripts,
        rows.map((r) => r.tags),
      ),
    );
    expect(() => buildReport({ transcripts, tags: [rows[0]!.tags], personas })).toThrow(/no tag result/);
  });

  it('takes the majority language unless one is given', () => {
    expect(majorityLanguage([{ language: 'en' }, { language: 'nl' }, { language: 'nl' }])).toBe('nl');
    expect(majorityLanguage([{ language: 'en' }, { language: 'nl' }])).toBe('en'); // a tie: the first conversation's
    const rows = [conversation('1', 'a', 'Mijn pakket is te laat.', '2026-01-01', [ask('obstacle/delivery', 'Mijn pakket is te laat')])];
    expect(report(rows, { language: 'en' }).language).toBe('en');
  });
});

describe('time buckets', () => {
  it('follows ISO weeks across the turn of the year', () => {
    expect(isoWeekKey(Date.UTC(2020, 11, 28))).toBe('2020-W53');
    expect(isoWeekKey(Date.UTC(2024, 11, 30))).toBe('2025-W01');
    const { buckets, indexOf } = bucketsBetween(Date.UTC(2021, 0, 3), Date.UTC(2021, 0, 4), 'week');
    expect(buckets.map((b) => b.key)).toEqual(['2020-W53', '2021-W01']);
    expect(indexOf(Date.UTC(2021, 0, 10, 23))).toBe(1);
    expect(bucketSizeFor(120)).toBe('week');
    expect(bucketSizeFor(121)).toBe('month');
  });
});

describe('sentenceAround', () => {
  it('returns the sentence with the evidence marked', () => {
    const text = 'Hallo. Mijn pakket is nog steeds niet binnen! Kunnen jullie kijken?';
    const start = text.indexOf('pakket');
    const q = sentenceAround(text, start, start + 'pakket is nog steeds niet binnen'.length);
    expect(q.text).toBe('Mijn pakket is nog steeds niet binnen!');
    expect(q.text.slice(q.mark![0], q.mark![1])).toBe('pakket is nog steeds niet binnen');
  });

  it('shortens a long sentence around the evidence, keeping the mark on it', () => {
    const text = `${'woord '.repeat(80)}de rits is kapot ${'en verder '.repeat(60)}einde.`;
    const start = text.indexOf('de rits');
    const q = sentenceAround(text, start, start + 'de rits is kapot'.length, 120);
    expect(q.text.length).toBeLessThanOrEqual(120);
    expect(q.text.startsWith('…')).toBe(true);
    expect(q.text.endsWith('…')).toBe(true);
    expect(q.text.slice(q.mark![0], q.mark![1])).toBe('de rits is kapot');
  });
});
