import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/contract/schemas.js';
import { createTagger } from '../src/tagging/tagger.js';
import { TrainingSet, customerFolds, foldsFor, trainModel, type TrainingExample } from '../src/tagging/train.js';
import { parseModel, loadModelFile } from '../src/tagging/model.js';
import { parseCustomLexicon } from '../src/tagging/custom.js';
import { convotag } from './helpers.js';

// A shop's own subtype, obstacle/customs_fees, in both languages, with other conversations around it.
const customs = [
  'Ik moest 23 euro invoerrechten betalen aan de bezorger, dat stond nergens vermeld!',
  'Waarom moet ik douanekosten betalen? Ik dacht dat jullie in de EU zitten',
  'De koerier vroeg 18 euro inklaringskosten voor ik mijn pakket kreeg',
  'Er kwam een brief van de douane: 12 euro invoerrechten voor een paar sokken',
  'I was charged import duty by the courier, nobody mentioned customs fees',
  'Had to pay £15 in customs charges before they would hand over the parcel',
  'Why is there a customs charge on my order? It was not shown at checkout',
  'Got a card from the courier asking for import fees on my jacket',
];
const other = [
  'Kan ik mijn e-mailadres wijzigen?',
  'Hoe laat zijn jullie zaterdag open?',
  'Mijn pakket is nog steeds niet bezorgd',
  'Bedankt voor de snelle hulp!',
  'Can I change my delivery address?',
  'Where is my parcel? It has been a week',
  'Thanks, all sorted now',
  'Do you have this in size M?',
];
const examples: TrainingExample[] = [];
for (let r = 0; r < 3; r++) {
  customs.forEach((text, i) =>
    examples.push({
      transcript: { id: `c${r}-${i}`, customerId: `k${r}-${i}`, turns: [{ role: 'customer', text: `${text} ${'!'.repeat(r)}` }] },
      labels: ['obstacle/customs_fees'],
    }),
  );
  other.forEach((text, i) =>
    examples.push({
      transcript: { id: `o${r}-${i}`, customerId: `q${r}-${i}`, turns: [{ role: 'customer', text: `${text} ${'?'.repeat(r)}` }] },
      labels: /pakket|parcel/.test(text) ? ['obstacle/delivery'] : [],
    }),
  );
}
const customCues = parseCustomLexicon({
  cues: {
    nl: { 'obstacle/customs_fees': ['invoerrecht*', 'douane*', 'inklaring*'] },
    en: { 'obstacle/customs_fees': ['customs', 'import dut*', 'import fee*'] },
  },
});
const { model } = trainModel(examples, { folds: 3, seed: 7, customCues });
const held: Transcript[] = [
  { id: 'h1', turns: [{ role: 'customer', text: 'De bezorger wilde 30 euro douanekosten van me voor een trui' }] },
  { id: 'h2', turns: [{ role: 'customer', text: 'I got a letter demanding import duty for the boots I ordered' }] },
];

describe('training a model with a custom subtype', () => {
  it('learns the custom pair and tags held-out examples of it', () => {
    expect(model.pairs).toContain('obstacle/customs_fees');
    const tagger = createTagger({ model });
    for (const t of held)
      expect(
        tagger.tag(t).intents.map((i) => `${i.intent}/${i.subtype}`),
        t.turns[0]!.text,
      ).toContain('obstacle/customs_fees');
    expect(tagger.tag({ id: 'n', turns: [{ role: 'customer', text: 'Kan ik mijn e-mailadres wijzigen?' }] }).intents).toEqual([]);
  });

  it('gives the same tags after save and load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convotag-model-'));
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify(model));
    const before = createTagger({ model });
    const after = createTagger({ model: path });
    for (const t of held) expect(after.tag(t)).toEqual(before.tag(t));
  });

  it('is deterministic for the same data and seed', () => {
    expect(trainModel(examples, { folds: 3, seed: 7, customCues }).model).toEqual(model);
  });

  it('trains the same model from a streamed TrainingSet as from an array', () => {
    const set = new TrainingSet({ customCues });
    for (const e of examples) set.add(e.transcript, e.labels);
    expect(set.size).toBe(examples.length);
    expect(trainModel(set, { folds: 3, seed: 7 }).model).toEqual(model);
    expect(() => trainModel(set, { folds: 3, customCues })).toThrow(/TrainingSet/);
  });

  it('uses five inner folds for a small set and three for a large one', () => {
    expect(model.training.folds).toBe(3);
    expect(trainModel(examples.slice(0, 20), { seed: 7, customCues }).model.training.folds).toBe(foldsFor(20));
    expect([foldsFor(1000), foldsFor(20_000)]).toEqual([5, 3]);
  });

  it('never splits a customer across folds', () => {
    const many = [...examples, ...examples.map((e) => ({ ...e, transcript: { ...e.transcript, id: `${e.transcript.id}-b` } }))];
    const folds = customerFolds(many, 5, 3);
    const byCustomer = new Map<string, Set<number>>();
    many.forEach((e, i) =>
      byCustomer.set(e.transcript.customerId!, (byCustomer.get(e.transcript.customerId!) ?? new Set()).add(folds[i]!)),
    );
    expect([...byCustomer.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(folds).size).toBe(5);
  });
});

