/**
 * Tagging speed on generated conversations (recombined train turns; speed
 * only, never accuracy): conversations and tokens per second of
 * `tagger.tag` on one thread, against wink-nlp's bare tokenisation of the
 * same turn texts in the same process; then `convotag tag` on a file, on the
 * main thread and with --workers 1 and 2, with identical output checked.
 */
import { createReadStream, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { generateArray } from '../lib/generate.mjs';
import { CLI, loadApi } from '../lib/dist.mjs';
import { runNode } from '../lib/proc.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, table, verdict } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);

/**
 * How many cores this process really gets right now: the same busy loop on
 * one thread, then on `n` threads at once; n = perfect scaling. Other work on
 * the machine lowers it, and with it what any worker pool can reach.
 */
async function parallelism(n) {
  const loop = `let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const once = (threads) => {
    const t0 = performance.now();
    return Promise.all(
      Array.from({ length: threads }, () => new Promise((resolve) => new Worker(loop, { eval: true }).once('message', resolve))),
    ).then(() => (performance.now() - t0) / 1000);
  };
  const one = await once(1);
  const many = await once(n);
  return (n * one) / many;
}

/** Wall time and this process's CPU time of one call (CPU time is less disturbed by other work on the machine). */
function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, value };
}

export async function run({ quick }) {
  const api = await loadApi();
  const count = quick ? 20_000 : 100_000;
  const rounds = 2;
  log(`speed: generating ${fmt.int(count)} conversations`);
  const conversations = generateArray(count, 7);
  const texts = conversations.flatMap((c) => c.turns.map((t) => t.text));
  let tokens = 0;
  let chars = 0;
  for (const text of texts) {
    tokens += api.tokenize(text).norm.length;
    chars += text.length;
  }

  const tagger = api.createTagger();
  const winkNLP = require('wink-nlp');
  const winkModel = require('wink-eng-lite-web-model');
  const bare = winkNLP(winkModel, []); // an empty pipe: tokenisation only
  const tagAll = () => {
    let pairs = 0;
    for (const c of conversations) pairs += tagger.tag(c).intents.length;
    return pairs;
  };
  let winkTokens = 0;
  const winkAll = () => {
    let n = 0;
    for (const text of texts) n += bare.readDoc(text).tokens().length();
    winkTokens = n;
    return n;
  };
  // warm-up of both, then alternating rounds so a busy neighbour hurts both alike; the best round counts
  for (let i = 0; i < 2000 && i < conversations.length; i++) tagger.tag(conversations[i]);
  for (let i = 0; i < 5000 && i < texts.length; i++) bare.readDoc(texts[i]);
  const tagRounds = [];
  const winkRounds = [];
  let pairs = 0;
  for (let r = 0; r < rounds; r++) {
    const t = timed(tagAll);
    pairs = t.value;
    tagRounds.push(t);
    const w = timed(winkAll);
    winkRounds.push(w);
    log(`speed: round ${r + 1}: tag ${fmt.int(count / t.seconds)} conv/s, wink-nlp tokenisation ${fmt.int(count / w.seconds)} conv/s`);
  }
  const tagSeconds = Math.min(...tagRounds.map((t) => t.seconds));
  const winkSeconds = Math.min(...winkRounds.map((t) => t.seconds));
  const tagCpu = Math.min(...tagRounds.map((t) => t.cpuSeconds));
  const winkCpu = Math.min(...winkRounds.map((t) => t.cpuSeconds));
  // wink-nlp's full default pipeline (sentences, POS, entities, negation, sentiment), on a slice, for scale
  const slice = texts.slice(0, Math.min(texts.length, quick ? 10_000 : 30_000));
  const full = winkNLP(winkModel);
  const fullRun = timed(() => {
    for (const text of slice) full.readDoc(text).tokens().length();
  });
  const singleThread = {
    conversations: count,
    turns: texts.length,
    tokens,
    megabytes: chars / 1e6,
    pairsTagged: pairs,
    seconds: tagSeconds,
    conversationsPerSecond: count / tagSeconds,
    tokensPerSecond: tokens / tagSeconds,
    conversationsPerCpuSecond: count / tagCpu,
  };
  const wink = {
    bare: {
      seconds: winkSeconds,
      tokens: winkTokens,
      conversationsPerSecond: count / winkSeconds,
      tokensPerSecond: winkTokens / winkSeconds,
      conversationsPerCpuSecond: count / winkCpu,
    },
    fullPipeline: { turns: slice.length, turnsPerSecond: slice.length / fullRun.seconds },
  };

  // the CLI on a file: main thread, then worker pools
  const file = join(tmpdir(), `convotag-bench-speed-${process.pid}.jsonl`);
  writeFileSync(file, conversations.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const cores = availableParallelism();
  const variants = [{ name: 'main thread', args: [] }];
  for (let n = 1; n <= Math.max(2, cores); n++) variants.push({ name: `--workers ${n}`, workers: n, args: ['--workers', String(n)] });
  const cli = [];
  const available = { before: await parallelism(cores) };
  log(`speed: ${cores} busy threads run ${fmt.f2(available.before)}× as fast as one (${cores}× = all cores free)`);
  try {
    for (const v of variants) {
      const r = await runNode([CLI, 'tag', file, '-q', '--no-progress', ...v.args]);
      if (r.code !== 0) throw new Error(`convotag tag ${v.args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      cli.push({
        name: v.name,
        workers: v.workers ?? 0,
        seconds: r.seconds,
        lines: r.lines,
        sha256: r.sha256,
        conversationsPerSecond: count / r.seconds,
      });
      log(`speed: convotag tag ${v.name}: ${fmt.int(count / r.seconds)} conv/s`);
    }
  } finally {
    rmSync(file, { force: true });
  }
  available.after = await parallelism(cores);
  const one = cli.find((c) => c.workers === 1);
  for (const c of cli) c.speedupOverOneWorker = c.conversationsPerSecond / one.conversationsPerSecond;
  const identical = cli.every((c) => c.sha256 === cli[0].sha256 && c.lines === count);
  const ratioToWink = singleThread.conversationsPerSecond / wink.bare.conversationsPerSecond;
  return {
    cores,
    singleThread,
    wink,
    ratioToWink,
    ratioToWinkByCpuTime: singleThread.conversationsPerCpuSecond / wink.bare.conversationsPerCpuSecond,
    cli,
    availableParallelism: available,
    identicalOutput: identical,
    goals: { atLeastWinkTokenisation: { target: 1, value: ratioToWink, met: ratioToWink >= 1 } },
  };
}

