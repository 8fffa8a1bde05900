import { describe, expect, it } from 'vitest';
import type { TagResult, Transcript } from '../contract/schemas.js';
import { createReport } from './create.js';
import { escapeHtml, escapeMarkdown } from './escape.js';
import { renderHtml, SECTION_IDS } from './html.js';
import { REPORT_LABELS } from './labels.js';
import { renderMarkdown } from './markdown.js';
import { renderReport } from './render.js';

const SCRIPT = '<script>alert("x")</script>';

function conversation(id: string, customerId: string, text: string, day: number, tags: Omit<TagResult, 'id' | 'language'>) {
  const transcript: Transcript = {
    id,
    customerId,
    channel: 'email',
    language: 'en',
    createdAt: `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`,
    turns: [{ role: 'customer', text }],
  };
  const result: TagResult = { id, customerId, language: 'en', ...tags };
  return { transcript, result };
}

// customer words with markup and table-breaking characters in every place they can reach the page
const hostile = `My parcel is late ${SCRIPT} | really | "quoted" & 'single'.`;
const rows = [
  conversation(`t<1>"`, `cust<b>"1`, hostile, 2, {
    intents: [
      {
        intent: 'obstacle',
        subtype: 'delivery',
        confidence: 0.9,
        evidence: [{ turn: 0, start: 0, end: hostile.length, text: hostile }],
      },
    ],
    items: [],
  }),
  conversation('t2', 'c2', `Do you sell <img src=x onerror=alert(1)> tripods?`, 5, {
    intents: [
      {
        intent: 'assortment_request',
        subtype: 'product',
        confidence: 0.8,
        evidence: [{ turn: 0, start: 0, end: 11, text: 'Do you sell' }],
      },
    ],
    items: ['<img src=x onerror=alert(1)> tripods'],
  }),
  conversation('t3', 'c3', 'It is a birthday present for my sister.', 9, {
    intents: [
      {
        intent: 'purchase_motive',
        subtype: 'gift',
        confidence: 0.95,
        evidence: [{ turn: 0, start: 8, end: 24, text: 'birthday present' }],
      },
    ],
    items: [],
  }),
  conversation('t4', 'c3', 'Could you gift wrap the Lego Castle? The Lego Castle is for her.', 10, {
    intents: [
      {
        intent: 'upsell_signal',
        subtype: 'service_addon',
        confidence: 0.85,
        evidence: [{ turn: 0, start: 0, end: 19, text: 'Could you gift wrap' }],
      },
    ],
    items: [],
  }),
];
const transcripts = rows.map((r) => r.transcript);
const tags = rows.map((r) => r.result);

describe('renderHtml', () => {
  const { report } = createReport(transcripts, tags, { personas: { k: 2, seed: 1 } });
  const html = renderHtml(report);

  it('shows customer text as text: no markup from the data reaches the page', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; tripods');
    // ids and customer ids in text and attributes are escaped too
    expect(html).toContain('t&lt;1&gt;&quot;');
    expect(html).toContain('cust&lt;b&gt;&quot;1');
    expect(html).not.toContain('cust<b>');
  });

  it('is one self-contained page: every section, no script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const id of SECTION_IDS) expect(html).toContain(`<section id="${id}"`);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('draws one trend series per intent and one map mark per customer', () => {
    const series = html.match(/<g class="series" data-series="[a-z_]+"/g) ?? [];
    expect(series).toHaveLength(4);
    const marks = html.match(/class="mark" data-group=/g) ?? [];
    expect(marks).toHaveLength(report.overview.customers);
    expect(report.overview.customers).toBe(3);
  });

  it('links each quote to its conversation in the quoted-conversations list', () => {
    const links = [...html.matchAll(/<a href="#(conv-\d+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const anchor of new Set(links)) expect(html).toContain(`id="${anchor}"`);
  });

  it('names products of up-sell chances that the conversation comes back to', () => {
    expect(report.upsells[0]!.products.map((p) => p.name)).toEqual(['lego castle']);
  });

  it('uses the labels of the chosen language', () => {
    const nl = renderHtml({ ...report, language: 'nl' });
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain(REPORT_LABELS.nl.sections.assortment);
    expect(html).toContain(REPORT_LABELS.en.sections.assortment);
    expect(html).not.toContain(REPORT_LABELS.nl.sections.assortment);
  });
});

describe('renderMarkdown', () => {
  const { report } = createReport(transcripts, tags, { language: 'en', personas: { k: 2, seed: 1 } });
  const text = renderMarkdown(report);

  it('gives the sections as Markdown tables', () => {
    for (const id of ['overview', 'trends', 'obstacles', 'assortment', 'upsells', 'motives', 'personas'] as const)
      expect(text).toContain(`## ${REPORT_LABELS.en.sections[id]}`);
    expect(text).toMatch(/^\| # \| Subtype \| Conversations \|/m);
    expect(text).toMatch(/^\| ---: \| --- \| ---: \|/m);
    // every table row has as many cells as its header: a quote's pipe cannot split a cell
    for (const block of text.split('\n\n').filter((b) => b.startsWith('|'))) {
      const widths = block.split('\n').map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size).toBe(1);
    }
  });

  it('escapes customer text', () => {
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('\\| really \\|');
  });

  it('renders json as the data itself', () => {
    expect(JSON.parse(renderReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('escapes Markdown markup and flattens lines', () => {
    expect(escapeMarkdown('a|b *c* [d]\n<e>')).toBe('a\\|b \\*c\\* \\[d\\] &lt;e&gt;');
  });
});
