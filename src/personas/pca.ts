/**
 * A 2-D map of the persona space: the first two principal components,
 * found by power iteration on the covariance matrix (d × d, d ≈ 50, so the
 * cost is one pass over the data). Deterministic: a fixed start vector and a
 * sign convention (each axis's largest loading is positive).
 */
export interface Projection {
  mean: number[];
  /** Two unit vectors in the persona space. */
  components: [number[], number[]];
}

const ITERATIONS = 200;

export function fitProjection(points: readonly (readonly number[])[], dims: number): Projection {
  const mean = new Array<number>(dims).fill(0);
  for (const p of points) for (let j = 0; j < dims; j++) mean[j]! += p[j]! / points.length;
  const cov = Array.from({ length: dims }, () => new Float64Array(dims));
  const centred = new Float64Array(dims);
  for (const p of points) {
    for (let j = 0; j < dims; j++) centred[j] = p[j]! - mean[j]!;
    for (let a = 0; a < dims; a++) {
      const x = centred[a]!;
      if (x === 0) continue;
      const row = cov[a]!;
      for (let b = a; b < dims; b++) row[b]! += x * centred[b]!;
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;
  const first = leadingEigenvector(cov, dims);
  deflate(cov, first);
  const second = leadingEigenvector(cov, dims, first);
  return { mean, components: [first, second] };
}

export function project(projection: Projection, point: readonly number[]): { x: number; y: number } {
  const [u, v] = projection.components;
  let x = 0;
  let y = 0;
  for (let j = 0; j < point.length; j++) {
    const c = point[j]! - projection.mean[j]!;
    x += c * u[j]!;
    y += c * v[j]!;
  }
  return { x, y };
}

function leadingEigenvector(cov: Float64Array[], dims: number, orthogonalTo?: number[]): number[] {
  // a fixed, uneven start vector: not orthogonal to any axis in practice
  let v = Array.from({ length: dims }, (_, j) => 1 + (j % 7) / 10);
  orthogonalise(v, orthogonalTo);
  normalise(v);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Array<number>(dims).fill(0);
    for (let a = 0; a < dims; a++) {
      const row = cov[a]!;
      let s = 0;
      for (let b = 0; b < dims; b++) s += row[b]! * v[b]!;
      next[a] = s;
    }
    orthogonalise(next, orthogonalTo);
    if (normalise(next) === 0) break; // no variance left in this direction
    let change = 0;
    for (let j = 0; j < dims; j++) change += Math.abs(next[j]! - v[j]!);
    v = next;
    if (change < 1e-10) break;
  }
  let largest = 0;
  for (let j = 1; j < dims; j++) if (Math.abs(v[j]!) > Math.abs(v[largest]!)) largest = j;
  if (v[largest]! < 0) v = v.map((x) => -x);
  return v.map((x) => (Object.is(x, -0) ? 0 : x));
}

function deflate(cov: Float64Array[], v: readonly number[]): void {
  // remove the found component: C − λ v vᵀ with λ = vᵀ C v
  let lambda = 0;
  for (let a = 0; a < v.length; a++) for (let b = 0; b < v.length; b++) lambda += v[a]! * cov[a]![b]! * v[b]!;
  for (let a = 0; a < v.length; a++) for (let b = 0; b < v.length; b++) cov[a]![b]! -= lambda * v[a]! * v[b]!;
}

function orthogonalise(v: number[], u?: readonly number[]): void {
  if (!u) return;
  let dot = 0;
  for (let j = 0; j < v.length; j++) dot += v[j]! * u[j]!;
  for (let j = 0; j < v.length; j++) v[j]! -= dot * u[j]!;
}

function normalise(v: number[]): number {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let j = 0; j < v.length; j++) v[j]! /= n;
  return n;
}
