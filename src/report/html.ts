/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts,
 * no script and nothing fetched when it is opened. Every text from the data
 * (customer quotes, item names, persona names, ids) is escaped. Sections have
 * fixed ids (overview, trends, obstacles, assortment, upsells, motives,
 * personas, sources) for links and tests.
 */
import type { Intent } from '../contract/taxonomy.js';
import type { ReportData, ReportPersona, ReportQuote, SubtypeFinding } from './build.js';
import { escapeHtml as esc } from './escape.js';
import { bucketName, capitalise, count, day, lift, percent, points } from './format.js';
import { featureLabel, labelsFor, subtypeLabel, type ReportLabels } from './labels.js';
import { STYLES } from './styles.js';
import { SHAPES, lineChart, scatter, shape, sparkline, type ScatterGroup } from './svg.js';

export const INTENT_COLOURS: Record<Intent, string> = {
  purchase_motive: '#2563eb',
  obstacle: '#dc2626',
  upsell_signal: '#059669',
  assortment_request: '#d97706',
};

/** Persona colours: distinguishable for the common kinds of colour blindness (with a shape per persona as well). */
export const PERSONA_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#6a3d9a',
  '#7f7f00',
  '#4d4d4d',
  '#b15928',
];

export interface HtmlOptions {
  /** Above this many customers the persona map shows an even sample (default 5,000). */
  mapLimit?: number;
}

export const SECTION_IDS = ['overview', 'trends', 'obstacles', 'assortment', 'upsells', 'motives', 'personas', 'sources'] as const;

interface Context {
  data: ReportData;
  L: ReportLabels;
  /** Conversation id → the anchor of its entry under "Quoted conversations", and its language. */
  sources: Map<string, { anchor: string; language: string }>;
}

