/**
 * The report's charts as inline SVG strings: a line chart, a sparkline and a
 * scatter plot. No chart library, no script: the page draws with the browser
 * alone, prints sharp, and stays one self-contained file. Every text that
 * reaches the markup is escaped; charts carry a <title> and <desc> for screen
 * readers (and the page shows the numbers in tables beside them).
 */
import { escapeHtml } from './escape.js';

export interface LineSeries {
  key: string;
  name: string;
  colour: string;
  values: number[];
}

export interface LineChartSpec {
  id: string;
  title: string;
  desc: string;
  /** One label per x position. */
  xLabels: string[];
  series: LineSeries[];
  width?: number;
  height?: number;
}

const fmt = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Round steps (1, 2, 5 × 10^k) from 0 to at least max, at most `most` of them. */
export function niceTicks(max: number, most = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / most;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = Math.max(step, Math.round(step)); // counts: no fractional ticks
  const ticks: number[] = [];
  for (let t = 0; t < max + whole; t += whole) ticks.push(t);
  return ticks;
}

export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 920;
  const height = spec.height ?? 320;
  const pad = { left: 44, right: 16, top: 14, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = spec.xLabels.length;
  const max = spec.series.reduce((m, s) => s.values.reduce((a, v) => Math.max(a, v), m), 0);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const x = (i: number) => pad.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg id="${spec.id}" class="chart line-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" preserveAspectRatio="xMidYMid meet">`,
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title>`,
    `<desc id="${spec.id}-desc">${escapeHtml(spec.desc)}</desc>`,
  );
  parts.push('<g class="grid" aria-hidden="true">');
  for (const t of ticks) {
    const ty = fmt(y(t));
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${ty}" y2="${ty}"/>`,
      `<text class="tick" x="${pad.left - 8}" y="${ty}" dy="0.32em" text-anchor="end">${t}</text>`,
    );
  }
  // at most 12 x labels, evenly spread
  const every = Math.max(1, Math.ceil(n / 12));
  spec.xLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    parts.push(`<text class="tick" x="${fmt(x(i))}" y="${height - pad.bottom + 18}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  parts.push('</g>');
  const dots = n <= 60;
  for (const s of spec.series) {
    const d = s.values.map((v, i) => `${i ? 'L' : 'M'}${fmt(x(i))} ${fmt(y(v))}`).join(' ');
    parts.push(
      `<g class="series" data-series="${escapeHtml(s.key)}" style="--series:${s.colour}">`,
      `<title>${escapeHtml(s.name)}</title>`,
    );
    if (n > 1)
      parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round"/>`);
    if (dots || n === 1)
      for (let i = 0; i < n; i++)
        parts.push(
          `<circle cx="${fmt(x(i))}" cy="${fmt(y(s.values[i]!))}" r="${n === 1 ? 4 : 2.75}" fill="${s.colour}"><title>${escapeHtml(`${s.name}, ${spec.xLabels[i]!}: ${s.values[i]!}`)}</title></circle>`,
        );
    parts.push('</g>');
  }
  parts.push(
    `<line class="axis" x1="${pad.left}" x2="${width - pad.right}" y1="${fmt(y(0))}" y2="${fmt(y(0))}" aria-hidden="true"/>`,
    '</svg>',
  );
  return parts.join('');
}

/** A small line of counts for a table cell; decorative (the numbers stand beside it). */
export function sparkline(values: readonly number[], colour: string, width = 96, height = 22): string {
  if (values.length < 2) return '';
  const max = values.reduce((a, v) => Math.max(a, v), 1);
  const x = (i: number) => 1 + (i / (values.length - 1)) * (width - 2);
  const y = (v: number) => height - 2 - (v / max) * (height - 4);
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${fmt(x(i))} ${fmt(y(v))}`).join(' ');
  return `<svg class="spark" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false"><path d="${d}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
}

export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond';
export const SHAPES: readonly MarkShape[] = ['circle', 'square', 'triangle', 'diamond'];

export interface ScatterGroup {
  key: string;
  name: string;
  colour: string;
  shape: MarkShape;
  centre?: { x: number; y: number };
}

export interface ScatterPoint {
  x: number;
  y: number;
  group: string;
  label: string;
}

