/**
 * The bad-input matrix of the built CLI: every command × every kind of bad
 * input a help desk export can hold. In the default mode a command reports
 * each bad record on stderr (file, line, field), counts it and goes on, and
 * records in = used + reported; under --strict it stops at the first with
 * exit 1; a directory or a missing path fails before any output; a closed
 * stdout ends the run quietly. Commands that take several files get all the
 * cases in one run (the file names keep them apart), so the matrix stays fast.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, type Run } from './helpers.js';

type Kind = 'transcripts' | 'gold' | 'tags';

const GOOD: Record<Kind, (id: string) => Record<string, unknown>> = {
  transcripts: (id) => ({
    id,
    customerId: `c-${id}`,
    turns: [{ role: 'customer', text: `My parcel never arrived and it was a birthday gift for my wife (${id})` }],
  }),
  gold: (id) => ({ id, labels: [{ intent: 'obstacle', subtype: 'delivery' }], items: [] }),
  tags: (id) => ({ id, language: 'en', intents: [], items: [] }),
};
/** The required array of each kind, and where a free text goes (for the Latin-1 case). */
const ARRAY: Record<Kind, string> = { transcripts: 'turns', gold: 'labels', tags: 'intents' };
const WITH_TEXT: Record<Kind, (id: string, text: string) => [Record<string, unknown>, string]> = {
  transcripts: (id, text) => [{ ...GOOD.transcripts(id), turns: [{ role: 'customer', text }] }, 'turns[0].text'],
  gold: (id, text) => [{ ...GOOD.gold(id), items: [text] }, 'items[0]'],
  tags: (id, text) => [{ ...GOOD.tags(id), items: [text] }, 'items[0]'],
};
/** A wrong type deep inside a record, and the field the problem must name. */
const DEEP_WRONG: Record<Kind, (id: string) => [Record<string, unknown>, string]> = {
  transcripts: (id) => [{ ...GOOD.transcripts(id), turns: [{ role: 'customer', text: 7 }] }, 'turns[0].text'],
  gold: (id) => [{ ...GOOD.gold(id), labels: [{ intent: 3, subtype: 'delivery' }] }, 'labels[0].intent'],
  tags: (id) => [
    { ...GOOD.tags(id), intents: [{ intent: 'obstacle', subtype: 'delivery', confidence: 'high', evidence: [] }] },
    'intents[0].confidence',
  ],
};

interface Bad {
  line: number;
  field: string;
  message: RegExp;
}
interface Case {
  slug: string;
  name: string;
  content: Buffer;
  /** Ids of the valid records, in file order, with their line numbers. */
  ok: Array<{ id: string; line: number }>;
  bad: Bad[];
}

/** Seeded bytes, so the binary case is the same on every run. */
function junk(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const b = x >>> 24;
    out[i] = b === 10 ? 0x1b : b; // no line breaks inside a junk line
  }
  return out;
}

