/**
 * Memory of `convotag tag` on an endless stream: a generator process writes
 * conversations (recombined train turns) into its stdin through a pipe, and
 * its resident memory is sampled from /proc as the conversations go by. The
 * claim is a flat line: memory must not grow with the input.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/corpus.mjs';
import { CLI, DIST } from '../lib/dist.mjs';
import { runNode } from '../lib/proc.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, linearFit, table, verdict } from '../lib/stats.mjs';

const GENERATOR = join(ROOT, 'bench', 'lib', 'generate.mjs');
const LIMIT_MB = 200;
const CAP = '--max-old-space-size=160';

/** What the process holds before the first conversation: Node itself, the bundle, the tagger with its model. */
async function baseline() {
  const script = `
    const mb = (x) => x / 1048576;
    const m0 = process.memoryUsage();
    const api = await import(${JSON.stringify(pathToFileURL(join(DIST, 'index.js')).href)});
    global.gc(); const m1 = process.memoryUsage();
    api.createTagger().tag({ id: 'x', turns: [{ role: 'customer', text: 'a gift for my mum' }] });
    global.gc(); const m2 = process.memoryUsage();
    console.log(JSON.stringify({ nodeRssMB: mb(m0.rss), importedRssMB: mb(m1.rss), importedHeapMB: mb(m1.heapUsed), taggerRssMB: mb(m2.rss), taggerHeapMB: mb(m2.heapUsed) }));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { error: r.stderr.slice(0, 300) };
  }
}

async function stream(count, extraArgs, sampleMs, nodeOptions = '') {
  const generator = spawn(process.execPath, [GENERATOR, String(count), '11'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const samples = [];
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const r = await runNode([CLI, 'tag', '-', '-q', '--no-progress', ...extraArgs], {
    stdin: generator.stdout,
    sampleMs,
    onSample: (s) => samples.push(s),
    env,
  });
  generator.kill();
  if (r.code !== 0) throw new Error(`convotag tag exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  if (r.lines !== count) throw new Error(`convotag tag wrote ${r.lines} lines for ${count} conversations`);
  const peakMB = Math.max(...samples.map((s) => s.peakMB));
  // after a warm-up (the first 10% of the stream: model loading, JIT, caches filling), memory should not trend upwards
  const steady = samples.filter((s) => s.lines >= count * 0.1);
  const fit = linearFit(
    steady.map((s) => s.lines),
    steady.map((s) => s.rssMB),
  );
  const growthMB = fit.slope * (count * 0.9);
  // V8 lets garbage pile up before a full collection, so RSS is a saw-tooth: compare the peaks of the two halves
  const peakOf = (from, to) => Math.max(...samples.filter((s) => s.lines >= count * from && s.lines < count * to).map((s) => s.rssMB));
  const firstHalfPeakMB = peakOf(0.1, 0.55);
  const secondHalfPeakMB = peakOf(0.55, 1.01);
  const checkpoints = [];
  for (let p = 1; p <= 10; p++) {
    const at = samples.filter((s) => s.lines <= (count * p) / 10).at(-1);
    if (at) checkpoints.push({ share: p / 10, lines: at.lines, rssMB: at.rssMB });
  }
  return {
    conversations: count,
    args: extraArgs,
    nodeOptions,
    seconds: r.seconds,
    conversationsPerSecond: count / r.seconds,
    samples: samples.length,
    peakMB,
    firstSteadyMB: steady[0]?.rssMB ?? null,
    lastMB: samples.at(-1)?.rssMB ?? null,
    slopeMBPer100k: fit.slope * 100_000,
    growthMB,
    firstHalfPeakMB,
    secondHalfPeakMB,
    flat: secondHalfPeakMB <= firstHalfPeakMB * 1.1 + 10,
    checkpoints,
  };
}

export async function run({ quick }) {
  if (process.platform !== 'linux') return { skipped: 'memory sampling reads /proc: Linux only' };
  const count = quick ? 100_000 : 1_000_000;
  log(`memory: streaming ${fmt.int(count)} generated conversations into convotag tag`);
  const single = await stream(count, [], quick ? 200 : 500);
  log(`memory: peak ${fmt.f1(single.peakMB)} MB, trend ${fmt.f1(single.slopeMBPer100k)} MB per 100k conversations`);
  // the same stream with V8's old space capped: it finishes (no leak) and shows the floor of the process
  const cappedCount = quick ? count : Math.round(count / 2);
  log(`memory: streaming ${fmt.int(cappedCount)} conversations with NODE_OPTIONS=${CAP}`);
  const capped = await stream(cappedCount, [], quick ? 200 : 500, CAP);
  log(`memory: capped peak ${fmt.f1(capped.peakMB)} MB`);
  const pooledCount = Math.round(count / 5);
  log(`memory: streaming ${fmt.int(pooledCount)} conversations into convotag tag --workers 2`);
  const pooled = await stream(pooledCount, ['--workers', '2'], 200);
  log(`memory: --workers 2 peak ${fmt.f1(pooled.peakMB)} MB`);
  return {
    baseline: await baseline(),
    runs: [single, capped, pooled],
    goals: { peakUnder200MB: { target: LIMIT_MB, value: single.peakMB, met: single.peakMB < LIMIT_MB && single.flat } },
  };
}

export function markdown(r) {
  const head = '### Memory: `convotag tag` on a stream (generated conversations piped to stdin)';
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  if (r.skipped) return `${head}\n\n_${r.skipped}._`;
  const out = [head, ''];
  out.push(
    table(
      ['run', 'conversations', 'conv/s', 'peak RSS MB', 'highest RSS, 1st → 2nd half, MB', 'fitted trend MB / 100k conv.', 'flat'],
      r.runs.map((x) => [
        `${x.nodeOptions ? `NODE_OPTIONS=${x.nodeOptions} ` : ''}\`tag -${x.args.length ? ` ${x.args.join(' ')}` : ''}\``,
        fmt.int(x.conversations),
        fmt.int(x.conversationsPerSecond),
        fmt.f1(x.peakMB),
        `${fmt.f1(x.firstHalfPeakMB)} → ${fmt.f1(x.secondHalfPeakMB)}`,
        fmt.f2(x.slopeMBPer100k),
        verdict(x.flat),
      ]),
    ),
  );
  const b = r.baseline;
  if (b && !b.error)
    out.push(
      '',
      `Before the first conversation: Node alone ${fmt.f1(b.nodeRssMB)} MB RSS; after importing convotag ${fmt.f1(b.importedRssMB)} MB (heap ${fmt.f1(b.importedHeapMB)} MB); with a tagger (built-in model) ${fmt.f1(b.taggerRssMB)} MB (heap ${fmt.f1(b.taggerHeapMB)} MB).`,
    );
  const s = r.runs[0];
  out.push(
    '',
    `RSS over the stream (single thread): ${s.checkpoints.map((c) => `${Math.round(c.share * 100)}% ${fmt.f1(c.rssMB)}`).join(' · ')} MB.`,
  );
  out.push(
    '',
    `Flat = the highest RSS of the second half of the stream is at most 10% (+10 MB) above that of the first half (after the first 10%); V8 collects lazily, so RSS is a saw-tooth and the capped run shows the floor. Goal: peak RSS < ${LIMIT_MB} MB and flat for the stream → ${verdict(r.goals.peakUnder200MB.met)}.`,
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
