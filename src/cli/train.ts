import { writeFileSync } from 'node:fs';
import { PAIRS } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { loadCustomLexicon } from '../tagging/custom.js';
import { trainModel } from '../tagging/train.js';
import { EXIT_OK, UsageError, say, type InputFlags } from './common.js';
import { builtinCorpus, loadLabelled, type Labelled } from './labelled.js';

export interface TrainFlags extends InputFlags {
  gold?: string;
  out?: string;
  base?: 'builtin' | 'none';
  lexicon?: string;
  folds?: string;
  seed?: string;
}

export function parseIntFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Trains a model on the user's labelled conversations (and by default the built-in corpus) and writes it as JSON. */
export async function trainCommand(files: string[], flags: TrainFlags): Promise<number> {
  if (!flags.gold) throw new UsageError('train needs --gold GOLD.jsonl');
  if (!flags.out) throw new UsageError('train needs --out model.json');
  if (!files.length) throw new UsageError('train needs the transcript file(s) the gold labels belong to');
  const folds = parseIntFlag('--folds', flags.folds, 5, 2, 20);
  const seed = parseIntFlag('--seed', flags.seed, 42, 0, 2 ** 31 - 1);
  const customCues = flags.lexicon ? loadCustomLexicon(flags.lexicon) : undefined;
  const own = await loadLabelled(flags.gold, files, flags);
  const base: Labelled[] = [];
  if ((flags.base ?? 'builtin') === 'builtin')
    for (const part of builtinCorpus()) base.push(...(await loadLabelled(part.gold, [part.transcripts], { ...flags, quiet: true })));
  const examples = [...base, ...own].map((e) => ({
    transcript: e.transcript,
    labels: e.gold.labels.map((l) => `${l.intent}/${l.subtype}`),
  }));
  const started = Date.now();
  const { model } = trainModel(examples, {
    folds,
    seed,
    ...(customCues ? { customCues } : {}),
    onProgress: flags.quiet ? () => {} : (m) => say(`train: ${m}`),
  });
  model.createdAt = new Date().toISOString();
  Object.assign(model.training, { ownExamples: own.length, baseExamples: base.length, seconds: (Date.now() - started) / 1000 });
  try {
    writeFileSync(flags.out, `${JSON.stringify(model)}\n`);
  } catch (err) {
    throw new ConvotagError(`${flags.out}: cannot write model (${(err as Error).message})`);
  }
  const custom = model.pairs.filter((p) => !(PAIRS as readonly string[]).includes(p));
  if (!flags.quiet)
    say(
      `train: ${examples.length} examples (${own.length} yours, ${base.length} built-in), ${model.pairs.length} pairs${custom.length ? ` (custom: ${custom.join(', ')})` : ''}, ${model.features.length} features → ${flags.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  return EXIT_OK;
}
