import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convotag } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'convotag-workers-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// both languages, several hundred conversations: more batches than threads, so order is really at stake
const corpus = file(
  'train.jsonl',
  readFileSync('fixtures/corpus/nl.train.transcripts.jsonl', 'utf8') + readFileSync('fixtures/corpus/en.train.transcripts.jsonl', 'utf8'),
);

describe('convotag tag --workers', () => {
  it('writes the same lines in the same order as the single-threaded tagger', () => {
    const single = convotag(['tag', '-q', corpus]);
    expect(single.code).toBe(0);
    const lines = single.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.some((l) => JSON.parse(l).intents.length > 0)).toBe(true);
    for (const n of ['2', '3']) {
      const pooled = convotag(['tag', '-q', '--workers', n, corpus]);
      expect(pooled.code).toBe(0);
      expect(pooled.stdout).toBe(single.stdout);
    }
  });

  it('keeps --format json, --lang and stdin working', () => {
    const input = readFileSync('fixtures/corpus/en.train.transcripts.jsonl', 'utf8');
    const single = convotag(['tag', '-q', '--format', 'json', '--lang', 'en'], input);
    const pooled = convotag(['tag', '-q', '--format', 'json', '--lang', 'en', '--workers', '2'], input);
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(pooled.stdout)).toHaveLength(input.trim().split('\n').length);
  });

  it('reports bad records like the single-threaded path, and under --strict delivers what came before', () => {
    const good = (id: string) => JSON.stringify({ id, turns: [{ role: 'customer', text: `I need a gift for my sister, ${id}` }] });
    const lines = Array.from({ length: 450 }, (_, i) => good(`c${i}`));
    lines.splice(300, 0, '{broken');
    const p = file('mixed.jsonl', lines.join('\n'));
    const single = convotag(['tag', p]);
    const pooled = convotag(['tag', '--workers', '2', p]);
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stderr).toMatch(/mixed\.jsonl:301/);
    expect(pooled.stderr).toMatch(/read 451, ok 450, bad 1/);

    const strictSingle = convotag(['tag', '--strict', p]);
    const strictPooled = convotag(['tag', '--strict', '--workers', '2', p]);
    expect(strictPooled.code).toBe(1);
    expect(strictPooled.stdout).toBe(strictSingle.stdout);
    expect(strictPooled.stdout.trim().split('\n')).toHaveLength(300);
  });

  it('rejects a bad worker count with exit code 2', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) expect(convotag(['tag', '--workers', bad, corpus]).code).toBe(2);
  });
});

describe('createTaggerPool (built package)', () => {
  const transcripts = readFileSync('fixtures/corpus/en.train.transcripts.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

  it('gives the single-threaded results in input order, from ESM and CJS', async () => {
    const api = await import(pathToFileURL(resolve('dist/index.js')).href);
    const tagger = api.createTagger();
    const expected = transcripts.map((t) => tagger.tag(t));
    const pool = api.createTaggerPool({ workers: 2, batchSize: 16 });
    const got = [];
    try {
      for await (const r of pool.tagMany(transcripts)) got.push(r);
    } finally {
      await pool.close();
    }
    expect(got).toEqual(expected);

    const cjs = createRequire(import.meta.url)(resolve('dist/index.cjs'));
    const cjsPool = cjs.createTaggerPool({ workers: 1, minConfidence: 0.5 });
    const strict = [];
    try {
      for await (const r of cjsPool.tagMany(transcripts.slice(0, 40))) strict.push(r);
    } finally {
      await cjsPool.close();
    }
    const strictTagger = api.createTagger({ minConfidence: 0.5 });
    expect(strict).toEqual(transcripts.slice(0, 40).map((t) => strictTagger.tag(t)));
  });

  it('refuses bad options before starting threads', async () => {
    const api = await import(pathToFileURL(resolve('dist/index.js')).href);
    expect(() => api.createTaggerPool({ workers: 0 })).toThrow(/workers/);
    expect(() => api.createTaggerPool({ model: join(dir, 'missing-model.json') })).toThrow(/cannot read model/);
  });
});
