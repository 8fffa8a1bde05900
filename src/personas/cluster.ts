/**
 * k-means (ml-kmeans, k-means++ seeding) with seeded restarts, the
 * silhouette on a seeded sample, and the choice of k. Large populations are
 * never clustered or compared pair by pair in full: restarts and the choice
 * of k run on a seeded sample of at most FIT_SAMPLE customers, the
 * silhouette on at most SILHOUETTE_SAMPLE of them, and the winning centres
 * then seed a few k-means iterations over everyone.
 */
import { requireLazily } from '../lazy.js';

let kmeansModule: typeof import('ml-kmeans') | undefined;
/** ml-kmeans, loaded when personas are first clustered. */
const kmeansLazily = () => (kmeansModule ??= requireLazily('ml-kmeans') as typeof import('ml-kmeans')).kmeans;
import { sampleIndices } from './random.js';

export interface Clustering {
  k: number;
  labels: number[];
  centroids: number[][];
  /** Sum of squared distances of the points to their centres. */
  inertia: number;
}

export interface KScore {
  k: number;
  silhouette: number;
  /** Size of the smallest cluster (in the fitted sample). */
  smallest: number;
  /** Customers set aside while fitting because they formed a too-small cluster; they join their nearest persona. */
  outliers: number;
  /** True when the answer was refused: a cluster stayed smaller than the minimum size. */
  degenerate: boolean;
}

export interface ChooseKOptions {
  kRange: [number, number];
  seed: number;
  restarts?: number;
  /** A cluster smaller than this share of the population makes a k degenerate. */
  minShare?: number;
}

export const FIT_SAMPLE = 3_000;
export const SILHOUETTE_SAMPLE = 2_000;
const MAX_ITERATIONS = 100;
/** Iterations over the whole population after the sample fit: the centres hardly move any more. */
const REFINE_ITERATIONS = 5;

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j]! - b[j]!;
    s += d * d;
  }
  return s;
}

export function nearestCentre(point: readonly number[], centroids: readonly (readonly number[])[]): { index: number; distance: number } {
  let index = 0;
  let best = Infinity;
  centroids.forEach((c, i) => {
    const d = squaredDistance(point, c);
    if (d < best) {
      best = d;
      index = i;
    }
  });
  return { index, distance: Math.sqrt(best) };
}

function inertiaOf(data: readonly number[][], labels: readonly number[], centroids: readonly number[][]): number {
  let s = 0;
  data.forEach((p, i) => (s += squaredDistance(p, centroids[labels[i]!]!)));
  return s;
}

/** The best of `restarts` seeded k-means++ runs (lowest inertia); restart r uses seed + r. */
export function runKMeans(data: number[][], k: number, seed: number, restarts = 1): Clustering {
  if (k < 1 || k > data.length) throw new RangeError(`k must be between 1 and the number of points (${data.length}), got ${k}`);
  let best: Clustering | undefined;
  for (let r = 0; r < restarts; r++) {
    const result = kmeansLazily()(data, k, { initialization: 'kmeans++', seed: seed + r, maxIterations: MAX_ITERATIONS, tolerance: 1e-8 });
    const c = settle(data, result.centroids);
    if (!best || c.inertia < best.inertia - 1e-12) best = c;
  }
  return best!;
}

/** k-means on a seeded sample when the population is large, refined over everyone from the sample's centres. */
export function fitKMeans(data: number[][], k: number, seed: number, restarts: number): Clustering {
  if (data.length <= FIT_SAMPLE) return runKMeans(data, k, seed, restarts);
  const sample = sampleIndices(data.length, FIT_SAMPLE, seed).map((i) => data[i]!);
  return refine(data, runKMeans(sample, k, seed, restarts).centroids);
}

/** A few k-means iterations over all points, starting from given centres. */
export function refine(data: number[][], centroids: number[][]): Clustering {
  const result = kmeansLazily()(data, centroids.length, { initialization: centroids, maxIterations: REFINE_ITERATIONS, tolerance: 1e-8 });
  return settle(data, result.centroids);
}

/** Labels that agree with the centres (ml-kmeans assigns before it moves the centres) and the inertia. */
function settle(data: readonly number[][], centroids: number[][]): Clustering {
  const labels = data.map((p) => nearestCentre(p, centroids).index);
  return { k: centroids.length, labels, centroids, inertia: inertiaOf(data, labels, centroids) };
}

