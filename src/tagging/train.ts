/**
 * Training the statistical half and the combiner from labelled
 * conversations. Folds are grouped by customer, so no customer's words are
 * in both the fitting and the scoring of out-of-fold predictions; the
 * combiner, the per-pair thresholds and the cue weights are all chosen on
 * those out-of-fold predictions, never on a dev split.
 */
import type { Transcript } from '../contract/schemas.js';
import { INTENTS, PAIRS, TAXONOMY_VERSION, type Intent, type Language } from '../contract/taxonomy.js';
import { lexiconScores, type CueHit } from './cues.js';
import type { LexiconSpec } from './lexicon/compile.js';
import { logit, score, trainDense, trainLogistic, trainLogisticMulti, xorshift, type LogisticModel, type SparseDoc } from './logistic.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile } from './model.js';
import { buildLexicons, prepare, type Lexicons } from './prepare.js';
import { combine, combineIntent, lexiconEvidence, modelEvidence } from './scorer.js';

export interface TrainingExample {
  transcript: Transcript;
  /** Pairs as `intent/subtype`, custom subtypes included. */
  labels: string[];
}

export interface TrainOptions {
  folds?: number;
  seed?: number;
  /** Extra cues per language, e.g. for custom subtypes. */
  customCues?: Partial<Record<Language, LexiconSpec>>;
  /** Minimum number of examples a feature must occur in. */
  minDf?: number;
  l2?: number;
  /** 'sgd' (default): mini-batch Adam over all targets at once; 'batch': full-batch, one target at a time (slower). */
  optimizer?: 'sgd' | 'batch';
  iterations?: number;
  epochs?: number;
  batch?: number;
  learningRate?: number;
  /** Weights smaller than this (in absolute value) are dropped from the model, and from the fold models scored out of fold. */
  pruneBelow?: number;
  /** Called with progress messages (stderr in the CLI). */
  onProgress?: (message: string) => void;
}

export interface OutOfFold {
  /** Per example, per pair: combined confidence of the out-of-fold model. */
  confidence: Float64Array[];
  labels: Uint8Array[];
  pairs: string[];
  folds: number[];
  /** Per example: indices of pairs the intent rescue adds. */
  rescued: number[][];
}

const CUE_PRIOR = 2;
/** Marks an intent among the model's targets ("*obstacle"); pair keys never start with it. */
const INTENT_TARGET = '*'; // pseudo-count pulling a cue's learned weight to its written weight

/** Fold of each example: customers are dealt round-robin to folds in a seeded order. */
export function customerFolds(examples: readonly { transcript: Transcript }[], k: number, seed = 42): number[] {
  return foldsOfCustomers(
    examples.map((e) => customerOf(e.transcript)),
    k,
    seed,
  );
}

const customerOf = (t: Transcript): string => t.customerId ?? `conv:${t.id}`;

function foldsOfCustomers(customerOfExample: readonly string[], k: number, seed: number): number[] {
  const customers = [...new Set(customerOfExample)].sort();
  const rand = xorshift(seed);
  for (let i = customers.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [customers[i], customers[j]] = [customers[j]!, customers[i]!];
  }
  const fold = new Map(customers.map((c, i) => [c, i % k]));
  return customerOfExample.map((c) => fold.get(c)!);
}

/** One labelled conversation as training keeps it: feature ids and cue hits, not the text. */
interface CompactExample {
  customer: string;
  language: Language;
  /** Where its distinct feature ids sit in the set's pool: [from, to). */
  from: number;
  to: number;
  hits: Array<Pick<CueHit, 'pair' | 'cue' | 'weight'>>;
  labels: readonly string[];
}

/**
 * Labelled conversations in the compact form training needs. `add` analyses
 * a conversation at once and keeps only its feature ids, cue hits and labels,
 * so a caller streaming a large file never holds the transcripts: memory grows
 * with the vocabulary and a few dozen integers per conversation.
 */
