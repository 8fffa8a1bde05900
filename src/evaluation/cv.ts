/**
 * K-fold cross-validation of training, folds grouped by customer: every
 * fold's model is trained without any conversation of the customers it is
 * scored on. Reports each metric's mean and spread, and the calibration of
 * the confidences on the held-out folds.
 */
import type { Gold, TagResult, Transcript } from '../contract/schemas.js';
import type { Language } from '../contract/taxonomy.js';
import type { LexiconSpec } from '../tagging/lexicon/compile.js';
import { createTagger } from '../tagging/tagger.js';
import { customerFolds, trainModel } from '../tagging/train.js';
import { calibration, type Calibration } from './calibration.js';
import { evaluate, type EvalResult, type EvalScope } from './metrics.js';

export interface CvExample {
  transcript: Transcript;
  gold: Gold;
}

export interface MeanSpread {
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface CvResult {
  folds: number;
  perFold: EvalResult[];
  /** Headline metrics over folds, for all conversations and per language. */
  summary: Record<string, Record<string, MeanSpread>>;
  calibration: Calibration;
}

const headline = (s: EvalScope): Record<string, number> => ({
  intentMicroF1: s.intent.micro.f1,
  intentMacroF1: s.intent.macro,
  pairMicroF1: s.pair.micro.f1,
  pairMacroF1: s.pair.macro,
  pairMicroPrecision: s.pair.micro.precision,
  pairMicroRecall: s.pair.micro.recall,
  itemRecall: s.items.recall,
  exactMatch: s.exactMatch,
});

export function meanSpread(xs: readonly number[]): MeanSpread {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const variance = xs.length > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, std: Math.sqrt(variance), min: Math.min(...xs), max: Math.max(...xs) };
}

export function crossValidate(
  examples: readonly CvExample[],
  options: { folds?: number; seed?: number; customCues?: Partial<Record<Language, LexiconSpec>>; onProgress?: (m: string) => void } = {},
): CvResult {
  const k = Math.max(2, options.folds ?? 5);
  const fold = customerFolds(examples, k, options.seed ?? 42);
  const perFold: EvalResult[] = [];
  const samples: Array<{ confidence: number; positive: boolean }> = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    if (!test.length || !train.length) continue;
    options.onProgress?.(`cross-validation fold ${f + 1} of ${k}: training on ${train.length}, scoring ${test.length}`);
    const { model } = trainModel(
      train.map((e) => ({ transcript: e.transcript, labels: e.gold.labels.map((l) => `${l.intent}/${l.subtype}`) })),
      { folds: Math.min(5, k), seed: options.seed ?? 42, ...(options.customCues ? { customCues: options.customCues } : {}) },
    );
    const tagger = createTagger({ model });
    const tags: TagResult[] = [];
    for (const e of test) {
      tags.push(tagger.tag(e.transcript));
      const gold = new Set(e.gold.labels.map((l) => `${l.intent}/${l.subtype}`));
      for (const s of tagger.scores(e.transcript)) samples.push({ confidence: s.confidence, positive: gold.has(s.pair) });
    }
    perFold.push(
      evaluate(
        test.map((e) => e.gold),
        tags,
      ),
    );
  }
  const summary: CvResult['summary'] = {};
  const scopes = new Set(['all', ...perFold.flatMap((r) => Object.keys(r.perLanguage))]);
  for (const scope of scopes) {
    const rows = perFold.map((r) => (scope === 'all' ? r : r.perLanguage[scope])).filter((s): s is EvalScope => Boolean(s));
    const metrics = rows.map(headline);
    summary[scope] = Object.fromEntries(Object.keys(metrics[0] ?? {}).map((m) => [m, meanSpread(metrics.map((x) => x[m]!))]));
  }
  return { folds: perFold.length, perFold, summary, calibration: calibration(samples) };
}

export function formatCv(result: CvResult): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  const out: string[] = [`${result.folds}-fold cross-validation, folds grouped by customer (mean ± sd over folds, [min–max])`, ''];
  const scopes = Object.keys(result.summary);
  const metrics = Object.keys(result.summary['all'] ?? {});
  out.push(`| metric % | ${scopes.join(' | ')} |`, `|---|${scopes.map(() => '---:').join('|')}|`);
  for (const m of metrics)
    out.push(
      `| ${m} | ${scopes
        .map((s) => {
          const v = result.summary[s]![m];
          return v ? `${pct(v.mean)} ± ${pct(v.std)} [${pct(v.min)}–${pct(v.max)}]` : '—';
        })
        .join(' | ')} |`,
    );
  out.push(
    '',
    `### Calibration of pair confidences (ECE ${result.calibration.ece.toFixed(3)} over ${result.calibration.samples} conversation × pair scores)`,
    '',
  );
  out.push('| confidence | count | mean confidence | fraction positive |', '|---|---:|---:|---:|');
  for (const b of result.calibration.bins)
    if (b.count)
      out.push(
        `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.count} | ${b.meanConfidence.toFixed(3)} | ${b.fractionPositive.toFixed(3)} |`,
      );
  return out.join('\n');
}
