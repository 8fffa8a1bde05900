/**
 * The real, unlabelled customer-service threads of ../shared/datasets
 * (Twitter support threads, Bitext, ABCD) through the built `convotag tag`:
 * every record must be read and tagged without a single error. Reports per
 * file the counts (read, ok, bad, output lines), errors, speed, the share of
 * conversations tagged per intent, and the most frequent pairs.
 *
 *   npm run build && node bench/real-datasets.mjs [--datasets DIR] [--json]
 *
 * Exit code 1 when any file had an error (a bad record, a crash, a missing
 * output line); 0 otherwise, also when the datasets are absent (skipped).
 * The data stay where they are: nothing of their text is written anywhere.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--datasets');
const datasets = at >= 0 ? resolve(args[at + 1] ?? '') : resolve(ROOT, '../shared/datasets');
const asJson = args.includes('--json');
const cli = join(ROOT, 'dist/cli.js');

if (!existsSync(cli)) {
  process.stderr.write('real-datasets: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
if (!existsSync(datasets)) {
  process.stdout.write(`real-datasets: skipped, no datasets at ${datasets}\n`);
  process.exit(0);
}
const wanted = /^(twcs_.*|bitext|abcd.*)\.transcripts\.jsonl$/;
const files = readdirSync(datasets)
  .filter((f) => wanted.test(f))
  .sort();
if (!files.length) {
  process.stdout.write(`real-datasets: skipped, no twcs_*/bitext/abcd transcripts in ${datasets}\n`);
  process.exit(0);
}

/** Runs `convotag tag` on one file; streams its output through the counters without keeping it. */
function tagFile(file) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'tag', '--no-progress', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stats = { lines: 0, tagged: 0, withItems: 0, unparsable: 0, intents: {}, pairs: {}, languages: {} };
    let carry = '';
    const count = (line) => {
      if (!line) return;
      stats.lines++;
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        stats.unparsable++;
        return;
      }
      stats.languages[r.language] = (stats.languages[r.language] ?? 0) + 1;
      if (r.intents.length) stats.tagged++;
      if (r.items.length) stats.withItems++;
      for (const intent of new Set(r.intents.map((i) => i.intent))) stats.intents[intent] = (stats.intents[intent] ?? 0) + 1;
      for (const i of r.intents) stats.pairs[`${i.intent}/${i.subtype}`] = (stats.pairs[`${i.intent}/${i.subtype}`] ?? 0) + 1;
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      const parts = (carry + text).split('\n');
      carry = parts.pop() ?? '';
      for (const p of parts) count(p);
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t) => (stderr += t));
    child.on('error', fail);
    child.on('close', (code) => {
      count(carry);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const m = stderr.match(/read (\d+), ok (\d+), bad (\d+)/);
      const [read, ok, bad] = m ? m.slice(1).map(Number) : [NaN, NaN, NaN];
      const problems = stderr.split('\n').filter((l) => /^.+:\d+: /.test(l));
      const crashed = code !== 0 || /^\s+at /m.test(stderr);
      const errors = [
        ...(crashed ? [`exit ${code}${/^\s+at /m.test(stderr) ? ' with a stack trace' : ''}`] : []),
        ...(m ? [] : ['no read summary']),
        ...(bad ? [`${bad} bad record(s)`] : []),
        ...(stats.lines !== ok ? [`${stats.lines} output lines for ${ok} valid records`] : []),
        ...(stats.unparsable ? [`${stats.unparsable} output line(s) not JSON`] : []),
      ];
      done({ file, bytes: statSync(file).size, code, seconds, read, ok, bad, problems: problems.slice(0, 5), errors, ...stats });
    });
  });
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}` : '–');
const results = [];
for (const f of files) {
  process.stderr.write(`real-datasets: ${f} …\n`);
  results.push(await tagFile(join(datasets, f)));
}

if (asJson) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  const out = [];
  out.push(`# Real customer-service datasets through convotag tag`, '', `datasets: ${datasets}`, '');
  out.push(
    '| file | MB | read | ok | bad | output lines | errors | conv/s | tagged % | motive % | obstacle % | upsell % | assortment % | with items % | languages |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const r of results) {
    const n = r.lines;
    out.push(
      `| ${basename(r.file, '.transcripts.jsonl')} | ${(r.bytes / 1e6).toFixed(1)} | ${r.read} | ${r.ok} | ${r.bad} | ${r.lines} | ${r.errors.join('; ') || 'none'} | ${Math.round(r.read / r.seconds)} | ${pct(r.tagged, n)} | ${pct(r.intents.purchase_motive ?? 0, n)} | ${pct(r.intents.obstacle ?? 0, n)} | ${pct(r.intents.upsell_signal ?? 0, n)} | ${pct(r.intents.assortment_request ?? 0, n)} | ${pct(r.withItems, n)} | ${Object.entries(
        r.languages,
      )
        .map(([l, c]) => `${l} ${c}`)
        .join(', ')} |`,
    );
  }
  out.push('', 'Most frequent pairs (share of conversations):', '');
  for (const r of results) {
    const top = Object.entries(r.pairs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([p, c]) => `${p} ${pct(c, r.lines)}%`);
    out.push(`- ${basename(r.file, '.transcripts.jsonl')}: ${top.join(', ') || 'none'}`);
  }
  for (const r of results.filter((x) => x.problems.length))
    out.push('', `First problems in ${basename(r.file)}:`, ...r.problems.map((p) => `    ${p}`));
  const total = results.reduce((s, r) => s + r.read, 0);
  const failed = results.filter((r) => r.errors.length);
  out.push(
    '',
    failed.length ? `ERRORS in ${failed.length} file(s)` : `no errors: ${total} conversations in ${results.length} files read and tagged`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exitCode = results.some((r) => r.errors.length) ? 1 : 0;