export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const L = labelsFor(data.language);
  const ctx: Context = {
    data,
    L,
    sources: new Map(data.conversations.map((c, i) => [c.id, { anchor: `conv-${i + 1}`, language: c.language }])),
  };
  const title = data.title ?? L.reportTitle;
  const o = data.overview;
  const subtitle = [
    o.period ? `${day(L, o.period.from)} – ${day(L, o.period.to)}` : L.noPeriod,
    `${count(L, o.conversations)} ${L.conversations.toLowerCase()}`,
    `${count(L, o.customers)} ${L.customers.toLowerCase()}`,
  ].join(' · ');
  const sections: Array<[(typeof SECTION_IDS)[number], string]> = [
    ['overview', overviewSection(ctx)],
    ['trends', trendsSection(ctx)],
    ['obstacles', obstaclesSection(ctx)],
    ['assortment', assortmentSection(ctx)],
    ['upsells', upsellsSection(ctx)],
    ['motives', motivesSection(ctx)],
    ['personas', personasSection(ctx, options.mapLimit ?? 5000)],
    ['sources', sourcesSection(ctx)],
  ];
  const nav = sections.map(([id]) => `<li><a href="#${id}">${esc(L.sections[id])}</a></li>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${data.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(data.generator)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#main">${esc(L.contents)}</a>`,
    '<header class="masthead"><div class="wrap">',
    `<p class="eyebrow">convotag</p><h1>${esc(title)}</h1><p class="subtitle">${esc(subtitle)}</p>`,
    '</div></header>',
    `<nav class="toc" aria-label="${esc(L.contents)}"><div class="wrap"><ul>${nav}</ul></div></nav>`,
    '<main id="main" class="wrap">',
    ...sections.map(([id, body]) => section(ctx, id, body)),
    '</main>',
    `<footer class="wrap page-footer"><p>${esc(L.generatedBy)} ${esc(data.generator)} · ${esc(L.seed)} ${data.personas.seed}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(ctx: Context, id: (typeof SECTION_IDS)[number], body: string): string {
  return `<section id="${id}" class="report-section" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(ctx.L.sections[id])}</h2><p class="intro">${esc(ctx.L.intro[id])}</p>${body}</section>`;
}

function bar(share: number, colour: string): string {
  const width = Math.max(0, Math.min(100, share * 100));
  return `<span class="bar" aria-hidden="true"><span style="width:${width.toFixed(1)}%;background:${colour}"></span></span>`;
}

function quote(ctx: Context, q: ReportQuote): string {
  const [a, b] = q.mark ?? [0, 0];
  const body = q.mark ? `${esc(q.text.slice(0, a))}<mark>${esc(q.text.slice(a, b))}</mark>${esc(q.text.slice(b))}` : esc(q.text);
  const source = ctx.sources.get(q.conversationId);
  const link = source ? `<a href="#${source.anchor}">${esc(q.conversationId)}</a>` : esc(q.conversationId);
  const lang = source ? ` lang="${esc(source.language)}"` : '';
  return `<figure class="quote"><blockquote${lang}><p>${body}</p></blockquote><figcaption>${link} · ${esc(q.customerId)}</figcaption></figure>`;
}

function quotes(ctx: Context, qs: readonly ReportQuote[]): string {
  return qs.length ? `<div class="quotes">${qs.map((q) => quote(ctx, q)).join('')}</div>` : '';
}

function nothing(ctx: Context): string {
  return `<p class="empty">${esc(ctx.L.nothingFound)}</p>`;
}

function overviewSection(ctx: Context): string {
  const { L, data } = ctx;
  const o = data.overview;
  const n = Math.max(1, o.conversations);
  const languages = o.languages.map((l) => `${esc(L.language[l.language])} ${count(L, l.conversations)}`).join(' · ') || L.none;
  const period = o.period
    ? `<dd>${esc(day(L, o.period.from))} – ${esc(day(L, o.period.to))}<span class="sub">${count(L, o.period.days)} ${esc(L.days)}${
        o.undated ? `, ${count(L, o.undated)} ${esc(L.undated)}` : ''
      }</span></dd>`
    : `<dd>${esc(L.noPeriod)}</dd>`;
  const kpis = [
    `<div class="kpi"><dt>${esc(L.conversations)}</dt><dd>${count(L, o.conversations)}</dd></div>`,
    `<div class="kpi"><dt>${esc(L.customers)}</dt><dd>${count(L, o.customers)}</dd></div>`,
    `<div class="kpi"><dt>${esc(L.languages)}</dt><dd class="small">${languages}</dd></div>`,
    `<div class="kpi"><dt>${esc(L.channels)}</dt><dd>${count(L, o.channels.length)}</dd></div>`,
    `<div class="kpi wide"><dt>${esc(L.period)}</dt>${period}</div>`,
  ].join('');
  const intents = o.intents
    .map(
      (i) =>
        `<tr><th scope="row"><span class="dot" style="background:${INTENT_COLOURS[i.intent]}" aria-hidden="true"></span>${esc(L.intents[i.intent])}</th><td class="num">${count(L, i.conversations)}</td><td class="num">${count(L, i.customers)}</td><td class="share">${bar(i.share, INTENT_COLOURS[i.intent])}<span class="pct">${percent(i.share)}</span></td></tr>`,
    )
    .join('');
  const channels = o.channels
    .map(
      (c) =>
        `<tr><th scope="row">${esc(c.channel ?? L.unknown)}</th><td class="num">${count(L, c.conversations)}</td><td class="share">${bar(c.conversations / n, '#64748b')}<span class="pct">${percent(c.conversations / n)}</span></td></tr>`,
    )
    .join('');
  return [
    `<dl class="kpis">${kpis}</dl>`,
    '<div class="grid three-two">',
    `<div class="panel"><h3>${esc(L.shareOfConversations)}</h3><div class="table-wrap"><table class="tight"><thead><tr><th scope="col">${esc(L.intent)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col" class="num">${esc(L.customers)}</th><th scope="col">${esc(L.share)}</th></tr></thead><tbody>${intents}</tbody></table></div></div>`,
    `<div class="panel"><h3>${esc(L.channels)}</h3><div class="table-wrap"><table class="tight"><thead><tr><th scope="col">${esc(L.channels)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col">${esc(L.share)}</th></tr></thead><tbody>${channels}</tbody></table></div></div>`,
    '</div>',
  ].join('');
}

