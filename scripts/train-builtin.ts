/**
 * Trains the built-in model on fixtures/corpus/*.train.* and writes
 * src/tagging/builtin-model.json. Run: npm run train:builtin
 * Prints out-of-fold scores (5 folds grouped by customer) on stderr; the dev
 * split is not read here.
 */
import { writeFileSync } from 'node:fs';
import { GoldSchema, TranscriptSchema, type Gold, type Transcript } from '../src/contract/schemas.js';
import { readRecords, valuesOf } from '../src/io/readers.js';
import { trainModel } from '../src/tagging/train.js';

async function load(lang: string): Promise<Array<{ transcript: Transcript; labels: string[] }>> {
  const gold = new Map<string, Gold>();
  for await (const g of valuesOf(readRecords(`fixtures/corpus/${lang}.train.gold.jsonl`, GoldSchema))) gold.set(g.id, g);
  const out = [];
  for await (const t of valuesOf(readRecords(`fixtures/corpus/${lang}.train.transcripts.jsonl`, TranscriptSchema))) {
    const g = gold.get(t.id);
    if (g) out.push({ transcript: t, labels: g.labels.map((l) => `${l.intent}/${l.subtype}`) });
  }
  return out;
}

const examples = [...(await load('nl')), ...(await load('en'))];
const started = Date.now();
const { model, outOfFold } = trainModel(examples, { folds: 5, seed: 42, onProgress: (m) => process.stderr.write(`${m}\n`) });
writeFileSync('src/tagging/builtin-model.json', `${JSON.stringify(model)}\n`);
let tp = 0;
let fp = 0;
let fn = 0;
const rows: string[] = [];
outOfFold.pairs.forEach((p, j) => {
  let a = 0;
  let b = 0;
  let c = 0;
  outOfFold.confidence.forEach((conf, i) => {
    const pred = conf[j]! >= model.thresholds[p]! || outOfFold.rescued[i]!.includes(j);
    const gold = outOfFold.labels[i]![j] === 1;
    if (pred && gold) a++;
    else if (pred) b++;
    else if (gold) c++;
  });
  tp += a;
  fp += b;
  fn += c;
  rows.push(
    `${p.padEnd(34)} tp ${a} fp ${b} fn ${c} F1 ${((2 * a) / Math.max(1, 2 * a + b + c)).toFixed(2)} thr ${model.thresholds[p]!.toFixed(2)}`,
  );
});
process.stderr.write(
  `${rows.join('\n')}\nout-of-fold pair micro-F1 ${((2 * tp) / (2 * tp + fp + fn)).toFixed(3)} on ${examples.length} examples; ${model.features.length} features; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
