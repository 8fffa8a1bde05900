import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConvotagError } from './errors.js';
import { ReadReport, readGold, readTranscripts, type ReadResult } from './readers.js';
import type { Transcript } from '../contract/schemas.js';

const source = (name: string, text: string | Buffer, chunk = 7) => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk)); // tiny chunks split lines and characters
  return { name, stream: Readable.from(parts) };
};

async function collect(name: string, text: string | Buffer, options = {}) {
  const report = new ReadReport();
  const out: ReadResult<Transcript>[] = [];
  for await (const r of readTranscripts(source(name, text), { report, ...options })) out.push(r);
  return { out, report };
}

const t = (id: string, text = 'Hoi, waar blijft mijn pakket? 📦') => JSON.stringify({ id, turns: [{ role: 'customer', text }] });

describe('JSONL reader', () => {
  it('reads valid lines and keeps unknown fields out of the way', async () => {
    const line = JSON.stringify({ id: 'x', turns: [{ role: 'customer', text: 'hi', mood: 'ok' }], extra: 1, metadata: { orderCount: 2 } });
    const { out, report } = await collect('a.jsonl', `${t('a')}\n${line}\n`);
    expect(out.map((r) => r.ok)).toEqual([true, true]);
    const second = out[1]!;
    expect(second.ok && second.value).toEqual({ id: 'x', turns: [{ role: 'customer', text: 'hi' }], metadata: { orderCount: 2 } });
    expect(report.summary()).toBe('read 2, ok 2, bad 0');
  });

  it('accepts a UTF-8 BOM and CRLF line ends, and keeps multi-byte characters split across chunks', async () => {
    const { out } = await collect('a.jsonl', `\uFEFF${t('a', 'café ☕ naïef')}\r\n${t('b')}\r\n`, 3);
    expect(out.every((r) => r.ok)).toBe(true);
    const first = out[0]!;
    expect(first.ok && first.value.turns[0]!.text).toBe('café ☕ naïef');
  });

  it('reports each kind of bad record with its line and field, and goes on', async () => {
    const lines = [
      t('ok1'), // 1
      '{"id": "broken", "turns": [', // 2 invalid JSON
      JSON.stringify({ turns: [{ role: 'customer', text: 'x' }] }), // 3 missing id
      JSON.stringify({ id: 'n', turns: 'hello' }), // 4 turns not an array
      JSON.stringify({ id: 'r', turns: [{ role: 'klant', text: 'x' }] }), // 5 wrong role
      '', // 6 blank: skipped, not a record
      JSON.stringify({ id: 'e', turns: [{ role: 'customer', text: '' }] }), // 7 empty text
      t('ok2'), // 8
    ];
    const { out, report } = await collect('in.jsonl', lines.join('\n'));
    const bad = out.filter((r) => !r.ok) as Extract<ReadResult<Transcript>, { ok: false }>[];
    expect(bad.map((r) => [r.line, r.problems[0]!.field])).toEqual([
      [2, ''],
      [3, 'id'],
      [4, 'turns'],
      [5, 'turns[0].role'],
      [7, 'turns[0].text'],
    ]);
    expect(bad[0]!.problems[0]!.message).toMatch(/invalid JSON/);
    expect(bad[3]!.problems[0]!.id).toBe('r');
    expect(report.read).toBe(report.ok + report.bad);
    expect([report.read, report.ok, report.bad]).toEqual([7, 2, 5]);
  });

  it('reports a truncated last line', async () => {
    const { out } = await collect('in.jsonl', `${t('a')}\n{"id":"b","tur`);
    expect(out.map((r) => r.ok)).toEqual([true, false]);
    expect(out[1]!.line).toBe(2);
  });

  it('throws on the first bad record under strict', async () => {
    await expect(collect('in.jsonl', `${t('a')}\nnope\n${t('b')}\n`, { strict: true })).rejects.toThrow(ConvotagError);
    await expect(collect('in.jsonl', `${t('a')}\nnope\n`, { strict: true })).rejects.toThrow(/in\.jsonl:2/);
  });

  it('sniffs a JSON array on a nameless stream', async () => {
    const { out } = await collect('<stdin>', `[\n${t('a')},\n  ${t('b')}\n]`);
    expect(out.map((r) => r.ok && r.value.id)).toEqual(['a', 'b']);
  });
});