function trendsSection(ctx: Context): string {
  const { L, data } = ctx;
  const t = data.trends;
  if (!t.bucket || !t.buckets.length) return `<p class="empty">${esc(L.noPeriod)}</p>`;
  const size = t.bucket;
  const names = t.buckets.map((b) => bucketName(L, b, size, true));
  const chart = lineChart({
    id: 'trend-chart',
    title: `${L.trendChartTitle} (${size === 'week' ? L.perWeek : L.perMonth})`,
    desc: L.trendChartDesc(size === 'week' ? L.week : L.month, bucketName(L, t.buckets[0]!, size), bucketName(L, t.buckets.at(-1)!, size)),
    xLabels: names,
    series: t.series.map((s) => ({ key: s.intent, name: L.intents[s.intent], colour: INTENT_COLOURS[s.intent], values: s.counts })),
  });
  const legend = t.series
    .map(
      (s) =>
        `<li><span class="swatch line" style="background:${INTENT_COLOURS[s.intent]}" aria-hidden="true"></span>${esc(L.intents[s.intent])}</li>`,
    )
    .join('');
  const head = `<tr><th scope="col">${esc(size === 'week' ? L.weekOf : capitalise(L.month))}</th>${t.series.map((s) => `<th scope="col" class="num">${esc(L.intents[s.intent])}</th>`).join('')}</tr>`;
  const rows = t.buckets
    .map(
      (b, i) =>
        `<tr><th scope="row">${esc(bucketName(L, b, size))}</th>${t.series.map((s) => `<td class="num">${s.counts[i] ?? 0}</td>`).join('')}</tr>`,
    )
    .join('');
  return [
    `<figure class="chart-figure"><figcaption class="chart-caption">${esc(size === 'week' ? L.perWeek : L.perMonth)}</figcaption>${chart}<ul class="legend">${legend}</ul></figure>`,
    `<details class="chart-data"><summary>${esc(L.chartData)}</summary><div class="table-wrap"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div></details>`,
  ].join('');
}

function delta(ctx: Context, change: number): string {
  const { L } = ctx;
  const direction = change > 0.0005 ? 'up' : change < -0.0005 ? 'down' : 'flat';
  const word = direction === 'up' ? L.rising : direction === 'down' ? L.falling : L.steady;
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  return `<span class="delta ${direction}"><span aria-hidden="true">${arrow}</span> ${esc(points(L, change))}<span class="sr"> (${esc(word)})</span></span>`;
}