export class TrainingSet {
  readonly customCues: Partial<Record<Language, LexiconSpec>>;
  readonly lexicons: Lexicons;
  readonly examples: CompactExample[] = [];
  /** Feature strings by id; ids are given in order of first appearance. */
  readonly featureNames: string[] = [];
  private readonly featureIds = new Map<string, number>();
  // the feature ids of all examples in one growing buffer: one allocation, not one per conversation
  private pool = new Int32Array(1 << 14);
  private used = 0;

  constructor(options: { customCues?: Partial<Record<Language, LexiconSpec>> } = {}) {
    this.customCues = options.customCues ?? {};
    this.lexicons = buildLexicons(this.customCues);
  }

  get size(): number {
    return this.examples.length;
  }

  /** The distinct feature ids of example i (a view, valid until the next add). */
  featuresOf(i: number): Int32Array {
    const e = this.examples[i]!;
    return this.pool.subarray(e.from, e.to);
  }

  add(transcript: Transcript, labels: readonly string[]): void {
    const p = prepare(transcript, this.lexicons);
    if (this.used + p.features.length > this.pool.length) {
      const grown = new Int32Array(Math.max(2 * this.pool.length, this.used + p.features.length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const from = this.used;
    for (const f of p.features) {
      let id = this.featureIds.get(f);
      if (id === undefined) {
        id = this.featureNames.length;
        this.featureIds.set(f, id);
        this.featureNames.push(f);
      }
      this.pool[this.used++] = id;
    }
    this.examples.push({
      customer: customerOf(transcript),
      language: p.analysed.language,
      from,
      to: this.used,
      hits: p.hits.map((h) => ({ pair: h.pair, cue: h.cue, weight: h.weight })),
      labels: [...labels],
    });
  }
}

interface Fitted {
  /** Feature id of the training set → index among this fit's features, or -1. */
  local: Int32Array;
  features: string[];
  models: LogisticModel[];
  cueWeights: Map<string, number>;
}

function fit(
  set: TrainingSet,
  labels: readonly Uint8Array[],
  pairs: readonly string[],
  which: readonly number[],
  options: TrainOptions,
): Fitted {
  const minDf = options.minDf ?? 2;
  const df = new Int32Array(set.featureNames.length);
  for (const i of which) for (const id of set.featuresOf(i)) df[id]!++;
  const kept: number[] = [];
  df.forEach((n, id) => n >= minDf && kept.push(id));
  // features in name order, so a model does not depend on the order examples came in
  const features = kept.map((id) => set.featureNames[id]!).sort();
  const vocab = new Map(features.map((f, i) => [f, i]));
  const local = new Int32Array(set.featureNames.length).fill(-1);
  for (const id of kept) local[id] = vocab.get(set.featureNames[id]!)!;
  const docs = toDocs(set, which, local);
  const models =
    options.optimizer === 'batch'
      ? pairs.map((_, j) => {
          const y = Uint8Array.from(which, (i) => labels[i]![j]!);
          return trainLogistic(docs, y, features.length, {
            l2: options.l2 ?? 1e-3,
            iterations: options.iterations ?? 300,
            learningRate: 0.05,
          });
        })
      : trainLogisticMulti(
          docs,
          which.map((i) => labels[i]!),
          pairs.length,
          features.length,
          {
            l2: options.l2 ?? 1e-3,
            epochs: options.epochs ?? epochsFor(which.length, options.batch ?? 32),
            batch: options.batch ?? 32,
            learningRate: options.learningRate ?? 0.05,
            seed: options.seed ?? 42,
          },
        );
  // Cue reliability: how often the pair is gold when the cue fires, pulled towards the written weight.
  const fired = new Map<string, { n: number; pos: number; prior: number }>();
  const pairIndex = new Map(pairs.map((p, j) => [p, j]));
  for (const i of which) {
    const seen = new Set<string>();
    for (const h of set.examples[i]!.hits) {
      const key = `${h.pair}\t${h.cue.pattern}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const j = pairIndex.get(h.pair);
      const c = fired.get(key) ?? { n: 0, pos: 0, prior: h.cue.weight };
      c.n++;
      if (j !== undefined && labels[i]![j]) c.pos++;
      fired.set(key, c);
    }
  }
  const cueWeights = new Map<string, number>();
  for (const [key, c] of fired) cueWeights.set(key, (c.pos + CUE_PRIOR * c.prior) / (c.n + CUE_PRIOR));
  return { local, features, models, cueWeights };
}

/**
 * Epochs for about 1,500 optimiser steps: 40 passes over a thousand examples,
 * a handful over ten thousand, so training time grows with the data, not faster.
 */
export function epochsFor(examples: number, batch: number): number {
  return Math.max(5, Math.min(40, Math.ceil((1500 * batch) / Math.max(1, examples))));
}

function prune(model: LogisticModel, below: number): void {
  const w = model.weights;
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]!) < below) w[i] = 0;
}

/** The examples as sorted local feature indices, all views into one buffer. */
function toDocs(set: TrainingSet, which: readonly number[], local: Int32Array): SparseDoc[] {
  let total = 0;
  for (const i of which) for (const id of set.featuresOf(i)) if (local[id]! >= 0) total++;
  const pool = new Int32Array(total);
  let at = 0;
  return which.map((i) => {
    const start = at;
    for (const id of set.featuresOf(i)) {
      const x = local[id]!;
      if (x >= 0) pool[at++] = x;
    }
    return { idx: pool.subarray(start, at).sort() };
  });
}

/** n rows of `width` numbers as views into one buffer: one allocation instead of n. */
function rowsOf<A extends Uint8Array | Float64Array>(make: (length: number) => A, n: number, width: number): A[] {
  const buffer = make(n * width);
  return Array.from({ length: n }, (_, i) => buffer.subarray(i * width, (i + 1) * width) as A);
}

function lexiconScore(hits: CompactExample['hits'], cueWeights: ReadonlyMap<string, number>, pair: string): number {
  const own = hits.filter((h) => h.pair === pair).map((h) => ({ ...h, weight: cueWeights.get(`${h.pair}\t${h.cue.pattern}`) ?? h.weight }));
  return lexiconScores(own as CueHit[]).get(pair as CueHit['pair'])?.score ?? 0;
}

/**
 * Threshold for F1 on out-of-fold confidences: the middle of the cut points
 * whose F1 is within half a point of the best. The single best cut moves from
 * fold to fold on rare pairs; the middle of the plateau moves less (on train,
 * thresholds chosen on some folds and scored on the others: 0.7828 and 0.7759
 * pair F1 against 0.7818 and 0.7735 for the single best, two seeds).
 * 0.5 when a pair has no positives.
 */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, tolerance = 0.005): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  if (!positives) return 0.5;
  const cuts: number[] = [];
  const f1s: number[] = [];
  let tp = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    if (labels[i]) tp++;
    const next = r + 1 < order.length ? scores[order[r + 1]!]! : 0;
    if (next === scores[i]) continue; // ties move together
    cuts.push((scores[i]! + next) / 2); // halfway to the next score: a margin on both sides
    f1s.push((2 * tp) / (r + 1 + positives));
  }
  const best = Math.max(...f1s);
  const nearBest = cuts.filter((_, c) => f1s[c]! >= best - tolerance).sort((a, b) => a - b);
  const middle = nearBest[Math.floor(nearBest.length / 2)]!;
  // a calibrated confidence of one half is already "more likely than not": F1 never needs a stricter threshold than that
  return Math.min(0.5, Math.max(0.1, middle));
}

export function pairsOf(examples: readonly { labels: readonly string[] }[]): string[] {
  const custom = new Set<string>();
  for (const e of examples) for (const l of e.labels) if (!(PAIRS as readonly string[]).includes(l)) custom.add(l);
  for (const c of custom)
    if (!INTENTS.some((i) => c.startsWith(`${i}/`))) throw new Error(`label ${c}: the intent must be one of ${INTENTS.join(', ')}`);
  return [...PAIRS, ...[...custom].sort()];
}

/** Default inner folds: five, or three from 5,000 examples on, where a third of the data already scores every pair well. */
export function foldsFor(examples: number): number {
  return examples >= 5000 ? 3 : 5;
}

/**
 * Trains the statistical half and the combiner. Pass an array, or a
 * TrainingSet filled while streaming a large file (it keeps the lexicons,
 * custom cues included, it was built with).
 */
export function trainModel(
  input: readonly TrainingExample[] | TrainingSet,
  options: TrainOptions = {},
): { model: ModelFile; outOfFold: OutOfFold } {
  if (input instanceof TrainingSet && options.customCues)
    throw new Error('trainModel: give customCues to the TrainingSet, which matches its cues while adding examples');
  const progress = options.onProgress ?? (() => {});
  let set: TrainingSet;
  if (input instanceof TrainingSet) set = input;
  else {
    progress(`preparing ${input.length} examples`);
    set = new TrainingSet(options.customCues ? { customCues: options.customCues } : {});
    for (const e of input) set.add(e.transcript, e.labels);
  }
  const examples = set.examples;
  if (!examples.length) throw new Error('trainModel: no examples');
  const k = Math.max(2, options.folds ?? foldsFor(examples.length));
  // weights under 0.03 change no decision out of fold (pair F1 0.808 with or without them) and are 29% of the entries
  const pruneBelow = options.pruneBelow ?? 0.03;
  const pairs = pairsOf(examples);
  // Targets of the statistical half: every pair, then every intent (any of its subtypes).
  const targets = [...pairs, ...INTENTS.map((i) => `${INTENT_TARGET}${i}`)];
  const labels = rowsOf((n) => new Uint8Array(n), examples.length, targets.length);
  examples.forEach((e, i) =>
    targets.forEach((p, j) => {
      const yes = p.startsWith(INTENT_TARGET) ? e.labels.some((l) => l.startsWith(`${p.slice(1)}/`)) : e.labels.includes(p);
      labels[i]![j] = yes ? 1 : 0;
    }),
  );
  const folds = foldsOfCustomers(
    examples.map((e) => e.customer),
    k,
    options.seed ?? 42,
  );

  // Out-of-fold model probabilities and lexicon scores.
  const oofModel = rowsOf((n) => new Float64Array(n), examples.length, targets.length);
  const oofLex = rowsOf((n) => new Float64Array(n), examples.length, pairs.length);
  for (let f = 0; f < k; f++) {
    progress(`fold ${f + 1} of ${k}`);
    const trainIdx = folds.flatMap((g, i) => (g === f ? [] : [i]));
    const testIdx = folds.flatMap((g, i) => (g === f ? [i] : []));
    if (!testIdx.length) continue;
    const fitted = fit(set, labels, targets, trainIdx, options);
    for (const m of fitted.models) prune(m, pruneBelow);
    const testDocs = toDocs(set, testIdx, fitted.local);
    testIdx.forEach((i, r) => {
      const doc = testDocs[r]!;
      targets.forEach((_, j) => (oofModel[i]![j] = score(fitted.models[j]!, doc)));
      pairs.forEach((p, j) => (oofLex[i]![j] = lexiconScore(examples[i]!.hits, fitted.cueWeights, p)));
    });
  }

  // Combiner and thresholds per pair, on the out-of-fold scores.
  const combiner: ModelFile['combiner'] = {};
  const thresholds: ModelFile['thresholds'] = {};
  const confidence = rowsOf((n) => new Float64Array(n), examples.length, pairs.length);
  const rescued: number[][] = examples.map(() => []);
  pairs.forEach((p, j) => {
    const xs = examples.map((e, i) => [
      modelEvidence(oofModel[i]![j]!, e.to - e.from, oofLex[i]![j]!),
      lexiconEvidence(oofLex[i]![j]!),
      oofLex[i]![j]! > 0 ? 1 : 0,
    ]);
    const ys = labels.map((l) => l[j]!);
    const hasPositives = ys.some((y) => y === 1);
    const beta = hasPositives ? trainDense(xs, ys, { l2: 1e-2 }) : [0, 0, 0, -6];
    combiner[p] = [beta[0]!, beta[1]!, beta[2]!, beta[3]!];
    examples.forEach((e, i) => (confidence[i]![j] = combine(combiner[p]!, oofModel[i]![j]!, oofLex[i]![j]!, e.to - e.from)));
    thresholds[p] = bestThreshold(
      confidence.map((c) => c[j]!),
      ys,
    );
  });

  // Intent rescue: an intent sure enough by its own model and its best pair, with no pair over its threshold,
  // still gets its best pair. Fitted on the same out-of-fold scores.
  const intentCombiner = {} as ModelFile['intentCombiner'];
  const intentThresholds = {} as ModelFile['intentThresholds'];
  INTENTS.forEach((intent, k) => {
    const j = pairs.length + k;
    const own = pairs.flatMap((p, q) => (p.startsWith(`${intent}/`) ? [q] : []));
    const best = (i: number) => Math.max(...own.map((q) => confidence[i]![q]!));
    const xs = examples.map((_, i) => [logit(oofModel[i]![j]!), logit(best(i))]);
    const ys = labels.map((l) => l[j]!);
    const beta = ys.some((y) => y === 1) ? trainDense(xs, ys, { l2: 1e-2 }) : [0, 0, -6];
    intentCombiner[intent] = [beta[0]!, beta[1]!, beta[2]!];
    const conf = examples.map((_, i) => combineIntent(intentCombiner[intent]!, oofModel[i]![j]!, best(i)));
    intentThresholds[intent] = Math.max(0.5, bestThreshold(conf, ys));
    // the rescue adds the best pair where no pair of the intent passed
    examples.forEach((_, i) => {
      if (conf[i]! < intentThresholds[intent]! || own.some((q) => confidence[i]![q]! >= thresholds[pairs[q]!]!)) return;
      const q = own.reduce((a, b) => (confidence[i]![b]! > confidence[i]![a]! ? b : a));
      rescued[i]!.push(q);
    });
  });

  progress('fitting the final model on all examples');
  const all = examples.map((_, i) => i);
  const final = fit(set, labels, targets, all, options);
  const weights: ModelFile['weights'] = {};
  const used = new Set<number>();
  const intentWeights = {} as ModelFile['intentWeights'];
  targets.forEach((p, j) => {
    const m = final.models[j]!;
    const entries: Array<[number, number]> = [];
    m.weights.forEach((w, i) => {
      if (Math.abs(w) >= pruneBelow) {
        entries.push([i, Math.round(w * 1e4) / 1e4]);
        used.add(i);
      }
    });
    const entry = { bias: Math.round(m.bias * 1e4) / 1e4, entries };
    if (p.startsWith(INTENT_TARGET)) intentWeights[p.slice(1) as Intent] = entry;
    else weights[p] = entry;
  });
  // Keep only features some pair uses, and renumber.
  const keep = [...used].sort((a, b) => a - b);
  const renumber = new Map(keep.map((old, i) => [old, i]));
  for (const entry of [...Object.values(weights), ...Object.values(intentWeights)])
    entry.entries = entry.entries.map(([i, w]) => [renumber.get(i)!, w]);
  const perLanguage: Record<string, number> = {};
  for (const e of examples) perLanguage[e.language] = (perLanguage[e.language] ?? 0) + 1;
  const customCues: ModelFile['customCues'] = {};
  for (const [lang, spec] of Object.entries(set.customCues)) customCues[lang as Language] = spec as Record<string, string[]>;
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    taxonomyVersion: TAXONOMY_VERSION,
    createdAt: new Date(0).toISOString(),
    languages: (Object.keys(perLanguage).filter((l) => l === 'nl' || l === 'en') as Language[]).sort(),
    pairs,
    features: keep.map((i) => final.features[i]!),
    weights,
    combiner,
    thresholds,
    intentWeights,
    intentCombiner,
    intentThresholds,
    cueWeights: [...final.cueWeights.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, w]) => {
        const [pair, pattern] = key.split('\t') as [string, string];
        return [pair, pattern, Math.round(w * 1e4) / 1e4] as [string, string, number];
      }),
    customCues,
    training: { examples: examples.length, perLanguage, folds: k, seed: options.seed ?? 42 },
  };
  return { model, outOfFold: { confidence, labels: labels.map((l) => l.slice(0, pairs.length)), pairs, folds, rescued } };
}