function casesFor(kind: Kind): Case[] {
  const j = (value: unknown) => JSON.stringify(value);
  const g = (id: string) => j(GOOD[kind](id));
  const omit = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  const text = (lines: string[]) => Buffer.from(lines.join('\n'));
  const invalid = /invalid JSON/;
  const cases: Case[] = [];
  const add = (slug: string, name: string, content: Buffer, ok: Array<[string, number]>, bad: Bad[]) =>
    cases.push({ slug, name, content, ok: ok.map(([id, line]) => ({ id, line })), bad });

  add('empty', 'an empty file', Buffer.alloc(0), [], []);
  add('blank', 'a file of only blank lines', text(['', '   ', '\t', '\r', '  ', '']), [], []);
  add(
    'mixed',
    'invalid JSON lines mixed with valid ones',
    text([g('mixed-a'), '{oops', g('mixed-b'), 'not json at all', '', g('mixed-c'), '[1, 2', '']),
    [
      ['mixed-a', 1],
      ['mixed-b', 3],
      ['mixed-c', 6],
    ],
    [
      { line: 2, field: '', message: invalid },
      { line: 4, field: '', message: invalid },
      { line: 7, field: '', message: invalid },
    ],
  );
  add(
    'truncated',
    'a truncated last line',
    text([g('truncated-a'), g('truncated-b'), g('truncated-c').slice(0, 20)]),
    [
      ['truncated-a', 1],
      ['truncated-b', 2],
    ],
    [{ line: 3, field: '', message: invalid }],
  );
  const [deep, deepField] = DEEP_WRONG[kind]('types-deep');
  add(
    'types',
    'wrong types (numbers, null, a string where an array belongs)',
    text([
      j({ ...GOOD[kind]('types-1'), id: 5 }),
      j({ ...GOOD[kind]('types-2'), [ARRAY[kind]]: 'hello' }),
      g('types-ok'),
      j({ ...GOOD[kind]('types-4'), id: null }),
      j(deep),
    ]),
    [['types-ok', 3]],
    [
      { line: 1, field: 'id', message: /expected string, received number/ },
      { line: 2, field: ARRAY[kind], message: /expected array, received string/ },
      { line: 4, field: 'id', message: /expected string, received null/ },
      { line: 5, field: deepField, message: /expected/ },
    ],
  );
  add(
    'missing',
    'missing fields',
    text([j(omit(GOOD[kind]('missing-1'), 'id')), j(omit(GOOD[kind]('missing-2'), ARRAY[kind])), g('missing-ok')]),
    [['missing-ok', 3]],
    [
      { line: 1, field: 'id', message: /received undefined/ },
      { line: 2, field: ARRAY[kind], message: /received undefined/ },
    ],
  );
  add(
    'bom',
    'a UTF-8 byte order mark',
    Buffer.from(`\uFEFF${g('bom-a')}\n${g('bom-b')}\n`),
    [
      ['bom-a', 1],
      ['bom-b', 2],
    ],
    [],
  );
  add(
    'crlf',
    'CRLF line ends',
    Buffer.from(`${g('crlf-a')}\r\n${g('crlf-b')}\r\n\r\n`),
    [
      ['crlf-a', 1],
      ['crlf-b', 2],
    ],
    [],
  );
  const [latin, latinField] = WITH_TEXT[kind]('latin1-x', 'café crème, ½ prijs');
  add(
    'latin1',
    'Latin-1 bytes',
    Buffer.concat([Buffer.from(`${g('latin1-a')}\n`), Buffer.from(`${j(latin)}\n`, 'latin1'), Buffer.from(`${g('latin1-b')}\n`)]),
    [
      ['latin1-a', 1],
      ['latin1-b', 3],
    ],
    [{ line: 2, field: latinField, message: /not valid UTF-8 \(byte 0xE9\)/ }],
  );
  const junkLines = Array.from({ length: 9 }, (_, i) => Buffer.concat([Buffer.from([0xff, 0x1b, 0x5b, 0x00]), junk(i + 1, 300)]));
  add(
    'binary',
    'binary junk (with escape sequences and NUL bytes)',
    Buffer.concat([
      ...junkLines.slice(0, 5).flatMap((l) => [l, Buffer.from('\n')]),
      Buffer.from(`${g('binary-a')}\n`),
      ...junkLines.slice(5).flatMap((l) => [l, Buffer.from('\n')]),
    ]),
    [['binary-a', 6]],
    [1, 2, 3, 4, 5, 7, 8, 9, 10].map((line) => ({ line, field: '', message: /neither JSON nor UTF-8 text \(byte 0x/ })),
  );
  return cases;
}

// ---------------------------------------------------------------- running

const dir = mkdtempSync(join(tmpdir(), 'convotag-matrix-'));
const path = (name: string) => join(dir, name);
const KINDS: Kind[] = ['transcripts', 'gold', 'tags'];
const CASES = Object.fromEntries(KINDS.map((k) => [k, casesFor(k)])) as Record<Kind, Case[]>;
const fileOf = (kind: Kind, c: Case) => path(`${c.slug}.${kind}.jsonl`);
const allOk = (kind: Kind) => CASES[kind].flatMap((c) => c.ok.map((o) => o.id));

/** The built bin, asynchronously, so the matrix runs a few processes at a time. */
function run(args: string[], options: { input?: Buffer | string; shell?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = options.shell
      ? spawn('bash', ['-c', options.shell], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [CLI, ...args], { stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}

const running = new Map<string, Promise<Run>>();
let slots = 4;
const queue: Array<() => void> = [];
/** Starts a run (at most four at once) under a name the tests look it up by. */
function start(name: string, args: string[], options?: Parameters<typeof run>[1]): void {
  running.set(
    name,
    (async () => {
      if (slots === 0) await new Promise<void>((r) => queue.push(r));
      slots--;
      try {
        return await run(args, options);
      } finally {
        slots++;
        queue.shift()?.();
      }
    })(),
  );
}
const result = (name: string) => running.get(name)!;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The problem line of a bad record: file, line, field, message. */
const problemLine = (file: string, b: Bad) =>
  new RegExp(`^${esc(file)}:${b.line}: ${b.field ? `${esc(b.field)}: ` : ''}.*${b.message.source}`, 'm');

function expectReported(text: string, file: string, bad: Bad[]): void {
  for (const b of bad) expect(text, `${file}:${b.line}`).toMatch(problemLine(file, b));
  // every problem line of this file is one of the bad lines: nothing valid was reported
  const reported = [...text.matchAll(new RegExp(`^${esc(file)}:(\\d+):`, 'gm'))].map((m) => Number(m[1]));
  for (const line of reported)
    expect(
      bad.map((b) => b.line),
      `${file}:${line} reported`,
    ).toContain(line);
}

function expectClean(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
  expect(r.stderr).not.toMatch(/EPIPE|TypeError|RangeError|ReferenceError/);
  // no raw control characters (a binary file echoed back) besides line breaks
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
}

function counts(cases: Case[]): string {
  const ok = cases.reduce((n, c) => n + c.ok.length, 0);
  const bad = cases.reduce((n, c) => n + c.bad.length, 0);
  return `read ${ok + bad}, ok ${ok}, bad ${bad}`;
}

const T = CASES.transcripts;
/**
 * The cases the one-file commands (explain, eval --gold) run on: the bad ones and the empty file. The clean
 * variants (blank lines, BOM, CRLF) go through the same reader in the multi-file runs; one process each less.
 */
const SINGLE = new Set(['empty', 'mixed', 'truncated', 'types', 'missing', 'latin1', 'binary']);
/** `tag --workers` (tagging on worker threads), where this build has it: the same lines, the same counts. */
const WORKERS = spawnSync(process.execPath, [CLI, 'tag', '--help'], { encoding: 'utf8' }).stdout.includes('--workers');
const model = path('model.json');

beforeAll(() => {
  for (const kind of KINDS) for (const c of CASES[kind]) writeFileSync(fileOf(kind, c), c.content);
  // good counterparts: gold for every valid transcript or tag id, and tags for every valid gold id
  writeFileSync(
    path('all.gold.jsonl'),
    [...new Set([...allOk('transcripts'), ...allOk('tags')])].map((id) => JSON.stringify(GOOD.gold(id))).join('\n'),
  );
  writeFileSync(
    path('all.tags.jsonl'),
    allOk('gold')
      .map((id) => JSON.stringify(GOOD.tags(id)))
      .join('\n'),
  );
  const big = Array.from({ length: 4000 }, (_, i) => JSON.stringify(GOOD.transcripts(`big-${i}`)));
  writeFileSync(path('big.jsonl'), `${big.join('\n')}\n`);
  writeFileSync(path('bigbad.jsonl'), `${Array.from({ length: 20_000 }, (_, i) => `{"id":"x${i}","turns":"nope"}`).join('\n')}\n`);

  const tFiles = T.map((c) => fileOf('transcripts', c));
  start('tag', ['tag', '--no-progress', ...tFiles]);
  if (WORKERS) start('tag --workers', ['tag', '--no-progress', '--workers', '2', ...tFiles]);
  start('tag stdin', ['tag', '--no-progress'], { input: CASES.transcripts.find((c) => c.slug === 'mixed')!.content });
  start('validate', ['validate', ...KINDS.flatMap((k) => CASES[k].map((c) => fileOf(k, c)))]);
  start('eval tags', ['eval', '--gold', path('all.gold.jsonl'), ...CASES.tags.map((c) => fileOf('tags', c))]);
  for (const c of CASES.gold.filter((x) => SINGLE.has(x.slug)))
    start(`eval gold ${c.slug}`, ['eval', '--gold', fileOf('gold', c), path('all.tags.jsonl')]);
  for (const c of T.filter((x) => SINGLE.has(x.slug)))
    start(`explain ${c.slug}`, ['explain', '--id', c.ok.at(-1)?.id ?? 'nobody', fileOf('transcripts', c)]);
  start('personas', ['personas', ...tFiles]);
  start('train', ['train', '--base', 'none', '--gold', path('all.gold.jsonl'), '--out', model, ...tFiles]);
  for (const c of T) if (c.bad.length) start(`tag --strict ${c.slug}`, ['tag', '--strict', '--no-progress', fileOf('transcripts', c)]);
  const mixed = fileOf(
    'transcripts',
    T.find((c) => c.slug === 'mixed')!,
  );
  start('validate --strict', ['validate', '--strict', mixed]);
  start('eval --strict', [
    'eval',
    '--strict',
    '--gold',
    path('all.gold.jsonl'),
    fileOf(
      'tags',
      CASES.tags.find((c) => c.slug === 'mixed')!,
    ),
  ]);
  start('explain --strict', ['explain', '--strict', '--id', 'mixed-c', mixed]);
  start('personas --strict', ['personas', '--strict', mixed]);
  start('train --strict', [
    'train',
    '--strict',
    '--base',
    'none',
    '--gold',
    path('all.gold.jsonl'),
    '--out',
    path('strict-model.json'),
    mixed,
  ]);
  for (const [what, arg] of [
    ['directory', dir],
    ['missing', path('no-such-file.jsonl')],
  ] as const) {
    const good = fileOf(
      'transcripts',
      T.find((c) => c.slug === 'bom')!,
    );
    start(`${what} tag`, ['tag', arg]);
    start(`${what} validate`, ['validate', arg]);
    if (what === 'directory') start(`${what} eval tags`, ['eval', '--gold', path('all.gold.jsonl'), arg]);
    else start(`${what} eval gold`, ['eval', '--gold', arg, path('all.tags.jsonl')]);
    start(`${what} explain`, ['explain', '--id', 'x', arg]);
    start(`${what} personas`, ['personas', good, arg]);
    if (what === 'missing')
      start(`${what} train transcripts`, ['train', '--base', 'none', '--gold', path('all.gold.jsonl'), '--out', path('x.json'), arg]);
    else start(`${what} train gold`, ['train', '--base', 'none', '--gold', arg, '--out', path('x.json'), good]);
  }
  const pipe = (args: string) =>
    `set -o pipefail; '${process.execPath}' '${CLI}' ${args} 2>'${path('pipe.err')}-$$' | head -1; s=$?; cat '${path('pipe.err')}'-$$ >&2; exit $s`;
  start('pipe tag', [], { shell: pipe(`tag --no-progress '${path('big.jsonl')}'`) });
  start('pipe tag json', [], { shell: pipe(`tag --no-progress --format json '${path('big.jsonl')}'`) });
  start('pipe validate', [], { shell: pipe(`validate --json '${path('bigbad.jsonl')}'`) });
  if (existsSync('/dev/full'))
    start('full disk', [], { shell: `'${process.execPath}' '${CLI}' tag --no-progress '${path('big.jsonl')}' > /dev/full` });
});

// ---------------------------------------------------------------- the matrix

describe.each(T.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const file = fileOf('transcripts', c);

  it('tag: tags every valid record in order, reports each bad one with file, line and field, and goes on', async () => {
    const r = await result('tag');
    expectClean(r);
    expect(r.code).toBe(0);
    const ids = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).id as string);
    const mine = ids.filter((id) => id.startsWith(`${c.slug}-`));
    expect(mine).toEqual(c.ok.map((o) => o.id));
    expectReported(r.stderr, file, c.bad);
  });

  it('tag --strict: stops at the first bad record with exit 1, after tagging the records before it', async () => {
    if (!c.bad.length) return; // nothing to stop at: the default run covers it
    const r = await result(`tag --strict ${c.slug}`);
    expectClean(r);
    expect(r.code).toBe(1);
    const first = c.bad[0]!;
    expect(r.stderr).toMatch(problemLine(file, first));
    const before = c.ok.filter((o) => o.line < first.line);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id),
    ).toEqual(before.map((o) => o.id));
    expect(r.stderr).toContain(`read ${before.length + 1}, ok ${before.length}, bad 1`);
  });

  it('validate: lists each problem with file, line and field on stdout, and exits 1 when any record is bad', async () => {
    const r = await result('validate');
    expectClean(r);
    for (const kind of KINDS) {
      const k = CASES[kind].find((x) => x.slug === c.slug)!;
      expectReported(r.stdout, fileOf(kind, k), k.bad);
      expect(r.stderr).toContain(`${fileOf(kind, k)} (${kind}): ${counts([k])}`);
    }
    expect(r.code).toBe(1); // some cases are bad
  });

  it('eval: reports bad tag and gold records, scores the rest, and exits 0', async () => {
    const tags = await result('eval tags');
    expectClean(tags);
    expect(tags.code).toBe(0);
    const k = CASES.tags.find((x) => x.slug === c.slug)!;
    expectReported(tags.stderr, fileOf('tags', k), k.bad);
    if (!SINGLE.has(c.slug)) return; // a clean variant: the gold reader is the one validate ran on it above
    const gold = await result(`eval gold ${c.slug}`);
    expectClean(gold);
    expect(gold.code).toBe(0);
    const g = CASES.gold.find((x) => x.slug === c.slug)!;
    expectReported(gold.stderr, fileOf('gold', g), g.bad);
    expect(gold.stderr).toContain(`gold: ${counts([g])}`);
    expect(gold.stdout).toMatch(/\| all \|/);
  });

  it.skipIf(!SINGLE.has(c.slug))(
    'explain: reports the bad records it passes, and explains the conversation asked for (or says it is not there)',
    async () => {
      const r = await result(`explain ${c.slug}`);
      expectClean(r);
      const target = c.ok.at(-1);
      if (target) {
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`conversation ${target.id}`);
        expectReported(
          r.stderr,
          file,
          c.bad.filter((b) => b.line < target.line),
        );
      } else {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${file}: no conversation with id nobody`);
        expectReported(r.stderr, file, c.bad);
      }
    },
  );

  it('personas and train: report the bad records and use the rest', async () => {
    const personas = await result('personas');
    expectClean(personas);
    expect(personas.code).toBe(0);
    expectReported(personas.stderr, file, c.bad);
    const train = await result('train');
    expectClean(train);
    expect(train.code).toBe(0);
    expectReported(train.stderr, file, c.bad);
  });
});

describe('the totals of the multi-file runs', () => {
  it('tag: records in = tagged + reported, one output line per valid record', async () => {
    const r = await result('tag');
    expect(r.stderr).toContain(counts(T));
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(allOk('transcripts').length);
  });

  it('tag on stdin names the problems <stdin>:LINE', async () => {
    const r = await result('tag stdin');
    const mixed = T.find((c) => c.slug === 'mixed')!;
    expectClean(r);
    expect(r.code).toBe(0);
    expectReported(r.stderr, '<stdin>', mixed.bad);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(mixed.ok.length);
  });

  it('personas and train count every record read', async () => {
    expect((await result('personas')).stderr).toContain(counts(T));
    const train = await result('train');
    expect(train.stderr).toContain(`transcripts: ${counts(T)}`);
    expect(existsSync(model) && JSON.parse(readFileSync(model, 'utf8')).format).toBe('convotag-model');
  });
});

describe('--strict on the other commands', () => {
  it.each(['validate --strict', 'eval --strict', 'explain --strict', 'personas --strict', 'train --strict'])(
    '%s stops at the first bad record with exit 1 and names it',
    async (name) => {
      const r = await result(name);
      expectClean(r);
      expect(r.code).toBe(1);
      const text = name.startsWith('validate') ? r.stdout + r.stderr : r.stderr;
      expect(text).toMatch(/mixed\.(transcripts|tags)\.jsonl:2: invalid JSON/);
    },
  );
});

describe('a directory or a missing path as argument', () => {
  // every command gets both; the file slot of eval and train gets one each (the check is the same for every slot)
  const runs = [
    ...['tag', 'validate', 'eval tags', 'explain', 'personas', 'train gold'].map((c) => [c, 'directory'] as const),
    ...['tag', 'validate', 'eval gold', 'explain', 'personas', 'train transcripts'].map((c) => [c, 'missing'] as const),
  ];
  it.each(runs)('%s on a %s: exit 1, a clear message, no output', async (cmd, what) => {
    const r = await result(`${what} ${cmd}`);
    expectClean(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(what === 'directory' ? /: is a directory, expected a file/ : /no-such-file\.jsonl: no such file/);
  });
});

describe('tag on worker threads', () => {
  it.skipIf(!WORKERS)('tag --workers 2 writes the same lines and counts the same as tag', async () => {
    const [one, pool] = await Promise.all([result('tag'), result('tag --workers')]);
    expectClean(pool);
    expect(pool.code).toBe(0);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stderr).toContain(counts(T));
  });
});

describe('an output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('tag > /dev/full: exit 1 with a plain message, no stack trace', async () => {
    const r = await result('full disk');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/convotag: cannot write the output \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('a closed stdout (convotag … | head -1)', () => {
  it.each(['pipe tag', 'pipe tag json', 'pipe validate'])('%s: exits 0 quietly, no EPIPE stack trace', async (name) => {
    const r = await result(name);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|^\s+at /m);
  });
});