function obstaclesSection(ctx: Context): string {
  const { L, data } = ctx;
  const ranked = data.obstacles.ranked;
  if (!ranked.length) return nothing(ctx);
  const colour = INTENT_COLOURS.obstacle;
  const rows = ranked
    .map(
      (f, i) =>
        `<tr><td class="num rank">${i + 1}</td><th scope="row">${esc(subtypeLabel(L, 'obstacle', f.subtype))}</th><td class="num">${count(L, f.conversations)}</td><td class="num">${count(L, f.customers)}</td><td class="share">${bar(f.share, colour)}<span class="pct">${percent(f.share)}</span></td><td class="trend">${sparkline(f.series, colour, 64)}${f.trend ? delta(ctx, f.trend.change) : ''}</td></tr>`,
    )
    .join('');
  const bySubtype = new Map(ranked.map((f) => [f.subtype, f]));
  const byTrend = data.obstacles.byTrend.length
    ? `<ol class="trend-list">${data.obstacles.byTrend
        .map((s) => `<li><span>${esc(subtypeLabel(L, 'obstacle', s))}</span>${delta(ctx, bySubtype.get(s)!.trend!.change)}</li>`)
        .join('')}</ol><p class="note">${esc(L.trendNote)}</p>`
    : `<p class="empty">${esc(L.noTrend)}</p>`;
  const cards = ranked
    .map(
      (f) =>
        `<article class="card finding" style="--accent:${colour}"><h3>${esc(subtypeLabel(L, 'obstacle', f.subtype))}</h3><p class="meta">${count(L, f.conversations)} ${esc(L.conversations.toLowerCase())} · ${count(L, f.customers)} ${esc(L.customers.toLowerCase())}</p>${quotes(ctx, f.quotes)}</article>`,
    )
    .join('');
  return [
    '<div class="grid wide-narrow">',
    `<div class="panel"><h3>${esc(L.byCount)}</h3><div class="table-wrap"><table class="compact tight"><thead><tr><th scope="col" class="num">${esc(L.rank)}</th><th scope="col">${esc(L.subtype)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col" class="num">${esc(L.customers)}</th><th scope="col">${esc(L.share)}</th><th scope="col">${esc(L.trend)}</th></tr></thead><tbody>${rows}</tbody></table></div></div>`,
    `<div class="panel"><h3>${esc(L.byTrend)}</h3>${byTrend}</div>`,
    '</div>',
    `<h3 class="sub-h">${esc(L.evidence)}</h3><div class="cards">${cards}</div>`,
  ].join('');
}

function assortmentSection(ctx: Context): string {
  const { L, data } = ctx;
  const a = data.assortment;
  if (!a.gaps.length) return nothing(ctx);
  const rows = a.gaps
    .map((g, i) => {
      const spellings =
        g.spellings.length > 1 ? `<span class="spellings">${esc(L.spellings)}: ${g.spellings.map((s) => esc(s)).join(', ')}</span>` : '';
      const kinds = Object.entries(g.subtypes)
        .map(([s, n]) => `${esc(subtypeLabel(L, 'assortment_request', s))}${Object.keys(g.subtypes).length > 1 ? ` (${n})` : ''}`)
        .join(', ');
      return `<tr><td class="num rank">${i + 1}</td><th scope="row"><span class="item">${esc(g.item)}</span>${spellings}</th><td class="num">${count(L, g.customers)}</td><td class="num">${count(L, g.conversations)}</td><td><span class="tag">${kinds}</span></td><td class="quote-cell">${quotes(ctx, g.quotes.slice(0, 2))}</td></tr>`;
    })
    .join('');
  const more = a.items > a.gaps.length ? `<p class="note">${esc(L.more(a.items - a.gaps.length))}</p>` : '';
  return `<div class="table-wrap"><table class="findings"><thead><tr><th scope="col" class="num">${esc(L.rank)}</th><th scope="col">${esc(L.item)}</th><th scope="col" class="num">${esc(L.askedBy)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col">${esc(L.kind)}</th><th scope="col">${esc(L.evidence)}</th></tr></thead><tbody>${rows}</tbody></table></div>${more}`;
}

function findingRows(ctx: Context, intent: Intent, findings: readonly SubtypeFinding[], extra?: (f: SubtypeFinding) => string): string {
  const { L } = ctx;
  return findings
    .map(
      (f) =>
        `<tr><th scope="row">${esc(subtypeLabel(L, intent, f.subtype))}</th><td class="num">${count(L, f.conversations)}</td><td class="num">${count(L, f.customers)}</td><td class="share">${bar(f.share, INTENT_COLOURS[intent])}<span class="pct">${percent(f.share)}</span></td>${extra ? `<td>${extra(f)}</td>` : ''}<td class="quote-cell">${quotes(ctx, f.quotes.slice(0, 2))}</td></tr>`,
    )
    .join('');
}

