/**
 * The report as Markdown: the same sections as the HTML page, as tables (for
 * CI artefacts and pull-request comments). The charts become their numbers;
 * the persona map becomes the persona centres. Customer text is escaped so a
 * quote cannot break a table or inject markup.
 */
import type { Intent } from '../contract/taxonomy.js';
import type { ReportData, ReportQuote, SubtypeFinding } from './build.js';
import { escapeMarkdown as md } from './escape.js';
import { bucketName, capitalise, count, day, lift, percent, points } from './format.js';
import { featureLabel, labelsFor, subtypeLabel, type ReportLabels } from './labels.js';

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string {
  const align = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function quoteText(q: ReportQuote): string {
  const [a, b] = q.mark ?? [0, 0];
  const text = q.mark ? `${md(q.text.slice(0, a))}**${md(q.text.slice(a, b))}**${md(q.text.slice(b))}` : md(q.text);
  return `“${text}” (${md(q.conversationId)})`;
}

function quoteCell(qs: readonly ReportQuote[], n = 2): string {
  return qs.slice(0, n).map(quoteText).join('<br>');
}

export function renderMarkdown(data: ReportData): string {
  const L = labelsFor(data.language);
  const o = data.overview;
  const out: string[] = [];
  out.push(`# ${md(data.title ?? L.reportTitle)}`, '');
  out.push(
    `${o.period ? `${day(L, o.period.from)} – ${day(L, o.period.to)}` : L.noPeriod} · ${count(L, o.conversations)} ${L.conversations.toLowerCase()} · ${count(L, o.customers)} ${L.customers.toLowerCase()}`,
    '',
  );

  out.push(`## ${L.sections.overview}`, '');
  const period = o.period
    ? `${day(L, o.period.from)} – ${day(L, o.period.to)} (${count(L, o.period.days)} ${L.days}${o.undated ? `, ${count(L, o.undated)} ${L.undated}` : ''})`
    : L.noPeriod;
  out.push(
    `- **${L.conversations}:** ${count(L, o.conversations)}`,
    `- **${L.customers}:** ${count(L, o.customers)}`,
    `- **${L.languages}:** ${o.languages.map((l) => `${L.language[l.language]} ${count(L, l.conversations)}`).join(', ') || L.none}`,
    `- **${L.channels}:** ${o.channels.map((c) => `${md(c.channel ?? L.unknown)} ${count(L, c.conversations)}`).join(', ') || L.none}`,
    `- **${L.period}:** ${period}`,
    '',
  );
  out.push(
    table(
      [L.intent, L.conversations, L.customers, L.share],
      o.intents.map((i) => [L.intents[i.intent], count(L, i.conversations), count(L, i.customers), percent(i.share)]),
      [1, 2, 3],
    ),
    '',
  );

  out.push(`## ${L.sections.trends}`, '');
  const t = data.trends;
  if (t.bucket && t.buckets.length) {
    const size = t.bucket;
    out.push(
      `${size === 'week' ? L.perWeek : L.perMonth}.`,
      '',
      table(
        [size === 'week' ? L.weekOf : capitalise(L.month), ...t.series.map((s) => L.intents[s.intent])],
        t.buckets.map((b, i) => [bucketName(L, b, size), ...t.series.map((s) => String(s.counts[i] ?? 0))]),
        t.series.map((_, i) => i + 1),
      ),
      '',
    );
  } else out.push(L.noPeriod, '');

  out.push(`## ${L.sections.obstacles}`, '');
  const obstacles = data.obstacles.ranked;
  if (obstacles.length) {
    const bySubtype = new Map(obstacles.map((f) => [f.subtype, f]));
    const trendRank = new Map(data.obstacles.byTrend.map((s, i) => [s, i + 1]));
    out.push(
      `### ${L.byCount}`,
      '',
      table(
        [L.rank, L.subtype, L.conversations, L.customers, L.share, L.trend, L.byTrend, L.evidence],
        obstacles.map((f, i) => [
          String(i + 1),
          subtypeLabel(L, 'obstacle', f.subtype),
          count(L, f.conversations),
          count(L, f.customers),
          percent(f.share),
          f.trend ? points(L, f.trend.change) : L.none,
          trendRank.has(f.subtype) ? String(trendRank.get(f.subtype)) : L.none,
          quoteCell(f.quotes, 3),
        ]),
        [0, 2, 3, 4, 5, 6],
      ),
      '',
    );
    if (data.obstacles.byTrend.length)
      out.push(
        `### ${L.byTrend}`,
        '',
        table(
          [L.rank, L.subtype, L.trend],
          data.obstacles.byTrend.map((s, i) => [String(i + 1), subtypeLabel(L, 'obstacle', s), points(L, bySubtype.get(s)!.trend!.change)]),
          [0, 2],
        ),
        '',
        L.trendNote,
        '',
      );
    else out.push(L.noTrend, '');
  } else out.push(L.nothingFound, '');

  out.push(`## ${L.sections.assortment}`, '');
  const a = data.assortment;
  if (a.gaps.length) {
    out.push(
      table(
        [L.rank, L.item, L.askedBy, L.conversations, L.kind, L.spellings, L.evidence],
        a.gaps.map((g, i) => [
          String(i + 1),
          md(g.item),
          count(L, g.customers),
          count(L, g.conversations),
          Object.keys(g.subtypes)
            .map((s) => subtypeLabel(L, 'assortment_request', s))
            .join(', '),
          g.spellings.map(md).join(', '),
          quoteCell(g.quotes),
        ]),
        [0, 2, 3],
      ),
      '',
    );
    if (a.items > a.gaps.length) out.push(`${L.more(a.items - a.gaps.length)}.`, '');
  } else out.push(L.nothingFound, '');

  out.push(`## ${L.sections.upsells}`, '');
  if (data.upsells.length) {
    const products = new Map(data.upsells.map((u) => [u.subtype, u.products]));
    out.push(
      findingTable(L, 'upsell_signal', data.upsells, {
        head: L.products,
        cell: (f) =>
          (products.get(f.subtype) ?? []).map((p) => `${md(p.name)}${p.conversations > 1 ? ` (${p.conversations})` : ''}`).join(', ') ||
          L.none,
      }),
      '',
    );
  } else out.push(L.nothingFound, '');

  out.push(`## ${L.sections.motives}`, '');
  out.push(data.motives.length ? findingTable(L, 'purchase_motive', data.motives) : L.nothingFound, '');

  out.push(`## ${L.sections.personas}`, '');
  const p = data.personas;
  if (p.list.length) {
    out.push(`${L.personaSelection(p.k, L.method[p.method], p.silhouette.toFixed(2))}${p.note ? ` ${md(p.note)}` : ''}`, '');
    out.push(
      table(
        ['id', L.persona, L.size, L.share, `${L.mapTitle} (x, y)`],
        p.list.map((x) => [x.id, md(x.name), count(L, x.size), percent(x.share), `${x.centre.x.toFixed(2)}, ${x.centre.y.toFixed(2)}`]),
        [2, 3],
      ),
      '',
    );
    for (const x of p.list) {
      out.push(
        `### ${x.id} · ${md(x.name)}`,
        '',
        `${md(x.description)} (${count(L, x.size)} ${L.customers.toLowerCase()}, ${percent(x.share)})`,
        '',
      );
      if (x.traits.length)
        out.push(
          table(
            [L.traits, L.lift],
            x.traits.map((tr) => [featureLabel(L, tr.feature), lift(L, tr.lift)]),
            [1],
          ),
          '',
        );
      const mix = (title: string, intent: Intent, xs: typeof x.motives) =>
        xs.length ? `- ${title}: ${xs.map((m) => `${subtypeLabel(L, intent, m.subtype)} ${percent(m.share)}`).join(', ')}` : '';
      const lines = [
        mix(L.motives, 'purchase_motive', x.motives),
        mix(L.obstacles, 'obstacle', x.obstacles),
        mix(L.upsells, 'upsell_signal', x.upsells),
        x.assortment.length ? `- ${L.asksFor}: ${x.assortment.map((i) => md(i.item)).join(', ')}` : '',
        x.quote ? `- ${L.representativeQuote}: ${quoteText(x.quote)}` : '',
      ].filter(Boolean);
      if (lines.length) out.push(...lines, '');
    }
  } else out.push(L.nothingFound, '');

  out.push('---', '', `${L.generatedBy} ${md(data.generator)} · ${L.seed} ${p.seed}`, '');
  return out.join('\n');
}

function findingTable(
  L: ReportLabels,
  intent: Intent,
  findings: readonly SubtypeFinding[],
  extra?: { head: string; cell: (f: SubtypeFinding) => string },
): string {
  return table(
    [L.subtype, L.conversations, L.customers, L.share, ...(extra ? [extra.head] : []), L.evidence],
    findings.map((f) => [
      subtypeLabel(L, intent, f.subtype),
      count(L, f.conversations),
      count(L, f.customers),
      percent(f.share),
      ...(extra ? [extra.cell(f)] : []),
      quoteCell(f.quotes),
    ]),
    [1, 2, 3],
  );
}
