/**
 * Where single-threaded tagging spends its time: tags generated conversations
 * under the V8 profiler and prints the functions with the most self and
 * inclusive time.
 *
 *   npm run build && node bench/profile.mjs [COUNT]          (default 20,000)
 *   node bench/profile.mjs --summarise FILE.cpuprofile        (any profile, e.g. from node --cpu-prof)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadApi } from './lib/dist.mjs';
import { generateArray } from './lib/generate.mjs';

/** Self and inclusive share per function (name file:line) of a .cpuprofile. */
export function summarise(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, t] of selfTime) {
    total += t;
    const k = key(byId.get(id));
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = key(byId.get(cur));
      if (seen.has(ck)) continue;
      seen.add(ck);
      inclusive.set(ck, (inclusive.get(ck) ?? 0) + t);
    }
  }
  const list = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `self time\n${list(self)}\n\ninclusive time\n${list(inclusive)}`;
}

async function tagUnderProfiler(count) {
  const api = await loadApi();
  const conversations = generateArray(count, 7);
  const tagger = api.createTagger();
  const t0 = performance.now();
  for (const c of conversations) tagger.tag(c);
  process.stderr.write(`tagged ${count} conversations at ${Math.round(count / ((performance.now() - t0) / 1000))} conv/s (profiler on)\n`);
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] === here) {
  const args = process.argv.slice(2);
  if (args[0] === '--summarise') process.stdout.write(`${summarise(JSON.parse(readFileSync(args[1], 'utf8')))}\n`);
  else if (args[0] === '--child') await tagUnderProfiler(Number(args[1]));
  else {
    const dir = mkdtempSync(join(tmpdir(), 'convotag-profile-'));
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, here, '--child', args[0] ?? '20000'], { stdio: 'inherit' });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (r.status === 0 && file) process.stdout.write(`${summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')))}\n`);
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = r.status ?? 1;
  }
}
