/**
 * `npm run bench` — every claim of the README measured on this machine, in
 * one run: accuracy (dev split, real-world data), peers, speed, memory,
 * clustering and training. Writes bench/results/latest.json and prints Markdown to stdout;
 * progress goes to stderr.
 *
 *   npm run bench                 full run (1M-conversation stream, 100k speed corpus)
 *   npm run bench -- --quick      short run (same sections, smaller streams)
 *   npm run bench -- --only speed,memory
 *
 * Each section runs in its own process against a snapshot of dist/ taken at
 * the start, so a rebuild during the run cannot change what is measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/corpus.mjs';
import { fmt, table, verdict } from './lib/stats.mjs';

const SECTIONS = ['accuracy', 'real-world', 'peers', 'speed', 'memory', 'clustering', 'training'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) fail(`unknown section "${s}"; sections: ${SECTIONS.join(', ')}`);

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Copies dist/ aside; waits a little if a concurrent build is writing it. */
function snapshotDist() {
  const dist = join(ROOT, 'dist');
  const target = join(ROOT, 'node_modules', '.cache', 'convotag-bench', 'dist');
  for (let attempt = 0; attempt < 20; attempt++) {
    const files = existsSync(dist) ? readdirSync(dist) : [];
    if (['cli.js', 'index.js', 'worker.js', 'builtin-model.json'].every((f) => files.includes(f))) {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      for (const f of files) if (/\.(js|cjs|json)$/.test(f)) copyFileSync(join(dist, f), join(target, f));
      // node_modules/.cache is outside the package scope: say that .js is ESM here
      writeFileSync(join(target, '..', 'package.json'), '{"type":"module"}\n');
      return target;
    }
    spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 500)']);
  }
  fail('dist/ is incomplete: run `npm run build` first (npm run bench does)');
}

function git(...a) {
  const r = spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model?.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function runSection(name, dist) {
  const out = join(tmpdir(), `convotag-bench-${process.pid}-${name}.json`);
  const limitMs = (quick ? 4 : 15) * 60_000;
  return new Promise((resolve) => {
    process.stderr.write(`\n▶ ${name}\n`);
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'sections', `${name}.mjs`), ...(quick ? ['--quick'] : []), '--out', out], {
      // a section's stdout is for its standalone Markdown; here everything it prints is progress
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, CONVOTAG_BENCH_DIST: dist },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let result;
      try {
        result = JSON.parse(readFileSync(out, 'utf8'));
      } catch {
        result = { error: signal ? `killed after ${limitMs / 60_000} minutes` : `exited ${code} without a result` };
      }
      rmSync(out, { force: true });
      result.seconds ??= Math.round((performance.now() - started) / 100) / 10;
      process.stderr.write(`  ${name}: ${result.error ? 'FAILED' : result.skipped ? 'skipped' : 'done'} in ${result.seconds} s\n`);
      resolve(result);
    });
  });
}

function goalRows(r) {
  const rows = [];
  const g = (section, key) => r.sections[section]?.goals?.[key];
  const add = (claim, goal, measured, met) => rows.push([claim, goal, measured, verdict(met)]);
  const f1 = g('peers', 'f1AboveNlpJs');
  const nlpSpeed = g('peers', 'speedVsNlpJs');
  const wink = g('speed', 'atLeastWinkTokenisation');
  const mem = g('memory', 'peakUnder200MB');
  const clu = g('clustering', 'auto100kUnder30s');
  const acc = r.sections.accuracy?.languages?.all;
  if (acc)
    add(
      'dev pair micro F1 (nl / en)',
      '–',
      `${fmt.f3(r.sections.accuracy.languages.nl.pair.micro.f1)} / ${fmt.f3(r.sections.accuracy.languages.en.pair.micro.f1)}`,
      null,
    );
  if (f1) add('dev F1 above nlp.js', '≥ +0.10', `+${fmt.f3(f1.value)}`, f1.met);
  if (wink) add('tagging vs wink-nlp tokenisation (same text)', '≥ 1.0×', fmt.x(wink.value), wink.met);
  if (nlpSpeed) add('conversations/s vs nlp.js', '≥ 3×', fmt.x(nlpSpeed.value), nlpSpeed.met);
  if (mem) {
    const stream = r.sections.memory.runs[0];
    add(
      `peak RSS streaming ${fmt.int(stream.conversations)} conversations`,
      '< 200 MB, flat',
      `${fmt.f1(mem.value)} MB${stream.flat ? ', flat' : ', not flat'}`,
      mem.met,
    );
  }
  if (clu) add("100k profiles, k: 'auto'", '< 30 s', clu.value === null ? 'not run' : `${fmt.f1(clu.value)} s`, clu.met);
  const train = g('training', 'tenThousandUnder60s');
  const trainMemory = g('training', 'flatMemory');
  if (train)
    add('train on 10,000 labelled conversations', '< 60 s', train.value === null ? 'not run' : `${fmt.f1(train.value)} s`, train.met);
  if (trainMemory?.value != null)
    add(
      `training memory, ${fmt.int(trainMemory.from)} → ${fmt.int(trainMemory.to)} conversations`,
      'flat (≤ 1.25×)',
      `${fmt.f2(trainMemory.value)}×`,
      trainMemory.met,
    );
  add(
    `${quick ? 'quick' : 'full'} bench run`,
    quick ? '< 3 min' : '< 20 min',
    `${fmt.f1(r.seconds / 60)} min`,
    r.seconds < (quick ? 180 : 1200),
  );
  return rows;
}

async function main() {
  const started = performance.now();
  const dist = snapshotDist();
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const result = {
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    date: new Date().toISOString(),
    convotag: version,
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: Boolean(git('status', '--porcelain')),
    machine: machine(),
    loadAverage: { start: loadavg()[0] },
    sections: {},
  };
  for (const name of only) result.sections[name] = await runSection(name, dist);
  result.loadAverage.end = loadavg()[0];
  result.seconds = (performance.now() - started) / 1000;
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  const m = result.machine;
  const out = [`## convotag ${version} benchmarks (${result.mode} run)`, ''];
  out.push(
    `${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ${result.date.slice(0, 16).replace('T', ' ')} UTC, commit ${result.commit ?? '?'}${result.uncommittedChanges ? ' + uncommitted changes' : ''}; \`${result.command}\` took ${fmt.f1(result.seconds / 60)} min.`,
  );
  const busy = Math.max(result.loadAverage.start, result.loadAverage.end) > m.cores * 0.75;
  if (busy)
    out.push(
      '',
      `> The machine was busy with other work (load average ${fmt.f1(result.loadAverage.start)} at the start, ${fmt.f1(result.loadAverage.end)} at the end, on ${m.cores} cores): throughput and scaling figures are pessimistic.`,
    );
  out.push('', table(['claim', 'goal', 'measured', ''], goalRows(result)));
  for (const name of only) {
    const { markdown } = await import(pathToFileURL(join(ROOT, 'bench', 'sections', `${name}.mjs`)).href);
    out.push('', markdown(result.sections[name]));
  }
  out.push('', `Full numbers: bench/results/latest.json.`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.stderr.write(`\nbench: done in ${fmt.f1(result.seconds)} s; bench/results/latest.json written\n`);
}

await main();
