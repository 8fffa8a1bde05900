// `npm run demo`: the main job on the bundled demo data, step by step.
// Data (the evaluation table, the personas) goes to stdout; the steps and summaries to stderr;
// the tags themselves are written to demo-output/tags.jsonl, the shop report to demo-output/report.html.
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';

const cli = (args, stdoutFile) => {
  process.stderr.write(`\n$ convotag ${args.join(' ')}${stdoutFile ? ` > ${stdoutFile}` : ''}\n`);
  const fd = stdoutFile ? openSync(stdoutFile, 'w') : 'inherit';
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: ['ignore', fd, 'inherit'] });
  if (typeof fd === 'number') closeSync(fd);
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const dir = 'fixtures/demo';
mkdirSync('demo-output', { recursive: true });
cli(['validate', `${dir}/transcripts.jsonl`, `${dir}/gold.jsonl`]);
cli(['tag', `${dir}/transcripts.jsonl`], 'demo-output/tags.jsonl');
cli(['eval', '--gold', `${dir}/gold.jsonl`, 'demo-output/tags.jsonl']);
// personas: customers grouped by what they do across their conversations
cli(['personas', `${dir}/transcripts.jsonl`, '--tags', 'demo-output/tags.jsonl']);
// the shop report: one self-contained page (open demo-output/report.html in a browser)
cli(['report', `${dir}/transcripts.jsonl`, '--tags', 'demo-output/tags.jsonl', '--lang', 'en', '--out', 'demo-output/report.html']);
