/**
 * Bounded memory for streams: generates a large JSON Lines file (seeded, in
 * os.tmpdir()), streams it through the built `convotag tag`, samples the
 * process's resident memory (RSS) while it runs, and reports whether it grows
 * with the amount read or stays flat.
 *
 *   npm run build && node bench/memory-stream.mjs [--mb 300] [--seed 42] [--keep] [--json] [-- extra tag flags]
 *
 * The file mixes Dutch and English conversations of 1–12 turns, a few long
 * turns (up to 200 kB) and one bad line in a thousand, so the reader, the
 * problem reports and the tagger all run. Flat means, after the first tenth
 * of the input (warm-up: module load, JIT, caches filling): the live heap
 * after full collections (from --trace-gc) peaks no higher in the second half
 * than 1.25× its peak in the first half (bounded caches make a sawtooth, a
 * leak a ramp), and the median RSS of the last quarter is at most 1.25× that
 * of the second quarter. The verdict comes with the numbers behind it.
 * Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dashdash = args.indexOf('--');
const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
const extra = dashdash >= 0 ? args.slice(dashdash + 1) : [];
const flag = (name, fallback) => {
  const i = own.indexOf(name);
  return i >= 0 ? Number(own[i + 1]) : fallback;
};
const megabytes = flag('--mb', 300);
const seed = flag('--seed', 42);
const keep = own.includes('--keep');
const asJson = own.includes('--json');
const cli = join(ROOT, 'dist/cli.js');
if (!existsSync(cli)) {
  process.stderr.write('memory-stream: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
if (!process.platform.startsWith('linux')) {
  process.stderr.write('memory-stream: samples /proc/<pid>/status and fdinfo, so it runs on Linux only\n');
  process.exit(2);
}

// ---------------------------------------------------------------- data

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMER = {
  nl: [
    'Hoi, mijn pakket is nog steeds niet binnen en het is een cadeau voor zaterdag',
    'Hebben jullie deze jas ook in het groen, maat M?',
    'Ik wil graag retourneren, de stoel is kapot aangekomen',
    'Verkopen jullie ook statieven van Manfrotto?',
    'Wat is het verschil tussen de pro en de gewone versie?',
    'De betaling met iDEAL lukt niet, ik krijg steeds een foutmelding',
    'We gaan over twee weken kamperen in Frankrijk, is deze tent waterdicht?',
    'Kan ik er meteen drie bestellen voor het hele team?',
    'Bedankt, het pakket is keurig op tijd aangekomen!',
  ],
  en: [
    'Hi, my parcel still has not arrived and it is a birthday gift for my wife',
    'Do you have this jacket in navy, size L?',
    'I would like to return the kettle, it leaks',
    'Do you stock Rapha bibs or anything similar?',
    'Is the premium version worth the extra money?',
    'The promo code is not working at checkout',
    'We are moving house next month, can you deliver on a Saturday?',
    'Could I add a matching case and a screen protector?',
    'Thanks, the order came this morning, all good',
  ],
};
const AGENT = {
  nl: ['Vervelend! Mag ik je ordernummer?', 'Dat kan, zal ik het voor je aanpassen?', 'Wil je er ook een hoes bij?'],
  en: ['Sorry to hear that, could I have your order number?', 'Sure, shall I change it for you?', 'Would you like a case with that?'],
};
const NOISE = ['😀', '👍🏽', 'e\u0301', '…', '!!', '??', '\u200d', '🎁', 'ß', 'İ'];

/** Writes about `bytes` of JSON Lines; returns the number of lines and how many of them are bad. */
async function generate(path, bytes, random) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const pick = (list) => list[Math.floor(random() * list.length)];
  let written = 0;
  let lines = 0;
  let bad = 0;
  let buffer = [];
  while (written < bytes) {
    lines++;
    let line;
    if (random() < 0.001) {
      bad++;
      line = random() < 0.5 ? `{"id":"broken-${lines}","turns":[` : JSON.stringify({ id: lines, turns: 'nope' });
    } else {
      const language = random() < 0.5 ? 'nl' : 'en';
      const turns = [];
      const n = 1 + Math.floor(random() * 12);
      for (let t = 0; t < n; t++) {
        const role = t % 2 === 0 ? 'customer' : 'agent';
        let text = role === 'customer' ? pick(CUSTOMER[language]) : pick(AGENT[language]);
        if (random() < 0.3) text += ` ${pick(NOISE)} #${Math.floor(random() * 1e6)}`;
        if (random() < 0.0005) text = `${text} `.repeat(1 + Math.floor(random() * 2500)); // a long turn, up to ~200 kB
        turns.push({ role, text });
      }
      line = JSON.stringify({
        id: `m-${lines}`,
        customerId: `c-${Math.floor(random() * 50_000)}`,
        channel: pick(['chat', 'email', 'social']),
        ...(random() < 0.5 ? { language } : {}),
        turns,
        metadata: { orderCount: Math.floor(random() * 20), totalSpend: Math.round(random() * 50_000) / 100 },
      });
    }
    buffer.push(line);
    written += Buffer.byteLength(line) + 1;
    if (buffer.length >= 2000) {
      if (!out.write(`${buffer.join('\n')}\n`)) await new Promise((r) => out.once('drain', r));
      buffer = [];
    }
  }
  out.end(buffer.length ? `${buffer.join('\n')}\n` : '');
  await new Promise((r) => out.on('finish', r));
  return { lines, bad };
}

