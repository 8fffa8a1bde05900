/**
 * The readers against what a help desk export can hold beyond bad records:
 * a runaway line, a line split into thousands of chunks, bytes that are not
 * UTF-8 in CSV and JSON arrays, a CSV row csv-parse cannot read, column names
 * such as "constructor", and a source that fails half-way.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/contract/schemas.js';
import { ConvotagError } from '../src/io/errors.js';
import { ReadReport, readTranscripts, type ReadOptions, type ReadResult } from '../src/io/readers.js';

function source(name: string, data: Buffer | string, chunk = 64 * 1024) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return { name, stream: Readable.from(parts) };
}

async function read(name: string, data: Buffer | string, options: ReadOptions = {}, chunk?: number) {
  const report = new ReadReport();
  const out: ReadResult<Transcript>[] = [];
  for await (const r of readTranscripts(source(name, data, chunk), { report, ...options })) out.push(r);
  return { out, report, problems: out.flatMap((r) => (r.ok ? [] : r.problems)) };
}

const line = (id: string, text = 'Where is my parcel?') => JSON.stringify({ id, turns: [{ role: 'customer', text }] });

describe('a runaway record', () => {
  it('is reported with its line and skipped, and the lines after it are read (JSON Lines)', async () => {
    const data = [
      line('a'),
      'x'.repeat(5000),
      line('b'),
      `{"id":"c","turns":[{"role":"customer","text":"${'y'.repeat(5000)}"}]}`,
      line('d'),
    ].join('\n');
    const { out, report, problems } = await read('r.jsonl', data, { maxRecordChars: 1000 }, 333);
    expect(out.map((r) => [r.ok, r.line])).toEqual([
      [true, 1],
      [false, 2],
      [true, 3],
      [false, 4],
      [true, 5],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/longer than 1000 characters/),
      expect.stringMatching(/longer than 1000/),
    ]);
    expect(report.summary()).toBe('read 5, ok 3, bad 2');
  });

  it('is reported and skipped inside a JSON array too', async () => {
    const data = `[\n${line('a')},\n${line('b', 'z'.repeat(3000))},\n${line('c')}\n]`;
    const { out } = await read('r.json', data, { maxRecordChars: 1000 }, 100);
    expect(out.map((r) => [r.ok, r.line])).toEqual([
      [true, 2],
      [false, 3],
      [true, 4],
    ]);
  });

  it(
    'is read whole below the bound however finely it is chunked (a line is searched for its break once, not per chunk)',
    { timeout: 30_000 },
    async () => {
      const text = 'my parcel never arrived. '.repeat(200_000); // 5 MB in one line
      const { out } = await read('long.jsonl', `${line('long', text)}\n${line('next')}\n`, {}, 256);
      expect(out.map((r) => r.ok && r.value.turns[0]!.text.length)).toEqual([text.length, 'Where is my parcel?'.length]);
    },
  );
});

describe('bytes that are not UTF-8', () => {
  it('are reported per record in a JSON array, with the field', async () => {
    const data = Buffer.concat([
      Buffer.from(`[${line('a')},\n`),
      Buffer.from(`${line('l', 'crème brûlée')},\n`, 'latin1'),
      Buffer.from(`${line('b')}]`),
    ]);
    const { out, problems } = await read('l.json', data, {}, 7);
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    expect(problems[0]).toMatchObject({ line: 2, field: 'turns[0].text', id: 'l' });
    expect(problems[0]!.message).toMatch(/not valid UTF-8 \(byte 0xE8\)/);
  });

  it('are reported per conversation in CSV (a Windows-1252 export), the others read', async () => {
    const csv = Buffer.concat([
      Buffer.from('conversation_id,role,text\nc1,customer,Waar is mijn pakket?\n'),
      Buffer.from('c2,customer,Ik wil de crème retourneren\nc2,agent,Prima\n', 'latin1'),
      Buffer.from('c3,customer,Bedankt!\n'),
    ]);
    const { out, problems, report } = await read('w.csv', csv, {}, 5);
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, id: 'c2' });
    expect(problems[0]!.message).toMatch(/not valid UTF-8 \(byte 0xE8\)/);
    expect(report.summary()).toBe('read 3, ok 2, bad 1');
  });

  it('at the very end (a character cut off) make the last record bad, not lost', async () => {
    const data = Buffer.concat([Buffer.from(`${line('a')}\n${line('b')}`), Buffer.from([0xf0, 0x9f])]);
    const { out } = await read('cut.jsonl', data, {}, 3);
    expect(out.map((r) => [r.ok, r.line])).toEqual([
      [true, 1],
      [false, 2],
    ]);
  });
});

describe('CSV that csv-parse cannot read row by row', () => {
  it('keeps quotes inside unquoted cells as text (JSON in a cell, a stray quote) instead of failing the file', async () => {
    const csv = 'conversation_id,role,text\nc1,customer,hello\nc2,customer,5" screen\nc3,customer,{"json":"in a cell"}\nc4,customer,bye\n';
    const { out, report } = await read('q.csv', csv);
    expect(out.map((r) => r.ok && [r.value.id, r.value.turns[0]!.text])).toEqual([
      ['c1', 'hello'],
      ['c2', '5" screen'],
      ['c3', '{"json":"in a cell"}'],
      ['c4', 'bye'],
    ]);
    expect(report.summary()).toBe('read 4, ok 4, bad 0');
  });

  it('reports a quote that is never closed (it swallows the rest of the file), after the rows before it', async () => {
    const csv = 'conversation_id,role,text\nc1,customer,hello\nc2,customer,"never closed\nc3,customer,bye\n';
    const { out, report, problems } = await read('u.csv', csv);
    expect(out.map((r) => r.ok)).toEqual([true, false]);
    expect(problems[0]!.message).toMatch(/invalid CSV: Quote Not Closed/);
    expect(report.read).toBe(report.ok + report.bad);
  });

  it('reads nothing inherited for columns named constructor, __proto__ or toString', async () => {
    const csv = 'conversation_id,role,text\nc1,customer,hello\n';
    const missing = await read('p.csv', csv, { csvColumns: { id: 'constructor' } });
    expect(missing.problems[0]!.message).toMatch(/CSV header lacks column\(s\) constructor/);
    const proto = await read('p.csv', 'conversation_id,role,text,__proto__,toString\nc1,customer,hello,{"polluted":1},x\n', {
      csvColumns: { customerId: '__proto__', channel: 'toString' },
    });
    expect(proto.out[0]!.ok && proto.out[0]!.value).toMatchObject({ id: 'c1', customerId: '{"polluted":1}', channel: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a source that fails half-way', () => {
  const failing = (name: string, first: string) => ({
    name,
    stream: (async function* () {
      yield Buffer.from(first);
      throw Object.assign(new Error('input/output error'), { code: 'EIO' });
    })(),
  });

  it.each([
    ['f.jsonl', `${line('a')}\n`],
    ['f.json', `[${line('a')},`],
    ['f.csv', 'conversation_id,role,text\nc1,customer,hello\n'],
  ])('%s: the records before it are read, then a ConvotagError names the file and the cause', async (name, first) => {
    const seen: boolean[] = [];
    const reading = (async () => {
      for await (const r of readTranscripts(failing(name, first))) seen.push(r.ok);
    })();
    await expect(reading).rejects.toThrow(ConvotagError);
    await expect(reading).rejects.toThrow(new RegExp(`${name.replace('.', '\\.')}: cannot read on \\(EIO\\)`));
    expect(seen.every(Boolean)).toBe(true);
  });
});