describe('JSON array reader', () => {
  it('streams elements with their line numbers, strings with brackets included', async () => {
    const doc = `[\n${t('a', 'a ] tricky, "quoted" } text')},\n${JSON.stringify({ id: 'b', turns: [] })},\n${t('c')}\n]\n`;
    const { out, report } = await collect('x.json', doc);
    expect(out.map((r) => [r.ok, r.line])).toEqual([
      [true, 2],
      [false, 3],
      [true, 4],
    ]);
    expect(report.summary()).toBe('read 3, ok 2, bad 1');
  });

  it('reports a file that is not an array, and a truncated array', async () => {
    expect((await collect('x.json', '{"id":"a"}')).out[0]!.ok).toBe(false);
    const { out } = await collect('x.json', `[${t('a')}, {"id":"b"`);
    expect(out.map((r) => r.ok)).toEqual([true, false]);
  });

  it('reads an empty array and an empty file as no records', async () => {
    expect((await collect('x.json', '[ ]')).out).toEqual([]);
    expect((await collect('x.json', '')).out).toEqual([]);
  });
});

describe('CSV reader', () => {
  it('groups rows into conversations by id, in order, with the header line numbers', async () => {
    const csv =
      'conversation_id,customer_id,role,text,created_at,channel\r\n' +
      'c1,k1,customer,"Hoi, is deze ook in het groen?",2026-03-01T10:00:00Z,chat\r\n' +
      'c1,k1,agent,Helaas niet.,2026-03-01T10:01:00Z,chat\r\n' +
      'c2,k2,Customer,"Line one\nline two",2026-03-02,email\r\n';
    const { out } = await collect('t.csv', `\uFEFF${csv}`);
    expect(out.map((r) => r.ok)).toEqual([true, true]);
    const [a, b] = out.map((r) => (r.ok ? r.value : undefined));
    expect(a).toMatchObject({
      id: 'c1',
      customerId: 'k1',
      channel: 'chat',
      turns: [{ role: 'customer' }, { role: 'agent', text: 'Helaas niet.' }],
    });
    expect(b!.turns[0]!.text).toBe('Line one\nline two');
    expect(out[1]!.line).toBe(4);
  });

  it('takes custom header names and reports a missing column or split conversation', async () => {
    const custom = 'ticket,who,body\nT1,customer,Waar is mijn pakket\n';
    const { out } = await collect('t.csv', custom, { csvColumns: { id: 'ticket', role: 'who', text: 'body' } });
    expect(out[0]!.ok).toBe(true);
    const missing = await collect('t.csv', custom);
    expect(missing.out[0]!.ok).toBe(false);
    const split = await collect('t.csv', 'conversation_id,role,text\na,customer,x\nb,customer,y\na,customer,z\n');
    expect(split.out.map((r) => r.ok)).toEqual([true, true, false]);
    expect(split.report.read).toBe(split.report.ok + split.report.bad);
  });
});

describe('gold reader', () => {
  it('rejects pairs outside the taxonomy', async () => {
    const report = new ReadReport();
    const text =
      '{"id":"a","labels":[{"intent":"obstacle","subtype":"delivery"}],"items":[]}\n{"id":"b","labels":[{"intent":"obstacle","subtype":"gift"}]}\n';
    const out = [];
    for await (const r of readGold(source('g.jsonl', text), { report })) out.push(r);
    expect(out.map((r) => r.ok)).toEqual([true, false]);
    expect(!out[1]!.ok && out[1]!.problems[0]!.field).toBe('labels[0].subtype');
  });
});
