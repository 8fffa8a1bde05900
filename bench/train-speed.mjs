// Training speed and memory: `convotag train` on N labelled conversations (default 10,000),
// made by repeating the corpus train split under new ids and customers (speed only, never accuracy).
// Usage: node bench/train-speed.mjs [N]   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const n = Number(process.argv[2] ?? 10_000);
const read = (p) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const source = ['nl', 'en'].flatMap((l) => {
  const gold = new Map(read(`fixtures/corpus/${l}.train.gold.jsonl`).map((g) => [g.id, g]));
  return read(`fixtures/corpus/${l}.train.transcripts.jsonl`).map((t) => ({ t, g: gold.get(t.id) }));
});
const dir = mkdtempSync(join(tmpdir(), 'convotag-train-bench-'));
const t = [];
const g = [];
for (let i = 0; i < n; i++) {
  const { t: tr, g: gd } = source[i % source.length];
  const round = Math.floor(i / source.length);
  const id = `${tr.id}~${round}`;
  t.push(JSON.stringify({ ...tr, id, customerId: `${tr.customerId}~${round}` }));
  g.push(JSON.stringify({ ...gd, id }));
}
writeFileSync(join(dir, 't.jsonl'), `${t.join('\n')}\n`);
writeFileSync(join(dir, 'g.jsonl'), `${g.join('\n')}\n`);
const started = Date.now();
const r = spawnSync(
  '/usr/bin/time',
  [
    '-v',
    process.execPath,
    'dist/cli.js',
    'train',
    '-q',
    '--base',
    'none',
    '--gold',
    join(dir, 'g.jsonl'),
    join(dir, 't.jsonl'),
    '--out',
    join(dir, 'model.json'),
  ],
  { encoding: 'utf8' },
);
const seconds = (Date.now() - started) / 1000;
const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(1);
}
const result = { examples: n, seconds, peakRssMb: Math.round(rss) };
console.log(JSON.stringify(result));
