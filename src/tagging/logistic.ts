/**
 * L2-regularised logistic regression on sparse binary features, trained by
 * full-batch gradient descent with Adam. Small, deterministic, no
 * dependencies: the data of a help desk fits in memory many times over.
 */
export interface SparseDoc {
  /** Sorted, distinct feature indices. */
  idx: Int32Array;
}

export interface LogisticModel {
  bias: number;
  weights: Float64Array;
}

export interface LogisticOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Weight of a positive example relative to a negative one. */
  positiveWeight?: number;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
export const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export function score(model: LogisticModel, doc: SparseDoc): number {
  let z = model.bias;
  for (let k = 0; k < doc.idx.length; k++) z += model.weights[doc.idx[k]!]!;
  return sigmoid(z);
}

export function trainLogistic(
  docs: readonly SparseDoc[],
  labels: ArrayLike<number>,
  dims: number,
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 120;
  const lr = options.learningRate ?? 0.1;
  const posW = options.positiveWeight ?? 1;
  const n = docs.length;
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const g = new Float64Array(dims);
  let bias = 0;
  let mb = 0;
  let vb = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  if (positives === 0) return { bias: -8, weights: w };
  const b1 = 0.9;
  const b2 = 0.999;
  const total = n - positives + positives * posW;
  for (let it = 1; it <= iterations; it++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const doc = docs[i]!;
      let z = bias;
      for (let k = 0; k < doc.idx.length; k++) z += w[doc.idx[k]!]!;
      const y = labels[i]!;
      const err = (sigmoid(z) - y) * (y ? posW : 1);
      gb += err;
      for (let k = 0; k < doc.idx.length; k++) g[doc.idx[k]!]! += err;
    }
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let j = 0; j < dims; j++) {
      const grad = g[j]! / total + l2 * w[j]!;
      if (grad === 0 && w[j] === 0) continue;
      m[j] = b1 * m[j]! + (1 - b1) * grad;
      v[j] = b2 * v[j]! + (1 - b2) * grad * grad;
      w[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
    const gradB = gb / total;
    mb = b1 * mb + (1 - b1) * gradB;
    vb = b2 * vb + (1 - b2) * gradB * gradB;
    bias -= (lr * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
  }
  return { bias, weights: w };
}

/** Dense logistic regression for the combiner's handful of inputs. */
export function trainDense(xs: readonly number[][], ys: ArrayLike<number>, options: { l2?: number; iterations?: number } = {}): number[] {
  const d = xs[0]?.length ?? 0;
  const beta = new Array<number>(d + 1).fill(0);
  const l2 = options.l2 ?? 1e-2;
  const iterations = options.iterations ?? 400;
  const n = xs.length;
  if (!n) return beta;
  // Newton steps would be overkill; plain gradient descent with a decaying step converges on 3–4 inputs.
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = beta[d]!;
      for (let j = 0; j < d; j++) z += beta[j]! * x[j]!;
      const err = sigmoid(z) - ys[i]!;
      for (let j = 0; j < d; j++) grad[j]! += err * x[j]!;
      grad[d]! += err;
    }
    const step = 2 / (1 + it / 50);
    for (let j = 0; j <= d; j++) beta[j]! -= step * (grad[j]! / n + (j < d ? l2 * beta[j]! : 0));
  }
  return beta;
}

/**
 * All targets at once with mini-batch Adam and lazy, sparse updates: each
 * step touches only the features of its batch, so an epoch costs about one
 * pass over the data whatever the vocabulary size. Deterministic: examples
 * are visited in a seeded order.
 */
export function trainLogisticMulti(
  docs: readonly SparseDoc[],
  labels: ReadonlyArray<ArrayLike<number>>,
  targets: number,
  dims: number,
  options: { l2?: number; epochs?: number; batch?: number; learningRate?: number; seed?: number } = {},
): LogisticModel[] {
  const l2 = options.l2 ?? 1e-3;
  const epochs = options.epochs ?? 20;
  const batch = Math.max(1, options.batch ?? 32);
  const lr = options.learningRate ?? 0.05;
  const n = docs.length;
  const T = targets;
  const w = new Float64Array(dims * T); // feature-major: the T weights of a feature sit together
  const m = new Float64Array(dims * T);
  const v = new Float64Array(dims * T);
  const g = new Float64Array(dims * T);
  const lastStep = new Int32Array(dims); // step at which a feature's moments were last decayed
  const bias = new Float64Array(T);
  const mb = new Float64Array(T);
  const vb = new Float64Array(T);
  const gb = new Float64Array(T);
  const z = new Float64Array(T);
  const b1 = 0.9;
  const b2 = 0.999;
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = xorshift(options.seed ?? 42);
  const touched = new Int32Array(dims);
  const isTouched = new Uint8Array(dims);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      let nt = 0;
      gb.fill(0);
      for (let r = start; r < end; r++) {
        const i = order[r]!;
        const doc = docs[i]!;
        const y = labels[i]!;
        z.set(bias);
        for (let k = 0; k < doc.idx.length; k++) {
          const base = doc.idx[k]! * T;
          for (let t = 0; t < T; t++) z[t]! += w[base + t]!;
        }
        for (let t = 0; t < T; t++) z[t] = sigmoid(z[t]!) - y[t]!;
        for (let t = 0; t < T; t++) gb[t]! += z[t]!;
        for (let k = 0; k < doc.idx.length; k++) {
          const f = doc.idx[k]!;
          if (!isTouched[f]) {
            isTouched[f] = 1;
            touched[nt++] = f;
          }
          const base = f * T;
          for (let t = 0; t < T; t++) g[base + t]! += z[t]!;
        }
      }
      step++;
      const size = end - start;
      const c1 = 1 - b1 ** step;
      const c2 = 1 - b2 ** step;
      for (let q = 0; q < nt; q++) {
        const f = touched[q]!;
        isTouched[f] = 0;
        // moments of steps that did not touch this feature decay all at once
        const skipped = step - 1 - lastStep[f]!;
        const d1 = skipped > 0 ? b1 ** skipped : 1;
        const d2 = skipped > 0 ? b2 ** skipped : 1;
        lastStep[f] = step;
        const base = f * T;
        for (let t = 0; t < T; t++) {
          const grad = g[base + t]! / size + l2 * w[base + t]!;
          g[base + t] = 0;
          m[base + t] = b1 * d1 * m[base + t]! + (1 - b1) * grad;
          v[base + t] = b2 * d2 * v[base + t]! + (1 - b2) * grad * grad;
          w[base + t]! -= (lr * (m[base + t]! / c1)) / (Math.sqrt(v[base + t]! / c2) + 1e-8);
        }
      }
      for (let t = 0; t < T; t++) {
        const grad = gb[t]! / size;
        mb[t] = b1 * mb[t]! + (1 - b1) * grad;
        vb[t] = b2 * vb[t]! + (1 - b2) * grad * grad;
        bias[t]! -= (lr * (mb[t]! / c1)) / (Math.sqrt(vb[t]! / c2) + 1e-8);
      }
    }
  }
  return Array.from({ length: T }, (_, t) => {
    const weights = new Float64Array(dims);
    for (let f = 0; f < dims; f++) weights[f] = w[f * T + t]!;
    return { bias: bias[t]!, weights };
  });
}

/** A seeded xorshift32 generator in [0, 1): folds and example order are reproducible from the seed. */
export function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}
