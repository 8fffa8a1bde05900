import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convotag } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'convotag-cli-'));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const good = (id: string) => JSON.stringify({ id, turns: [{ role: 'customer', text: `hallo ${id}` }] });

describe('convotag frame', () => {
  it('prints help and version, and exits 2 on usage errors', () => {
    expect(convotag(['--help']).stdout).toMatch(/validate/);
    expect(convotag(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(convotag(['frobnicate']).code).toBe(2);
    expect(convotag(['eval', 'x.jsonl']).code).toBe(2); // --gold missing
  });
});

describe('convotag validate', () => {
  it('passes the bundled sample files', () => {
    const r = convotag(['validate', 'fixtures/sample/transcripts.jsonl', 'fixtures/sample/gold.jsonl', 'fixtures/sample/tags.jsonl']);
    expect(r.stderr).toMatch(/read 3, ok 3, bad 0/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('lists problems with file, line and field on stdout and exits 1', () => {
    const p = file(
      'mixed.jsonl',
      [good('a'), '{oops', JSON.stringify({ id: 'b', turns: [{ role: 'klant', text: 'x' }] }), good('a')].join('\r\n'),
    );
    const r = convotag(['validate', p]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/mixed\.jsonl:2: invalid JSON/);
    expect(lines[1]).toMatch(/mixed\.jsonl:3: turns\[0\]\.role: .*\(id b\)/);
    expect(lines[2]).toMatch(/mixed\.jsonl:4: id: duplicate id, first seen on line 1/);
    expect(r.stderr).toMatch(/read 4, ok 1, bad 3/);
  });

  it('gives JSON Lines problems with --json and reads stdin', () => {
    const r = convotag(['validate', '--json', '-'], `${good('a')}\n{"id":1,"turns":[]}\n`);
    const problems = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'id'],
      [2, 'turns'],
    ]);
  });

  it('fails clearly on a missing file or a directory', () => {
    const missing = convotag(['validate', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: no such file/);
    expect(convotag(['validate', dir]).stderr).toMatch(/is a directory/);
  });

  it('stops at the first bad record under --strict', () => {
    const p = file('strict.jsonl', [good('a'), 'nope', good('b')].join('\n'));
    const r = convotag(['validate', '--strict', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/read 2, ok 1, bad 1/);
  });
});

describe('convotag eval', () => {
  it('scores tags against gold as a table and as JSON', () => {
    const table = convotag(['eval', '--gold', 'fixtures/sample/gold.jsonl', 'fixtures/sample/tags.jsonl']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\| all \| 3 \|/);
    const json = JSON.parse(convotag(['eval', '--json', '--gold', 'fixtures/sample/gold.jsonl', 'fixtures/sample/tags.jsonl']).stdout);
    // s-1 misses gift; s-2 right with item tripod = tripods; s-3 right (nothing)
    expect(json.pair.micro).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(json.items).toMatchObject({ gold: 1, matched: 1 });
    expect(json.exactMatch).toBeCloseTo(2 / 3);
    expect(Object.keys(json.perLanguage).sort()).toEqual(['en', 'nl']);
  });
});

describe('convotag tag and explain', () => {
  it('writes one JSON line per valid input transcript, in input order, and reports the rest', () => {
    const p = file(
      'tag.jsonl',
      [
        good('a'),
        'nope',
        JSON.stringify({ id: 'b', turns: [{ role: 'customer', text: 'Mijn pakket is nog steeds niet bezorgd!' }] }),
        good('c'),
      ].join('\n'),
    );
    const r = convotag(['tag', p]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(out[1].intents.map((i: { subtype: string }) => i.subtype)).toContain('delivery');
    expect(r.stderr).toMatch(/tag\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/read 4, ok 3, bad 1/);
    expect(convotag(['tag', '--strict', p]).code).toBe(1);
  });

  it('writes a JSON array with --format json and filters with --min-confidence', () => {
    const r = convotag(['tag', '--format', 'json', '--min-confidence', '1', 'fixtures/sample/transcripts.jsonl']);
    const arr = JSON.parse(r.stdout);
    expect(arr).toHaveLength(3);
    expect(arr.every((x: { intents: unknown[] }) => x.intents.length === 0)).toBe(true);
    expect(convotag(['tag', '--min-confidence', '7', 'fixtures/sample/transcripts.jsonl']).code).toBe(2);
  });

  it('explains one conversation: candidates with cues, model score, confidence and threshold', () => {
    const r = convotag(['explain', 'fixtures/sample/transcripts.jsonl', '--id', 's-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| obstacle\/delivery \| yes \|/);
    expect(r.stdout).toMatch(/"pakket"/);
    const json = JSON.parse(convotag(['explain', '--json', 'fixtures/sample/transcripts.jsonl', '--id', 's-1']).stdout);
    expect(json.candidates[0]).toHaveProperty('threshold');
    expect(convotag(['explain', 'fixtures/sample/transcripts.jsonl', '--id', 'nope']).code).toBe(1);
  });
});
