import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../src/contract/taxonomy.js';
import type { ReportData } from '../src/report/build.js';
import { convotag, customerCount } from './helpers.js';

const demo = 'fixtures/demo/transcripts.jsonl';
const dir = mkdtempSync(join(tmpdir(), 'convotag-report-cli-'));
const demoCustomers = customerCount(demo);

describe('convotag report', () => {
  const json = convotag(['report', demo, '--format', 'json']);
  const data = JSON.parse(json.stdout) as ReportData;

  it('prints the report data alone on stdout with --format json; messages on stderr', () => {
    expect(json.code).toBe(0);
    expect(data.format).toBe('convotag-report');
    expect(data.version).toBe(1);
    expect(data.overview.conversations).toBe(58);
    expect(data.overview.customers).toBe(demoCustomers);
    expect(data.personas.map).toHaveLength(demoCustomers);
    expect(data.trends.series.map((s) => s.intent)).toEqual([...INTENTS]);
    expect(json.stderr).toMatch(/read 58, ok 58, bad 0/);
    // the demo is mostly Dutch: Dutch labels by default
    expect(data.language).toBe('nl');
  });

  it('gives the same report for the same input and seed, and reuses tags from --tags', () => {
    expect(convotag(['report', demo, '--format', 'json']).stdout).toBe(json.stdout);
    const tags = convotag(['tag', demo]);
    expect(tags.code).toBe(0);
    const tagsFile = join(dir, 'demo.tags.jsonl');
    writeFileSync(tagsFile, tags.stdout);
    const reused = convotag(['report', demo, '--tags', tagsFile, '--format', 'json']);
    expect(reused.code).toBe(0);
    expect(reused.stdout).toBe(json.stdout);
    expect(reused.stderr).toMatch(/tags: read 58/);
    expect(reused.stderr).not.toMatch(/tagging them now/);
  });

  it('writes an HTML page to --out, choosing the format from the extension', () => {
    const out = join(dir, 'report.html');
    const r = convotag(['report', demo, '--out', out, '--lang', 'en', '--title', 'Demo <shop>']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/report \(html\) written to .*report\.html: 58 conversation\(s\), 15 customer\(s\)/);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Demo &lt;shop&gt;</title>');
    expect(html).toContain('Assortment gaps');

    const md = join(dir, 'report.md');
    expect(convotag(['report', demo, '--out', md, '-q']).code).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Rapport klantgesprekken/);
    expect(text).toMatch(/^\| # \| Soort \| Gesprekken \|/m);
  });

  it('takes the seed and the number of personas', () => {
    const r = convotag(['report', demo, '--format', 'json', '--k', '3', '--seed', '7']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as ReportData;
    expect(d.personas.k).toBe(3);
    expect(d.personas.seed).toBe(7);
    expect(new Set(d.personas.map.map((m) => m.persona))).toEqual(new Set(['p1', 'p2', 'p3']));
  });

  it('escapes customer text on the page', () => {
    const file = join(dir, 'hostile.jsonl');
    const text = 'My parcel is still not here <script>alert(1)</script> and tracking shows nothing';
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'h1', customerId: 'c1', language: 'en', createdAt: '2026-01-02T10:00:00Z', turns: [{ role: 'customer', text }] })}\n`,
    );
    const r = convotag(['report', file, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses bad options with exit code 2 and a missing file with exit code 1, writing nothing', () => {
    const out = join(dir, 'never.html');
    expect(convotag(['report', demo, '--format', 'pdf']).code).toBe(2);
    expect(convotag(['report', demo, '--k', '0', '--out', out]).code).toBe(2);
    expect(convotag(['report', demo, '--min-confidence', '2', '--out', out]).code).toBe(2);
    const missing = convotag(['report', join(dir, 'nope.jsonl'), '--out', out]);
    expect(missing.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
