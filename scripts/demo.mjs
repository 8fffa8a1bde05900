// `npm run demo`: the main job on the bundled demo data, step by step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = (args) => {
  process.stderr.write(`\n$ convotag ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const dir = existsSync('fixtures/demo/transcripts.jsonl') ? 'fixtures/demo' : 'fixtures/sample';
cli(['validate', `${dir}/transcripts.jsonl`, `${dir}/gold.jsonl`]);
cli(['eval', '--gold', 'fixtures/sample/gold.jsonl', 'fixtures/sample/tags.jsonl']);
// personas: customers grouped by what they do across their conversations (tagged on the fly)
cli(['personas', `${dir}/transcripts.jsonl`]);
