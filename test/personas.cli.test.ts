import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PersonaDocSchema } from '../src/contract/schemas.js';
import { convotag } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'convotag-personas-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// three kinds of customers, two conversations each; one single-conversation customer; one conversation without customerId
const conversation = (id: string, customerId: string | undefined, text: string, day: number) =>
  JSON.stringify({
    id,
    ...(customerId ? { customerId } : {}),
    channel: 'chat',
    language: 'en',
    createdAt: `2026-02-${String(day).padStart(2, '0')}T10:00:00Z`,
    turns: [
      { role: 'customer', text },
      { role: 'agent', text: 'Thanks, let me check that for you.' },
    ],
  });
const gift = "It's a birthday present for my sister, could you gift wrap it please?";
const price = 'The shipping costs are way too high and my discount code does not work at checkout.';
const broken = 'The zip broke after one day and I want to return it, nobody answers my emails.';
const lines: string[] = [];
for (let c = 1; c <= 4; c++) {
  lines.push(conversation(`g${c}a`, `gift-${c}`, gift, c), conversation(`g${c}b`, `gift-${c}`, gift, c + 10));
  lines.push(conversation(`p${c}a`, `price-${c}`, price, c), conversation(`p${c}b`, `price-${c}`, price, c + 10));
  lines.push(conversation(`b${c}a`, `broken-${c}`, broken, c), conversation(`b${c}b`, `broken-${c}`, broken, c + 10));
}
lines.push(conversation('single', 'once-only', gift, 20), conversation('walk-in', undefined, price, 21));
const transcripts = file('transcripts.jsonl', `${lines.join('\n')}\n`);
const customers = [...[1, 2, 3, 4].flatMap((c) => [`gift-${c}`, `price-${c}`, `broken-${c}`]), 'once-only', 'conv:walk-in'].sort();

describe('convotag personas', () => {
  it('prints the FORMAT.md personas document with every customer exactly once', () => {
    const r = convotag(['personas', '--json', '--k', '3', '--seed', '7', transcripts]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(PersonaDocSchema.safeParse(doc).success).toBe(true);
    expect(doc.assignments.map((a: { customerId: string }) => a.customerId).sort()).toEqual(customers);
    expect(doc.k).toBe(3);
    // customers who say the same things end up together
    const persona = new Map(doc.assignments.map((a: { customerId: string; persona: string }) => [a.customerId, a.persona]));
    for (const kind of ['gift', 'price', 'broken']) expect(new Set([1, 2, 3, 4].map((c) => persona.get(`${kind}-${c}`))).size).toBe(1);
    expect(new Set(['gift-1', 'price-1', 'broken-1'].map((c) => persona.get(c))).size).toBe(3);
    expect(persona.get('once-only')).toBe(persona.get('gift-1'));
    expect(r.stderr).toMatch(/1 conversation\(s\) without customerId profiled as their own customer/);
    // the same seed gives the same document
    expect(convotag(['personas', '--json', '--k', '3', '--seed', '7', transcripts]).stdout).toBe(r.stdout);
  });

  it('skips conversations without customerId with --anonymous skip', () => {
    const r = convotag(['personas', '--json', '--k', '3', '--anonymous', 'skip', transcripts]);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).assignments.map((a: { customerId: string }) => a.customerId);
    expect(ids).not.toContain('conv:walk-in');
    expect(ids).toHaveLength(customers.length - 1);
    expect(r.stderr).toMatch(/1 conversation\(s\) without customerId skipped/);
  });

  it('prints a readable summary on stdout, and takes tags from a file', () => {
    const tags = convotag(['tag', transcripts]);
    expect(tags.code).toBe(0);
    const tagsFile = file('tags.jsonl', tags.stdout);
    const r = convotag(['personas', '--k', '3', '--tags', tagsFile, transcripts]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 personas from 14 customers \(k fixed; silhouette/);
    expect(r.stdout).toMatch(/^p1 {2}.+ — \d+ customers \(\d+%\)$/m);
    expect(r.stdout).toMatch(/traits: /);
    expect(r.stderr).not.toMatch(/tagging them now/);
    // the on-the-fly tags agree with the tag file
    expect(convotag(['personas', '--k', '3', transcripts]).stdout).toBe(r.stdout);
  });

  it('saves a persona model and assigns new customers to it', () => {
    const model = join(dir, 'model.json');
    const fitted = convotag(['personas', '--json', '--k', '3', '--save', model, transcripts]);
    expect(fitted.code).toBe(0);
    expect(fitted.stderr).toMatch(/persona model saved to/);
    const fresh = file(
      'fresh.jsonl',
      `${[conversation('n1', 'new-gift', gift, 25), conversation('n2', 'new-price', price, 26)].join('\n')}\n`,
    );
    const r = convotag(['personas', '--json', '--model', model, fresh]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(PersonaDocSchema.safeParse(doc).success).toBe(true);
    const before = new Map(
      JSON.parse(fitted.stdout).assignments.map((a: { customerId: string; persona: string }) => [a.customerId, a.persona]),
    );
    const after = new Map(doc.assignments.map((a: { customerId: string; persona: string }) => [a.customerId, a.persona]));
    expect(after.get('new-gift')).toBe(before.get('gift-1'));
    expect(after.get('new-price')).toBe(before.get('price-1'));
  });

  it('fails clearly on bad options and a corrupt model', () => {
    expect(convotag(['personas', '--k', '0', transcripts]).code).toBe(2);
    expect(convotag(['personas', '--k-range', '5-2', transcripts]).code).toBe(2);
    expect(convotag(['personas', '--seed', 'x', transcripts]).code).toBe(2);
    const bad = file('bad-model.json', '{"format":"convotag-persona-model","version":');
    const r = convotag(['personas', '--model', bad, transcripts]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-model\.json: not valid JSON, the persona model file is corrupt/);
    const old = file('old-model.json', '{"format":"convotag-persona-model","version":0}');
    expect(convotag(['personas', '--model', old, transcripts]).stderr).toMatch(/version 0 is not supported/);
  });
});