/** Euclidean distances between all pairs of a (small) sample, row-major. */
export function pairwiseDistances(points: readonly (readonly number[])[]): Float64Array {
  const n = points.length;
  const d = n ? points[0]!.length : 0;
  // a flat copy keeps the inner loop on one typed array
  const flat = new Float64Array(n * d);
  points.forEach((p, i) => flat.set(p, i * d));
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = i * d;
    for (let j = i + 1; j < n; j++) {
      const b = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const x = flat[a + t]! - flat[b + t]!;
        s += x * x;
      }
      const v = Math.sqrt(s);
      dist[i * n + j] = v;
      dist[j * n + i] = v;
    }
  }
  return dist;
}

/** Mean silhouette of labelled points from their distance matrix; a point alone in its cluster scores 0. */
export function silhouetteFromDistances(dist: Float64Array, labels: readonly number[], k: number): number {
  const n = labels.length;
  if (n < 2) return 0;
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]!++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]!]! += dist[row + j]!;
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}

/** Silhouette of a clustering on a seeded sample of at most SILHOUETTE_SAMPLE points. */
export function sampledSilhouette(data: readonly number[][], labels: readonly number[], k: number, seed: number): number {
  const idx = sampleIndices(data.length, SILHOUETTE_SAMPLE, seed);
  return silhouetteFromDistances(
    pairwiseDistances(idx.map((i) => data[i]!)),
    idx.map((i) => labels[i]!),
    k,
  );
}

/**
 * Picks k in kRange by the silhouette. A k whose answer has a cluster below
 * max(2, minShare · n) customers is not taken as it is: the members of such
 * clusters are set aside as outliers, k-means runs again on the rest, and
 * the outliers join their nearest centre. A k that stays degenerate after
 * that is refused; when every k is, the least degenerate one wins (and is
 * flagged).
 */
export function chooseK(data: number[][], options: ChooseKOptions): { clustering: Clustering; scores: KScore[] } {
  const n = data.length;
  const minShare = options.minShare ?? 0.02;
  const restarts = options.restarts ?? 4;
  const fitIdx = sampleIndices(n, FIT_SAMPLE, options.seed);
  const fit = fitIdx.length === n ? data : fitIdx.map((i) => data[i]!);
  const silIdx = sampleIndices(fit.length, SILHOUETTE_SAMPLE, options.seed + 1);
  const dist = pairwiseDistances(silIdx.map((i) => fit[i]!));
  const minSize = Math.max(2, Math.ceil(minShare * fit.length));
  const lo = Math.max(2, options.kRange[0]);
  const hi = Math.min(options.kRange[1], fit.length - 1);
  if (hi < lo) return { clustering: fitKMeans(data, Math.min(Math.max(1, lo), n), options.seed, restarts), scores: [] };
  const scores: KScore[] = [];
  const fits = new Map<number, Clustering>();
  for (let k = lo; k <= hi; k++) {
    const { clustering: c, outliers } = withoutTinyClusters(fit, k, options.seed, restarts, minSize);
    fits.set(k, c);
    const smallest = Math.min(...sizesOf(c));
    const silhouette = silhouetteFromDistances(
      dist,
      silIdx.map((i) => c.labels[i]!),
      k,
    );
    scores.push({ k, silhouette, smallest, outliers, degenerate: smallest < minSize });
  }
  const pool = scores.some((s) => !s.degenerate)
    ? scores.filter((s) => !s.degenerate)
    : scores.filter((s) => s.smallest === Math.max(...scores.map((x) => x.smallest)));
  // highest silhouette; on a tie (to 1e-9) the smaller k
  const best = pool.reduce((a, b) => (b.silhouette > a.silhouette + 1e-9 ? b : a));
  const chosen = fits.get(best.k)!;
  const clustering = fit === data ? chosen : refine(data, chosen.centroids);
  return { clustering, scores };
}

const OUTLIER_ROUNDS = 3;

/** k-means that sets aside the members of too-small clusters and fits again on the rest (a few rounds at most). */
function withoutTinyClusters(
  data: number[][],
  k: number,
  seed: number,
  restarts: number,
  minSize: number,
): { clustering: Clustering; outliers: number } {
  let clustering = runKMeans(data, k, seed, restarts);
  const outlier = new Uint8Array(data.length);
  for (let round = 0; round < OUTLIER_ROUNDS; round++) {
    const sizes = sizesOf(clustering);
    if (Math.min(...sizes) >= minSize) break;
    clustering.labels.forEach((l, i) => {
      if (sizes[l]! < minSize) outlier[i] = 1;
    });
    const rest = data.filter((_, i) => !outlier[i]);
    if (rest.length <= k) break;
    clustering = settle(data, runKMeans(rest, k, seed, restarts).centroids);
  }
  return { clustering, outliers: outlier.reduce((s, x) => s + x, 0) };
}

function sizesOf(c: Clustering): number[] {
  const sizes = new Array<number>(c.k).fill(0);
  for (const l of c.labels) sizes[l]!++;
  return sizes;
}
