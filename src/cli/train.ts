import { writeFileSync } from 'node:fs';
import { PAIRS } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { loadCustomLexicon } from '../tagging/custom.js';
import { TrainingSet, trainModel } from '../tagging/train.js';
import { EXIT_OK, UsageError, say, type InputFlags } from './common.js';
import { builtinCorpus, streamLabelled } from './labelled.js';

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
  const folds = flags.folds === undefined ? undefined : parseIntFlag('--folds', flags.folds, 5, 2, 20);
  const seed = parseIntFlag('--seed', flags.seed, 42, 0, 2 ** 31 - 1);
  const customCues = flags.lexicon ? loadCustomLexicon(flags.lexicon) : undefined;
  // Examples are analysed as they are read; the set keeps feature ids, not transcripts.
  const set = new TrainingSet(customCues ? { customCues } : {});
  const addAll = async (gold: string, transcripts: string[], readFlags: TrainFlags) => {
    const before = set.size;
    for await (const e of streamLabelled(gold, transcripts, readFlags))
      set.add(
        e.transcript,
        e.gold.labels.map((l) => `${l.intent}/${l.subtype}`),
      );
    return set.size - before;
  };
  const started = Date.now();
  let base = 0;
  if ((flags.base ?? 'builtin') === 'builtin')
    for (const part of builtinCorpus()) base += await addAll(part.gold, [part.transcripts], { ...flags, quiet: true });
  const own = await addAll(flags.gold, files, flags);
  const { model } = trainModel(set, {
    ...(folds ? { folds } : {}),
    seed,
    onProgress: flags.quiet ? () => {} : (m) => say(`train: ${m}`),
  });
  model.createdAt = new Date().toISOString();
  Object.assign(model.training, { ownExamples: own, baseExamples: base, seconds: (Date.now() - started) / 1000 });
  try {
    writeFileSync(flags.out, `${JSON.stringify(model)}\n`);
  } catch (err) {
    throw new ConvotagError(`${flags.out}: cannot write model (${(err as Error).message})`);
  }
  const custom = model.pairs.filter((p) => !(PAIRS as readonly string[]).includes(p));
  if (!flags.quiet)
    say(
      `train: ${set.size} examples (${own} yours, ${base} built-in), ${model.pairs.length} pairs${custom.length ? ` (custom: ${custom.join(', ')})` : ''}, ${model.features.length} features → ${flags.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  return EXIT_OK;
}
