/**
 * Property-based tests (fast-check) over the readers, the text layer and the
 * tagger: arbitrary Unicode (emoji, combining marks, RTL, lone surrogates,
 * NUL), blank turns, cue words from the built-in lexicons, hostile metadata
 * keys, wrong types. Runs are kept moderate so the suite stays fast; a
 * failure prints the seed and the shrunk counterexample.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagResultSchema, TranscriptSchema, type Transcript } from '../src/contract/schemas.js';
import { LANGUAGES, ROLES } from '../src/contract/taxonomy.js';
import { ReadReport, readTranscripts, type ReadResult } from '../src/io/readers.js';
import { analyseTranscript } from '../src/text/analyse.js';
import { clauseBounds } from '../src/text/clauses.js';
import { detectLanguage } from '../src/text/language.js';
import { negationScope } from '../src/text/negation.js';
import { singular, stem } from '../src/text/stem.js';
import { tokenize } from '../src/text/tokenize.js';
import { builtinCues } from '../src/tagging/prepare.js';
import { createTagger } from '../src/tagging/tagger.js';
import { convotag } from './helpers.js';

// ---------------------------------------------------------------- arbitraries

/** Pieces that break naive text code: emoji sequences, combining marks, RTL, controls, lone surrogates, odd case mappings. */
const NASTY = [
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '🇳🇱',
  '❤️',
  'e\u0301',
  '\u0301',
  '\u0301\u0301\u0301',
  '\u200d',
  '\ufe0f',
  'שלום',
  'مرحبا',
  '\u202e',
  '\u200f',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\ufeff',
  '\u2028',
  '\ufffd',
  'ß',
  'İ',
  'ﬁ',
  'Ⅻ',
  '𝔘𝔫𝔦',
  '\ud800',
  '\udfff',
  '\udc80',
  '\udbff',
  '\t',
  '\r\n',
  '\n\n',
  '   ',
  '...',
  '?!',
  "'",
  '’',
  '-',
  '&',
  '"',
  '\\',
  '{}[]',
  '€12,50',
  '3x',
  '10th',
  'XL',
  'Rapha',
  'Brød & Taylor',
];

/** Every word and a sample phrase of every cue of the built-in lexicons, so the properties reach the cue paths. */
function lexiconVocabulary(): { words: string[]; phrases: string[] } {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const spec of Object.values(builtinCues))
    for (const cues of Object.values(spec))
      for (const cue of cues ?? []) {
        const slots = cue
          .replace(/\s@[\d.]+$/, '')
          .split(/\s+/)
          .filter((s) => s !== '..');
        const phrase = slots.map((slot) => {
          if (slot === '#') return '3';
          const alternatives = slot.split('|').map((a) => a.replace(/\*/g, ''));
          for (const a of alternatives) if (a) words.add(a);
          return alternatives[0] || 'x';
        });
        phrases.add(phrase.join(' '));
      }
  return { words: [...words], phrases: [...phrases] };
}
const vocabulary = lexiconVocabulary();

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary.words) },
  { weight: 3, arbitrary: fc.constantFrom(...vocabulary.phrases) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5000 }).map(String) },
);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '? ', '! ', '\n', '', ' - ', ' en ', ' and ', ' maar ', ' but ');

/** Text of a turn: never empty (the contract requires it), may be only white space or only symbols. */
const turnText = fc
  .array(fc.tuple(piece, separator), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''))
  .filter((s) => s.length > 0);

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'orderCount',
  'totalSpend',
);
const metadata = fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 6 })), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

const transcriptArb: fc.Arbitrary<Transcript> = fc.record(
  {
    id: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.constantFrom(...NASTY)),
    customerId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    channel: fc.constantFrom('chat', 'email', 'social', 'x'),
    language: fc.constantFrom(...LANGUAGES),
    turns: fc.array(fc.record({ role: fc.constantFrom(...ROLES), text: turnText }), { minLength: 1, maxLength: 8 }),
    metadata,
  },
  { requiredKeys: ['id', 'turns'] },
);

// ---------------------------------------------------------------- readers

type Entry = { kind: 'valid'; transcript: Transcript } | { kind: 'bad'; text: string } | { kind: 'blank'; text: string };

const noBreaks = (s: string) => s.replace(/[\r\n\u2028\u2029]/g, ' ');

