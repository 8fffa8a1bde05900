/**
 * `convotag train` at scale: wall time and peak resident memory for growing
 * numbers of labelled conversations. The goal is 10,000 conversations in
 * under a minute, with memory that stays flat as the data grows.
 *
 * The data repeats the corpus train split under new conversation and
 * customer ids (so folds still group by customer). It serves speed and
 * memory only, never accuracy; repetition also lets every feature pass the
 * minimum document frequency, so the vocabulary (28k features) is larger than
 * a model of the real split has, which makes this a harder case.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS, loadSplit } from '../lib/corpus.mjs';
import { CLI } from '../lib/dist.mjs';
import { runNode } from '../lib/proc.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, table, verdict } from '../lib/stats.mjs';

/** Writes `n` labelled conversations (transcripts and gold) made of renamed copies of the train split. */
function writeTrainingData(dir, n) {
  const source = LANGS.flatMap((lang) => {
    const split = loadSplit(lang, 'train');
    return split.transcripts.map((t) => ({ t, g: split.goldById.get(t.id) }));
  });
  const transcripts = [];
  const gold = [];
  for (let i = 0; i < n; i++) {
    const { t, g } = source[i % source.length];
    const round = Math.floor(i / source.length);
    const id = `${t.id}~${round}`;
    transcripts.push(JSON.stringify({ ...t, id, customerId: `${t.customerId}~${round}` }));
    gold.push(JSON.stringify({ ...g, id }));
  }
  const paths = { transcripts: join(dir, `t${n}.jsonl`), gold: join(dir, `g${n}.jsonl`), model: join(dir, `m${n}.json`) };
  writeFileSync(paths.transcripts, `${transcripts.join('\n')}\n`);
  writeFileSync(paths.gold, `${gold.join('\n')}\n`);
  return paths;
}

export async function run({ quick }) {
  const sizes = quick ? [5_000, 10_000, 20_000] : [1_000, 2_500, 5_000, 10_000, 20_000];
  const dir = mkdtempSync(join(tmpdir(), 'convotag-bench-train-'));
  const runs = [];
  try {
    for (const n of sizes) {
      const p = writeTrainingData(dir, n);
      let peakMB = 0;
      const r = await runNode([CLI, 'train', '-q', '--base', 'none', '--gold', p.gold, p.transcripts, '--out', p.model], {
        sampleMs: 100,
        onSample: (m) => (peakMB = Math.max(peakMB, m.peakMB)),
      });
      if (r.code !== 0) throw new Error(`convotag train on ${n} conversations exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      runs.push({ conversations: n, seconds: r.seconds, perSecond: n / r.seconds, peakRssMB: peakMB });
      log(`training: ${fmt.int(n)} conversations in ${fmt.f1(r.seconds)} s, peak RSS ${fmt.int(peakMB)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const at = (n) => runs.find((r) => r.conversations === n);
  const tenK = at(10_000);
  const largest = runs[runs.length - 1];
  // Flat: from twice the distinct conversations on, every feature of the repeated split is in the vocabulary
  // (it occurs at least twice), so what is left to grow is per conversation; four times the conversations
  // may then take at most 1.25× the memory.
  const distinct = LANGS.reduce((n, lang) => n + loadSplit(lang, 'train').transcripts.length, 0);
  const base = runs.find((r) => r.conversations >= 2 * distinct && r.conversations * 4 <= largest.conversations);
  const growth = base ? largest.peakRssMB / base.peakRssMB : null;
  return {
    runs,
    distinct,
    goals: {
      tenThousandUnder60s: { target: 60, value: tenK?.seconds ?? null, met: tenK ? tenK.seconds < 60 : null },
      flatMemory: {
        target: 1.25,
        value: growth,
        from: base?.conversations ?? null,
        to: largest.conversations,
        met: growth === null ? null : growth <= 1.25,
      },
    },
  };
}

export function markdown(r) {
  const head = '### Training: `convotag train --base none` on growing labelled sets';
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  const out = [head, ''];
  out.push(
    table(
      ['conversations', 'seconds', 'conversations/s', 'peak RSS MB'],
      r.runs.map((x) => [fmt.int(x.conversations), fmt.f1(x.seconds), fmt.int(x.perSecond), fmt.int(x.peakRssMB)]),
    ),
  );
  const g = r.goals;
  out.push(
    '',
    `Data: the train split repeated under new ids and customers (speed and memory only). Goals: 10,000 in < 60 s → ${verdict(g.tenThousandUnder60s.met)}${g.tenThousandUnder60s.value === null ? '' : ` (${fmt.f1(g.tenThousandUnder60s.value)} s)`}; flat memory, 4× the conversations ≤ 1.25× the peak RSS → ${verdict(g.flatMemory.met)}${g.flatMemory.value === null ? '' : ` (${fmt.int(g.flatMemory.from)} → ${fmt.int(g.flatMemory.to)}: ${fmt.f2(g.flatMemory.value)}×)`}. The split has ${fmt.int(r.distinct)} distinct conversations; below twice that the vocabulary still grows, so flatness is read from there on.`,
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