// ---------------------------------------------------------------- run and sample

/** kB of a /proc/<pid>/status field, or undefined when the process is gone. */
function procStatus(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
/** How far the process has read into `file`: the offset of its descriptor (0 before it opened it). */
function position(pid, file, known) {
  try {
    if (known.fd === undefined)
      for (const fd of readdirSync(`/proc/${pid}/fd`))
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) {
          known.fd = fd;
          break;
        }
    if (known.fd === undefined) return known.last ?? 0;
    const m = readFileSync(`/proc/${pid}/fdinfo/${known.fd}`, 'utf8').match(/^pos:\s+(\d+)/m);
    if (m) known.last = Number(m[1]);
    return known.last;
  } catch {
    return known.last; // the file was closed: it was read to the end
  }
}

function runTag(file) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const known = {};
    // --trace-gc prints each collection on stdout, between the output lines: the live heap after a full one is what a leak grows
    const child = spawn(process.execPath, ['--trace-gc', cli, 'tag', '--no-progress', ...extra, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let outLines = 0;
    const liveHeap = [];
    let carry = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      const lines = (carry + text).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{')) outLines++;
        else {
          const m = line.match(/Mark-Compact(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/);
          if (m) liveHeap.push({ seconds: (Date.now() - started) / 1000, readMB: (known.last ?? 0) / 1e6, heapMB: Number(m[1]) });
        }
      }
    });
    let stderrTail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t) => (stderrTail = (stderrTail + t).slice(-4000)));
    const samples = [];
    const timer = setInterval(() => {
      const rss = procStatus(child.pid, 'VmRSS');
      const read = position(child.pid, file, known);
      if (rss !== undefined && read !== undefined)
        samples.push({ seconds: (Date.now() - started) / 1000, readMB: read / 1e6, rssMB: rss / 1024 });
    }, 250);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      if (carry.startsWith('{')) outLines++;
      done({ code, seconds: (Date.now() - started) / 1000, samples, liveHeap, outLines, stderrTail });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

// ---------------------------------------------------------------- main

const file = join(tmpdir(), `convotag-memory-${megabytes}mb-seed${seed}.jsonl`);
let generated;
if (existsSync(file) && keep) process.stderr.write(`memory-stream: reusing ${file}\n`);
else {
  process.stderr.write(`memory-stream: writing ${megabytes} MB to ${file} (seed ${seed}) …\n`);
  generated = await generate(file, megabytes * 1e6, mulberry32(seed));
}
const size = statSync(file).size;
process.stderr.write(`memory-stream: convotag tag ${extra.join(' ')} on ${(size / 1e6).toFixed(0)} MB …\n`);
const run = await runTag(file);
if (!keep) rmSync(file, { force: true });