/** Lines that must be reported: invalid JSON, truncated records, wrong types, missing fields, hostile shapes. */
const badLine: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => `{${noBreaks(s)}`),
  transcriptArb.chain((t) => {
    const json = JSON.stringify(t);
    return fc.integer({ min: 1, max: json.length - 1 }).map((k) => json.slice(0, k)); // truncated
  }),
  transcriptArb.map((t) => JSON.stringify({ ...t, id: 42 })), // a number where a string belongs
  transcriptArb.map((t) => JSON.stringify({ ...t, turns: t.turns.map((u) => ({ ...u, text: 7 })) })),
  transcriptArb.map((t) => JSON.stringify({ ...t, turns: [] })),
  transcriptArb.map(({ id: _id, ...rest }) => JSON.stringify(rest)), // missing id
  transcriptArb.map(({ turns: _turns, ...rest }) => JSON.stringify(rest)), // missing turns
  transcriptArb.map((t) => JSON.stringify({ ...t, metadata: 'not an object' })),
  transcriptArb.map((t) => JSON.stringify({ ...t, turns: [{ role: 'klant', text: 'x' }] })),
  transcriptArb.map((t) => JSON.stringify({ ...t, turns: [{ role: 'customer', text: '' }] })),
  fc.constantFrom('null', '42', '"a string"', '[]', '{}', 'true', '[{"id":"a"}]', '{"__proto__":{"id":"p","turns":[]}}'),
);

const entryArb: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 5, arbitrary: transcriptArb.map((transcript) => ({ kind: 'valid' as const, transcript })) },
  { weight: 3, arbitrary: badLine.map((text) => ({ kind: 'bad' as const, text })) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '  \t ').map((text) => ({ kind: 'blank' as const, text })) },
);

function chunked(name: string, bytes: Buffer, sizes: number[]) {
  const parts: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    parts.push(bytes.subarray(i, i + size));
    i += size;
  }
  return { name, stream: Readable.from(parts) };
}

async function readAll(name: string, bytes: Buffer, sizes: number[]) {
  const report = new ReadReport();
  const out: ReadResult<Transcript>[] = [];
  for await (const r of readTranscripts(chunked(name, bytes, sizes), { report })) out.push(r);
  return { out, report };
}

