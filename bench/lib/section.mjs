/**
 * One bench section = one script in bench/sections/, run in its own process
 * by bench/run.mjs (so memory and JIT state of one section do not leak into
 * the next). Alone: `node bench/sections/speed.mjs [--quick]` prints its
 * Markdown; with `--out FILE` it writes its result as JSON for run.mjs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function log(message) {
  process.stderr.write(`  ${message}\n`);
}

export function isMain(moduleUrl) {
  return process.argv[1] === fileURLToPath(moduleUrl);
}

/** Parses the common flags and runs the section; its result goes to --out or, as Markdown, to stdout. */
export async function runSection(run, markdown) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const started = performance.now();
  let result;
  try {
    result = await run({ quick });
  } catch (err) {
    result = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    process.stderr.write(`${result.error}\n`);
  }
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  if (out) writeFileSync(out, JSON.stringify(result));
  else process.stdout.write(`${markdown(result)}\n`);
  process.exitCode = result.error ? 1 : 0;
}