describe('loading a model validates it', () => {
  const good = JSON.parse(JSON.stringify(model));
  const cases: Array<[string, (m: any) => unknown, RegExp]> = [
    ['another format version', (m) => ({ ...m, version: 99 }), /format version 99 is not supported/],
    ['not a convotag model', () => ({ hello: 'world' }), /not a convotag model/],
    ['another taxonomy version', (m) => ({ ...m, taxonomyVersion: 2 }), /taxonomy v2/],
    [
      'a taxonomy pair missing',
      (m) => ({ ...m, pairs: m.pairs.filter((p: string) => p !== 'obstacle/delivery') }),
      /obstacle\/delivery is missing/,
    ],
    [
      'a hand-edited weight',
      (m) => ({ ...m, weights: { ...m.weights, 'obstacle/delivery': { bias: 'high', entries: [] } } }),
      /weights\.obstacle\/delivery\.bias/,
    ],
    ['a feature index out of range', (m) => ({ ...m, features: [] }), /feature index \d+ is outside/],
    ['a threshold out of range', (m) => ({ ...m, thresholds: { ...m.thresholds, 'obstacle/payment': 7 } }), /thresholds/],
    ['a pair without weights', (m) => ({ ...m, pairs: [...m.pairs, 'obstacle/new_one'] }), /obstacle\/new_one has no weights/],
  ];
  it.each(cases)('rejects %s with a clear error', (_, edit, message) => {
    expect(() => parseModel(edit(good), 'model.json')).toThrow(message);
  });

  it('rejects a truncated file and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convotag-model-'));
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(good).slice(0, 500));
    expect(() => loadModelFile(path)).toThrow(/broken\.json: model is not valid JSON/);
    expect(() => createTagger({ model: join(dir, 'missing.json') })).toThrow(/missing\.json: cannot read model/);
  });

  it('rejects a custom lexicon with a bad cue', () => {
    expect(() => parseCustomLexicon({ cues: { nl: { 'obstacle/x': ['..'] } } }, 'extra.json')).toThrow(
      /extra\.json: cues\.nl\.obstacle\/x/,
    );
    expect(() => parseCustomLexicon({ cues: { nl: { 'klant/x': ['a'] } } }, 'extra.json')).toThrow(/extra\.json: cues\.nl\.klant\/x/);
  });
});

describe('convotag train and eval --cv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convotag-train-'));
  const t = join(dir, 't.jsonl');
  const g = join(dir, 'g.jsonl');
  writeFileSync(t, examples.map((e) => JSON.stringify(e.transcript)).join('\n'));
  writeFileSync(
    g,
    examples
      .map((e) =>
        JSON.stringify({
          id: e.transcript.id,
          labels: e.labels.map((l) => ({ intent: l.split('/')[0], subtype: l.split('/')[1] })),
          items: [],
        }),
      )
      .join('\n'),
  );
  const lex = join(dir, 'lex.json');
  writeFileSync(
    lex,
    JSON.stringify({
      cues: { nl: { 'obstacle/customs_fees': ['invoerrecht*', 'douane*'] }, en: { 'obstacle/customs_fees': ['customs', 'import dut*'] } },
    }),
  );

  it('trains from files, and tag --model uses the result', () => {
    const out = join(dir, 'model.json');
    const r = convotag(['train', '--base', 'none', '--gold', g, t, '--out', out, '--lexicon', lex, '--folds', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/custom: obstacle\/customs_fees/);
    expect(JSON.parse(readFileSync(out, 'utf8')).training.ownExamples).toBe(examples.length);
    const tagged = convotag(['tag', '--model', out, '-'], held.map((h) => JSON.stringify(h)).join('\n'));
    const lines = tagged.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.every((l) => l.intents.some((i: { subtype: string }) => i.subtype === 'customs_fees'))).toBe(true);
  });

  it('cross-validates with folds grouped by customer and reports calibration', () => {
    const r = convotag(['eval', '--json', '--cv', '3', '--gold', g, t, '--lexicon', lex]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.folds).toBe(3);
    expect(result.summary.all.pairMicroF1.mean).toBeGreaterThan(0.5);
    expect(result.calibration.ece).toBeGreaterThanOrEqual(0);
    expect(result.calibration.bins).toHaveLength(10);
    expect(convotag(['eval', '--cv', '1', '--gold', g, t]).code).toBe(2);
  });
});