describe('readers, on arbitrary JSON Lines cut into arbitrary chunks', () => {
  const fileArb = fc.record({
    entries: fc.array(entryArb, { maxLength: 25 }),
    crlf: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    sizes: fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 6 }),
  });

  it('never throw, keep every valid record exactly, report every other line with its number, and read = ok + bad', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ entries, crlf, bom, finalNewline, sizes }) => {
        const lines = entries.map((e) => (e.kind === 'valid' ? JSON.stringify(e.transcript) : e.text));
        let text = lines.map((l, i) => l + (i < lines.length - 1 || finalNewline ? (crlf[i % crlf.length] ? '\r\n' : '\n') : '')).join('');
        if (bom) text = `\uFEFF${text}`;
        const { out, report } = await readAll('p.jsonl', Buffer.from(text, 'utf8'), sizes);

        const records = entries.map((e, i) => ({ e, line: i + 1 })).filter(({ e }) => e.kind !== 'blank');
        expect(out.map((r) => r.line)).toEqual(records.map((r) => r.line));
        expect(report.read).toBe(report.ok + report.bad);
        expect(report.read).toBe(records.length);
        for (const [i, r] of out.entries()) {
          const { e } = records[i]!;
          if (e.kind === 'valid') {
            expect(r.ok).toBe(true);
            // the contract's own parse is the oracle: unknown fields dropped, everything else kept exactly
            expect(r.ok && r.value).toEqual(TranscriptSchema.parse(JSON.parse(JSON.stringify(e.transcript))));
          } else {
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.problems.length).toBeGreaterThan(0);
              for (const p of r.problems) expect([p.file, p.line]).toEqual(['p.jsonl', r.line]);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('give the same results for the same bytes, however they are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }),
        async (entries, sizes) => {
          const bytes = Buffer.from(entries.map((e) => (e.kind === 'valid' ? JSON.stringify(e.transcript) : e.text)).join('\n'), 'utf8');
          const whole = await readAll('d.jsonl', bytes, [bytes.length + 1]);
          const pieces = await readAll('d.jsonl', bytes, sizes);
          expect(pieces.out).toEqual(whole.out);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('read a JSON array the same way: every element a record at its own line', async () => {
    const jsonBad = fc.oneof(
      transcriptArb.map((t) => JSON.stringify({ ...t, id: 42 })),
      transcriptArb.map(({ turns: _turns, ...rest }) => JSON.stringify(rest)),
      fc.constantFrom('null', '7', '"x"', '[]', '{}', '[{"id":"a"}]'),
    );
    const element = fc.oneof(
      transcriptArb.map((t) => ({ ok: true, text: JSON.stringify(t), value: TranscriptSchema.parse(JSON.parse(JSON.stringify(t))) })),
      jsonBad.map((text) => ({ ok: false, text, value: undefined })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 15 }), fc.integer({ min: 1, max: 50 }), async (elements, size) => {
        const text = `[\n${elements.map((e) => e.text).join(',\n')}\n]\n`;
        const report = new ReadReport();
        const out: ReadResult<Transcript>[] = [];
        for await (const r of readTranscripts(chunked('a.json', Buffer.from(text), [size]), { report })) out.push(r);
        expect(out.map((r) => [r.ok, r.line])).toEqual(elements.map((e, i) => [e.ok, i + 2]));
        for (const [i, r] of out.entries()) if (r.ok) expect(r.value).toEqual(elements[i]!.value);
        expect(report.read).toBe(report.ok + report.bad);
      }),
      { numRuns: 60 },
    );
  });

  it('read CSV rows into conversations, texts kept exactly (commas, quotes, line breaks, any script)', async () => {
    const cellText = fc
      .array(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(',', '"', '""', '\n', '\r\n', ';', ' ', '😀', 'é', 'שלום')),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((parts) => parts.join(''))
      .filter((t) => t.length > 0);
    const conversation = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/),
      turns: fc.array(fc.record({ role: fc.constantFrom('customer', 'agent', 'Customer', 'AGENT', ' system '), text: cellText }), {
        minLength: 1,
        maxLength: 4,
      }),
    });
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(conversation, { selector: (c) => c.id, maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        async (conversations, crlf, size) => {
          const eol = crlf ? '\r\n' : '\n';
          const rows = conversations.flatMap((c) => c.turns.map((t) => [c.id, t.role, t.text].map(quote).join(',')));
          const text = `\uFEFFconversation_id,role,text${eol}${rows.join(eol)}${eol}`;
          const report = new ReadReport();
          const out: ReadResult<Transcript>[] = [];
          for await (const r of readTranscripts(chunked('t.csv', Buffer.from(text), [size]), { report })) out.push(r);
          expect(out.every((r) => r.ok)).toBe(true);
          expect(out.map((r) => (r.ok ? r.value : undefined))).toEqual(
            conversations.map((c) => ({ id: c.id, turns: c.turns.map((t) => ({ role: t.role.trim().toLowerCase(), text: t.text })) })),
          );
          expect(report.summary()).toBe(`read ${conversations.length}, ok ${conversations.length}, bad 0`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('report a record holding bytes that are not UTF-8 (a Latin-1 export) instead of tagging replacement characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        transcriptArb,
        fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 5 }),
        async (t, accented) => {
          const line = JSON.stringify({ ...t, turns: [{ role: 'customer', text: `caf${accented}` }, ...t.turns] });
          const bytes = Buffer.from(line.replace(/[^\x00-\xff]/g, '?'), 'latin1');
          fc.pre(!isUtf8(bytes));
          const { out, report } = await readAll('l.jsonl', bytes, [5]);
          expect([report.read, report.bad]).toEqual([1, 1]);
          const r = out[0]!;
          expect(!r.ok && r.problems[0]!.message).toMatch(/not valid UTF-8 \(byte 0x[0-9A-F]{2}\)/);
          expect(!r.ok && r.problems[0]!.field).toMatch(/^turns\[\d+\]\.text$|^id$|^customerId$|^channel$|^metadata/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never pollute prototypes, whatever keys the records carry', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.array(transcriptArb, { minLength: 1, maxLength: 5 }), async (ts) => {
        const hostile = ts.map(
          (t) =>
            `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},` +
            `"metadata":{"__proto__":{"polluted":3},"constructor":{"prototype":{"polluted":4}},"orderCount":2},` +
            JSON.stringify({ id: t.id, turns: t.turns }).slice(1),
        );
        const { out, report } = await readAll('x.jsonl', Buffer.from(hostile.join('\n')), [64]);
        expect(report.ok).toBe(ts.length);
        const tagger = createTagger();
        for (const r of out) if (r.ok) tagger.tag(r.value);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        for (const r of out) expect(r.ok && Object.getPrototypeOf(r.value.metadata)).toBe(Object.prototype);
      }),
      { numRuns: 20 },
    );
  });

  it('read deeply nested and huge metadata without a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const wide = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const lines = [
      `{"id":"deep","turns":[{"role":"customer","text":"hi"}],"metadata":{"nested":${deep}}}`,
      `{"id":"wide","turns":[{"role":"customer","text":"hi"}],"metadata":${wide}}`,
      `{"id":"deep-id","turns":[{"role":"customer","text":"hi"}],"x":${deep}}`,
      `{"id":${deep},"turns":[{"role":"customer","text":"hi"}]}`,
    ];
    const { out, report } = await readAll('n.jsonl', Buffer.from(lines.join('\n')), [1 << 16]);
    expect(out.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(report.summary()).toBe('read 4, ok 3, bad 1');
    expect(!out[3]!.ok && out[3]!.problems[0]!.field).toBe('id');
    const wideValue = out[1]!.ok ? out[1]!.value : undefined;
    expect(Object.keys(wideValue?.metadata ?? {})).toHaveLength(100_000);
  });
});

