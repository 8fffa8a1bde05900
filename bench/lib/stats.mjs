/** Small numeric helpers of the bench: calibration, agreement of clusterings, trends, formatting. */

/**
 * Expected calibration error over equal-width confidence bins, and the
 * reliability table behind it. `points` are { confidence, correct }.
 */
export function calibration(points, bins = 10) {
  const table = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, confidence: 0, accuracy: 0 }));
  for (const p of points) {
    const b = table[Math.min(bins - 1, Math.floor(p.confidence * bins))];
    b.n++;
    b.confidence += p.confidence;
    b.accuracy += p.correct ? 1 : 0;
  }
  let ece = 0;
  for (const b of table) {
    if (!b.n) continue;
    b.confidence /= b.n;
    b.accuracy /= b.n;
    ece += (b.n / points.length) * Math.abs(b.accuracy - b.confidence);
  }
  return { n: points.length, ece: points.length ? ece : null, bins: table.filter((b) => b.n) };
}

/** Least-squares slope and intercept of y over x. */
export function linearFit(xs, ys) {
  const n = xs.length;
  if (n < 2) return { slope: 0, intercept: ys[0] ?? 0 };
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `fn` (which does `units` units of work per call) until at least
 * `minMs` have passed and at least `minRuns` calls; returns units per second
 * of the best call, the usual guard against a noisy neighbour.
 */
export async function throughput(fn, units, { minMs = 1500, minRuns = 3, maxRuns = 20 } = {}) {
  const rates = [];
  const start = performance.now();
  while (rates.length < minRuns || (performance.now() - start < minMs && rates.length < maxRuns)) {
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    rates.push(units / (ms / 1000));
  }
  return { best: Math.max(...rates), median: median(rates), runs: rates.length };
}

export const fmt = {
  f3: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3)),
  f2: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2)),
  f1: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(1)),
  int: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Math.round(x).toLocaleString('en-US')),
  pct: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`),
  x: (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(2)}×`),
};

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** ✅ when a goal is met, ❌ when not, – when it could not be measured. */
export function verdict(ok) {
  return ok === undefined || ok === null ? '–' : ok ? '✅' : '❌';
}