export interface ScatterSpec {
  id: string;
  title: string;
  desc: string;
  points: ScatterPoint[];
  groups: ScatterGroup[];
  width?: number;
  height?: number;
}

/** One shape at (cx, cy) of about radius r; `extra` holds further attributes (already escaped). */
export function shape(kind: MarkShape, cx: number, cy: number, r: number, extra: string): string {
  const [X, Y] = [fmt(cx), fmt(cy)];
  switch (kind) {
    case 'circle':
      return `<circle cx="${X}" cy="${Y}" r="${fmt(r)}" ${extra}`;
    case 'square':
      return `<rect x="${fmt(cx - r * 0.88)}" y="${fmt(cy - r * 0.88)}" width="${fmt(r * 1.76)}" height="${fmt(r * 1.76)}" ${extra}`;
    case 'triangle':
      return `<path d="M${X} ${fmt(cy - r * 1.15)} L${fmt(cx + r * 1.05)} ${fmt(cy + r * 0.75)} L${fmt(cx - r * 1.05)} ${fmt(cy + r * 0.75)} Z" ${extra}`;
    case 'diamond':
      return `<path d="M${X} ${fmt(cy - r * 1.2)} L${fmt(cx + r * 1.2)} ${Y} L${X} ${fmt(cy + r * 1.2)} L${fmt(cx - r * 1.2)} ${Y} Z" ${extra}`;
  }
}

const closeTag = (kind: MarkShape) => (kind === 'circle' ? 'circle' : kind === 'square' ? 'rect' : 'path');

export function scatter(spec: ScatterSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 420;
  const pad = 28;
  const xs = [...spec.points.map((p) => p.x), ...spec.groups.flatMap((g) => (g.centre ? [g.centre.x] : []))];
  const ys = [...spec.points.map((p) => p.y), ...spec.groups.flatMap((g) => (g.centre ? [g.centre.y] : []))];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const x = (v: number) => pad + ((v - x0) / (x1 - x0)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - y0) / (y1 - y0)) * (height - 2 * pad);
  const byKey = new Map(spec.groups.map((g) => [g.key, g]));
  const parts: string[] = [
    `<svg id="${spec.id}" class="chart scatter" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" preserveAspectRatio="xMidYMid meet">`,
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title>`,
    `<desc id="${spec.id}-desc">${escapeHtml(spec.desc)}</desc>`,
    `<rect class="plot" x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" aria-hidden="true"/>`,
  ];
  if (x0 < 0 && x1 > 0)
    parts.push(`<line class="origin" x1="${fmt(x(0))}" x2="${fmt(x(0))}" y1="${pad / 2}" y2="${height - pad / 2}" aria-hidden="true"/>`);
  if (y0 < 0 && y1 > 0)
    parts.push(`<line class="origin" y1="${fmt(y(0))}" y2="${fmt(y(0))}" x1="${pad / 2}" x2="${width - pad / 2}" aria-hidden="true"/>`);
  parts.push('<g class="marks">');
  for (const p of spec.points) {
    const g = byKey.get(p.group);
    const colour = g?.colour ?? '#777';
    const kind = g?.shape ?? 'circle';
    parts.push(
      `${shape(kind, x(p.x), y(p.y), 5, `class="mark" data-group="${escapeHtml(p.group)}" fill="${colour}">`)}<title>${escapeHtml(p.label)}</title></${closeTag(kind)}>`,
    );
  }
  parts.push('</g><g class="centres">');
  for (const g of spec.groups) {
    if (!g.centre) continue;
    const cx = x(g.centre.x);
    const cy = y(g.centre.y);
    parts.push(
      `<g class="centre" data-group="${escapeHtml(g.key)}"><title>${escapeHtml(g.name)}</title>`,
      `${shape(g.shape, cx, cy, 11, `fill="none" stroke="${g.colour}" stroke-width="2.5">`)}</${closeTag(g.shape)}>`,
      `<text x="${fmt(cx)}" y="${fmt(cy - 16)}" text-anchor="middle" class="centre-label">${escapeHtml(g.key)}</text></g>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}

function extent(values: readonly number[]): [number, number] {
  if (!values.length) return [-1, 1];
  // a loop, not Math.min(...values): a spread of many thousand customers overflows the stack
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.06;
  return [lo - margin, hi + margin];
}