// ---------------------------------------------------------------- text layer

describe('text layer, on arbitrary text', () => {
  const anyText = fc.oneof(turnText, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }));

  it('tokenizes into ordered, non-overlapping, non-empty spans inside the text, with one flag per token', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const t = tokenize(text);
        const n = t.norm.length;
        expect([t.start.length, t.end.length, t.boundaryBefore.length]).toEqual([n, n, n]);
        for (let i = 0; i < n; i++) {
          expect(t.start[i]!).toBeGreaterThanOrEqual(i > 0 ? t.end[i - 1]! : 0);
          expect(t.end[i]!).toBeGreaterThan(t.start[i]!);
          expect(t.end[i]!).toBeLessThanOrEqual(text.length);
          expect(typeof t.norm[i]).toBe('string');
        }
        if (n) expect(t.boundaryBefore[0]).toBe(1);
        expect(tokenize(text)).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it('gives clause bounds equal to walking to the clause edges', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const t = tokenize(text);
        const { starts, ends } = clauseBounds(t);
        const n = t.norm.length;
        for (let i = 0; i < n; i++) {
          let a = i;
          while (a > 0 && !t.boundaryBefore[a]) a--;
          expect(starts[i]).toBe(a);
        }
        for (let j = 0; j <= n; j++) {
          let b = j;
          while (b < n && !t.boundaryBefore[b]) b++;
          expect(ends[j]).toBe(b);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stems, singularises, scopes negation and detects a language without throwing, the same way every time', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
        const t = tokenize(text);
        const negated = negationScope(t, language);
        expect(negated).toHaveLength(t.norm.length);
        for (const w of t.norm) {
          expect(typeof stem(w, language)).toBe('string');
          expect(stem(w, language)).toBe(stem(w, language));
          expect(typeof singular(w, language)).toBe('string');
        }
        const detected = detectLanguage(text);
        expect(LANGUAGES).toContain(detected);
        expect(detectLanguage(text)).toBe(detected);
      }),
      { numRuns: 200 },
    );
  });

  it('analyses a transcript into one analysed turn per turn, keeping the text', () => {
    fc.assert(
      fc.property(transcriptArb, (t) => {
        const a = analyseTranscript(t);
        expect(a.turns.map((u) => u.text)).toEqual(t.turns.map((u) => u.text));
        expect(LANGUAGES).toContain(a.language);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------- tagger

describe('tagger, on arbitrary transcripts', () => {
  const tagger = createTagger();

  function checkResult(t: Transcript, result: ReturnType<typeof tagger.tag>): void {
    expect(TagResultSchema.safeParse(result).success).toBe(true);
    expect(result.id).toBe(t.id);
    const pairs = result.intents.map((i) => `${i.intent}/${i.subtype}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const intent of result.intents) {
      expect(Number.isFinite(intent.confidence)).toBe(true);
      expect(intent.confidence).toBeGreaterThanOrEqual(0);
      expect(intent.confidence).toBeLessThanOrEqual(1);
      expect(intent.evidence.length).toBeGreaterThan(0);
      for (const e of intent.evidence) {
        const text = t.turns[e.turn]?.text;
        expect(text).toBeDefined();
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeGreaterThan(e.start);
        expect(e.end).toBeLessThanOrEqual(text!.length);
        expect(e.text).toBe(text!.slice(e.start, e.end));
        // never half of a surrogate pair at either edge
        const low = (i: number) => text!.charCodeAt(i) >= 0xdc00 && text!.charCodeAt(i) <= 0xdfff;
        const high = (i: number) => text!.charCodeAt(i) >= 0xd800 && text!.charCodeAt(i) <= 0xdbff;
        expect(e.start > 0 && low(e.start) && high(e.start - 1)).toBe(false);
        expect(e.end < text!.length && low(e.end) && high(e.end - 1)).toBe(false);
      }
    }
    for (const item of result.items) expect(typeof item).toBe('string');
  }

  it('never throws; every confidence is in [0, 1]; every evidence span slices its turn exactly', () => {
    fc.assert(
      fc.property(transcriptArb, (t) => checkResult(t, tagger.tag(t))),
      { numRuns: 250 },
    );
  });

  it('gives the same output for the same input, from the same or a fresh tagger, and explain agrees with tag', () => {
    const fresh = createTagger();
    fc.assert(
      fc.property(transcriptArb, (t) => {
        const once = JSON.stringify(tagger.tag(t));
        expect(JSON.stringify(tagger.tag(structuredClone(t)))).toBe(once);
        expect(JSON.stringify(fresh.tag(structuredClone(t)))).toBe(once);
        expect(JSON.stringify(tagger.explain(t).result)).toBe(once);
      }),
      { numRuns: 80 },
    );
  });

  it('tags empty-looking turns: only white space, only symbols, only emoji', () => {
    const blankish = fc.constantFrom(' ', '\t', '\n', ' \n\t ', '\u00a0', '\u200b', '...', '?!', '😀😀', '\u0000', '\ufeff', '\u0301');
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...ROLES), text: blankish }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }),
        (turns, language) => {
          const t: Transcript = { id: 'blank', turns, ...(language ? { language } : {}) };
          const r = tagger.tag(t);
          checkResult(t, r);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('handles 10,000 turns in one conversation', () => {
    const turns = Array.from({ length: 10_000 }, (_, i) => ({
      role: ROLES[i % ROLES.length]!,
      text: i % 7 === 0 ? ' ' : `${vocabulary.phrases[i % vocabulary.phrases.length]} ${NASTY[i % NASTY.length]}`,
    }));
    const t: Transcript = { id: 'many', turns };
    const r = tagger.tag(t);
    checkResult(t, r);
    expect(r.intents.length).toBeGreaterThan(0);
  });

  it('handles a 1 MB turn', () => {
    const words = vocabulary.phrases.slice(0, 500).join(' 👍🏽 ');
    const text = words.repeat(Math.ceil(1_000_000 / words.length)).slice(0, 1_000_000);
    const t: Transcript = { id: 'huge', turns: [{ role: 'customer', text }] };
    const r = tagger.tag(t);
    checkResult(t, r);
    expect(r.intents.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- CLI

describe('convotag tag, on an arbitrary mix of records (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convotag-props-'));

  it('writes one output line per valid input, in input order, and counts read = ok + bad', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 1e9 }), (entries, n) => {
        const file = join(dir, `mix-${n}.jsonl`);
        writeFileSync(file, entries.map((e) => (e.kind === 'valid' ? JSON.stringify(e.transcript) : e.text)).join('\n'));
        const r = convotag(['tag', '--no-progress', file]);
        expect(r.code).toBe(0);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
        const valid = entries.filter((e) => e.kind === 'valid').map((e) => (e.kind === 'valid' ? e.transcript.id : ''));
        const records = entries.filter((e) => e.kind !== 'blank').length;
        const lines = r.stdout.split('\n').filter(Boolean);
        expect(lines.map((l) => JSON.parse(l).id)).toEqual(valid);
        expect(r.stderr).toContain(`read ${records}, ok ${valid.length}, bad ${records - valid.length}`);
      }),
      { numRuns: 4 },
    );
  });
});