function upsellsSection(ctx: Context): string {
  const { L, data } = ctx;
  if (!data.upsells.length) return nothing(ctx);
  const products = new Map(data.upsells.map((u) => [u.subtype, u.products]));
  const rows = findingRows(ctx, 'upsell_signal', data.upsells, (f) => {
    const ps = products.get(f.subtype) ?? [];
    return ps.length
      ? `<ul class="chips">${ps.map((p) => `<li>${esc(p.name)}${p.conversations > 1 ? ` <span class="n">${count(L, p.conversations)}</span>` : ''}</li>`).join('')}</ul>`
      : `<span class="muted">${esc(L.noProducts)}</span>`;
  });
  return `<div class="table-wrap"><table class="findings"><thead><tr><th scope="col">${esc(L.subtype)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col" class="num">${esc(L.customers)}</th><th scope="col">${esc(L.share)}</th><th scope="col">${esc(L.products)}</th><th scope="col">${esc(L.evidence)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function motivesSection(ctx: Context): string {
  const { L, data } = ctx;
  if (!data.motives.length) return nothing(ctx);
  const rows = findingRows(ctx, 'purchase_motive', data.motives);
  return `<div class="table-wrap"><table class="findings"><thead><tr><th scope="col">${esc(L.subtype)}</th><th scope="col" class="num">${esc(L.conversations)}</th><th scope="col" class="num">${esc(L.customers)}</th><th scope="col">${esc(L.share)}</th><th scope="col">${esc(L.evidence)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function personaGroups(personas: readonly ReportPersona[]): ScatterGroup[] {
  return personas.map((p, i) => ({
    key: p.id,
    name: p.name,
    colour: PERSONA_COLOURS[i % PERSONA_COLOURS.length]!,
    shape: SHAPES[i % SHAPES.length]!,
    centre: p.centre,
  }));
}

function swatch(g: ScatterGroup): string {
  const close = g.shape === 'circle' ? 'circle' : g.shape === 'square' ? 'rect' : 'path';
  return `<svg class="swatch-shape" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">${shape(g.shape, 7, 7, 5, `fill="${g.colour}">`)}</${close}></svg>`;
}

function personasSection(ctx: Context, mapLimit: number): string {
  const { L, data } = ctx;
  const p = data.personas;
  if (!p.list.length) return nothing(ctx);
  const groups = personaGroups(p.list);
  const names = new Map(p.list.map((x) => [x.id, x.name]));
  // an even, deterministic sample when there are very many customers
  const step = p.map.length > mapLimit ? p.map.length / mapLimit : 1;
  const shown = step === 1 ? p.map : Array.from({ length: mapLimit }, (_, i) => p.map[Math.floor(i * step)]!);
  const map = scatter({
    id: 'persona-map',
    title: L.mapTitle,
    desc: L.mapDesc(p.map.length, p.list.length),
    points: shown.map((m) => ({ x: m.x, y: m.y, group: m.persona, label: `${m.customerId} · ${names.get(m.persona) ?? m.persona}` })),
    groups,
  });
  const legend = groups
    .map(
      (g, i) =>
        `<li>${swatch(g)}<span><strong>${esc(g.key)}</strong> ${esc(g.name)} <span class="n">${count(L, p.list[i]!.size)}</span></span></li>`,
    )
    .join('');
  const sample = shown.length < p.map.length ? ` ${L.mapSample(shown.length, p.map.length)}` : '';
  const cards = p.list.map((persona, i) => personaCard(ctx, persona, groups[i]!)).join('');
  const method = L.method[p.method];
  return [
    '<div class="map-layout">',
    `<figure class="chart-figure map">${map}<figcaption class="note">${esc(L.mapAxes + sample)}</figcaption></figure>`,
    `<div class="map-side"><h3>${esc(L.persona)}</h3><ul class="legend vertical">${legend}</ul><p class="note">${esc(L.personaSelection(p.k, method, p.silhouette.toFixed(2)))}${p.note ? ` ${esc(p.note)}` : ''}</p></div>`,
    '</div>',
    `<div class="cards personas">${cards}</div>`,
  ].join('');
}

function personaCard(ctx: Context, p: ReportPersona, g: ScatterGroup): string {
  const { L } = ctx;
  const positive = p.traits.filter((t) => t.lift >= 1);
  const negative = p.traits.filter((t) => t.lift < 1);
  const maxLift = Math.max(2, ...positive.map((t) => Math.min(t.lift, 10)));
  const traits = positive
    .map(
      (t) =>
        `<li><span class="trait">${esc(featureLabel(L, t.feature))}</span><span class="lift">${esc(lift(L, t.lift))}</span>${bar(Math.min(t.lift, 10) / maxLift, g.colour)}</li>`,
    )
    .join('');
  const low = negative.length
    ? `<p class="low"><span>${esc(L.lessThanAverage)}:</span> ${negative.map((t) => `${esc(featureLabel(L, t.feature))} (${esc(lift(L, t.lift))})`).join(', ')}</p>`
    : '';
  const mix = (title: string, intent: Intent, xs: ReportPersona['motives']) =>
    xs.length
      ? `<div class="mix"><h4>${esc(title)}</h4><ul class="chips">${xs.map((x) => `<li>${esc(subtypeLabel(L, intent, x.subtype))} <span class="n">${percent(x.share)}</span></li>`).join('')}</ul></div>`
      : '';
  const asks = p.assortment.length
    ? `<div class="mix"><h4>${esc(L.asksFor)}</h4><ul class="chips">${p.assortment.map((a) => `<li>${esc(a.item)}</li>`).join('')}</ul></div>`
    : '';
  return [
    `<article class="card persona" style="--accent:${g.colour}" aria-labelledby="persona-${esc(p.id)}" data-persona="${esc(p.id)}">`,
    `<header>${swatch(g)}<h3 id="persona-${esc(p.id)}">${esc(p.name)}</h3><p class="meta">${esc(p.id)} · ${count(L, p.size)} ${esc(L.customers.toLowerCase())} · ${percent(p.share)}</p></header>`,
    `<p class="description">${esc(p.description)}</p>`,
    traits ? `<h4>${esc(L.traits)} <span class="muted">(${esc(L.lift)})</span></h4><ul class="traits">${traits}</ul>` : '',
    low,
    `<div class="mixes">${mix(L.motives, 'purchase_motive', p.motives)}${mix(L.obstacles, 'obstacle', p.obstacles)}${mix(L.upsells, 'upsell_signal', p.upsells)}${asks}</div>`,
    p.quote ? `<h4>${esc(L.representativeQuote)}</h4>${quote(ctx, p.quote)}` : '',
    '</article>',
  ].join('');
}

function sourcesSection(ctx: Context): string {
  const { L, data } = ctx;
  if (!data.conversations.length) return nothing(ctx);
  const items = data.conversations
    .map((c) => {
      const anchor = ctx.sources.get(c.id)!.anchor;
      const meta = [c.customerId, c.channel ?? L.unknown, c.createdAt ? day(L, c.createdAt) : L.noPeriod].map(esc).join(' · ');
      const turns = c.turns
        .map((t) => `<li class="turn ${t.role}"><span class="role">${esc(L.roles[t.role])}</span><p>${esc(t.text)}</p></li>`)
        .join('');
      // the anchor sits inside the <details>, so following a quote's link opens it (the browser reveals a fragment's closed ancestors)
      return `<details class="source" lang="${esc(c.language)}"><summary><span class="source-id">${esc(c.id)}</span><span class="meta">${meta}</span></summary><ol class="turns" id="${anchor}">${turns}</ol></details>`;
    })
    .join('');
  return `<div class="sources">${items}</div>`;
}