export function markdown(r) {
  const head = '### Speed (generated conversations: train turns recombined, seed 7)';
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  const s = r.singleThread;
  const out = [head, ''];
  out.push(
    `${fmt.int(s.conversations)} conversations, ${fmt.int(s.turns)} turns, ${fmt.int(s.tokens)} tokens, ${fmt.f1(s.megabytes)} MB of text; in one process, best of 2 alternating rounds:`,
    '',
  );
  out.push(
    table(
      ['', 'conversations/s', 'tokens/s', 'ratio'],
      [
        ['convotag `tagger.tag` (1 thread)', fmt.int(s.conversationsPerSecond), fmt.int(s.tokensPerSecond), '1.00×'],
        [
          'wink-nlp bare tokenisation, same turns',
          fmt.int(r.wink.bare.conversationsPerSecond),
          fmt.int(r.wink.bare.tokensPerSecond),
          `convotag ÷ wink = ${fmt.x(r.ratioToWink)}`,
        ],
        ['wink-nlp full default pipeline (slice)', `${fmt.int(r.wink.fullPipeline.turnsPerSecond)} turns/s`, '', ''],
      ],
    ),
  );
  out.push(
    '',
    `By CPU time instead of wall time (less sensitive to other load): convotag ${fmt.int(s.conversationsPerCpuSecond)}, wink-nlp ${fmt.int(r.wink.bare.conversationsPerCpuSecond)} conversations per CPU-second, ratio ${fmt.x(r.ratioToWinkByCpuTime)}.`,
  );
  out.push(
    '',
    `\`convotag tag FILE\` (${r.cores} cores; whole process incl. start-up, reading and writing). Cores actually free: ${r.cores} busy threads ran ${fmt.x(r.availableParallelism.before)} (before) and ${fmt.x(r.availableParallelism.after)} (after) as fast as one, where ${r.cores}× means all free:`,
    '',
  );
  out.push(
    table(
      ['run', 'seconds', 'conversations/s', 'vs --workers 1'],
      r.cli.map((c) => [c.name, fmt.f1(c.seconds), fmt.int(c.conversationsPerSecond), fmt.x(c.speedupOverOneWorker)]),
    ),
  );
  out.push(
    '',
    `Output identical in every run (same SHA-256, ${fmt.int(s.conversations)} lines): ${verdict(r.identicalOutput)}. Goal: tagging ≥ wink-nlp tokenisation → ${verdict(r.goals.atLeastWinkTokenisation.met)} (${fmt.x(r.ratioToWink)}).`,
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