const summary = run.stderrTail.match(/read (\d+), ok (\d+), bad (\d+)/);
const [read, ok, bad] = summary ? summary.slice(1).map(Number) : [NaN, NaN, NaN];
// Drop the warm-up (first tenth of the input: module load, JIT, caches filling). The live heap after full
// collections must not climb (a sawtooth of bounded caches is fine); the RSS must not keep rising either.
const total = run.samples.at(-1)?.readMB ?? 0;
const steady = run.samples.filter((s) => s.readMB >= total * 0.1);
const q = Math.floor(steady.length / 4);
const early = median(steady.slice(q, 2 * q).map((s) => s.rssMB));
const late = median(steady.slice(3 * q).map((s) => s.rssMB));
const peak = Math.max(...run.samples.map((s) => s.rssMB));
const heap = run.liveHeap.filter((h) => h.readMB >= total * 0.1);
const half = Math.floor(heap.length / 2);
const heapFirst = Math.max(...heap.slice(0, half).map((h) => h.heapMB));
const heapLast = Math.max(...heap.slice(half).map((h) => h.heapMB));
const heapFlat = heap.length >= 4 && heapLast <= heapFirst * 1.25;
const rssFlat = steady.length >= 8 && late <= early * 1.25;
const flat = heapFlat && rssFlat;
const result = {
  file: { megabytes: size / 1e6, seed, lines: generated?.lines, badLines: generated?.bad },
  run: {
    exitCode: run.code,
    seconds: run.seconds,
    read,
    ok,
    bad,
    outputLines: run.outLines,
    conversationsPerSecond: Math.round(read / run.seconds),
  },
  rssMB: { secondQuarter: early, lastQuarter: late, peak, samples: run.samples.length, flat: rssFlat },
  liveHeapMB: { firstHalfMax: heapFirst, lastHalfMax: heapLast, fullCollections: heap.length, flat: heapFlat },
  flat,
  invariant: read === ok + bad && run.outLines === ok,
};

if (asJson) process.stdout.write(`${JSON.stringify({ ...result, samples: run.samples, liveHeap: run.liveHeap }, null, 2)}\n`);
else {
  const rows = [];
  const step = Math.max(1, Math.floor(run.samples.length / 12));
  for (let i = 0; i < run.samples.length; i += step) {
    const s = run.samples[i];
    rows.push(`| ${s.seconds.toFixed(1)} | ${s.readMB.toFixed(0)} | ${s.rssMB.toFixed(0)} |`);
  }
  process.stdout.write(
    [
      `# Memory of convotag tag on a ${result.file.megabytes.toFixed(0)} MB stream`,
      '',
      `exit ${run.code}; ${read} read, ${ok} ok, ${bad} bad; ${run.outLines} output lines; ${run.seconds.toFixed(0)} s (${result.run.conversationsPerSecond} conv/s)`,
      `records in = tagged + reported: ${result.invariant ? 'yes' : 'NO'}`,
      '',
      '| s | MB read | RSS MB |',
      '|---:|---:|---:|',
      ...rows,
      '',
      `RSS after warm-up: second quarter ${early.toFixed(0)} MB, last quarter ${late.toFixed(0)} MB (median), peak ${peak.toFixed(0)} MB: ${rssFlat ? 'flat' : 'GROWS'}`,
      `live heap after full collections (${heap.length}): at most ${heapFirst.toFixed(0)} MB in the first half, ${heapLast.toFixed(0)} MB in the second: ${heapFlat ? 'flat' : 'GROWS'}`,
      `verdict: ${flat ? 'flat — memory does not grow with the input' : 'GROWS (or too few samples)'}`,
      '',
    ].join('\n'),
  );
}
process.exitCode = flat && result.invariant && run.code === 0 ? 0 : 1;
