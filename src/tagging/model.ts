/**
 * The saved model: the trained statistical half, the combiner, per-pair
 * thresholds, learned cue weights and any custom cues. Versioned JSON,
 * validated with zod on load so that a model of another version, a corrupt
 * file or a taxonomy mismatch fails loudly instead of mis-tagging.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConvotagError } from '../io/errors.js';
import { formatPath } from '../io/errors.js';
import { INTENTS, PAIRS, TAXONOMY_VERSION } from '../contract/taxonomy.js';

export const MODEL_FORMAT = 'convotag-model';
export const MODEL_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** Sparse [featureIndex, weight] entries, checked in one loop: a zod tuple per entry would cost more than the model itself. */
const sparseEntries = z.custom<Array<[number, number]>>(
  (v) =>
    Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && e[0] >= 0 && Number.isFinite(e[1])),
  { message: 'must be a list of [featureIndex, weight] pairs (a whole number ≥ 0 and a finite number)' },
);
const pairKey = z.string().regex(new RegExp(`^(${INTENTS.join('|')})/[a-z0-9_]+$`), 'must be intent/subtype with one of the four intents');

export const ModelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    taxonomyVersion: z.literal(TAXONOMY_VERSION),
    createdAt: z.string(),
    languages: z.array(z.enum(['nl', 'en'])).min(1),
    pairs: z.array(pairKey).min(1),
    features: z.array(z.string()),
    /** Per pair: bias and sparse [featureIndex, weight] entries. */
    weights: z.record(pairKey, z.object({ bias: finite, entries: sparseEntries })),
    /** Per pair: coefficients of [logit(model), lexicon score, any cue hit] and an intercept. */
    combiner: z.record(pairKey, z.tuple([finite, finite, finite, finite])),
    thresholds: z.record(pairKey, z.number().min(0).max(1)),
    /** Per intent: the statistical half's weights for "any subtype of this intent". */
    intentWeights: z.record(z.enum(INTENTS), z.object({ bias: finite, entries: sparseEntries })),
    /** Per intent: coefficients of [logit(intent model), logit(best pair confidence)] and an intercept. */
    intentCombiner: z.record(z.enum(INTENTS), z.tuple([finite, finite, finite])),
    intentThresholds: z.record(z.enum(INTENTS), z.number().min(0).max(1)),
    /** Learned weights of built-in and custom cues: [pair, pattern, weight]. */
    cueWeights: z.array(z.tuple([pairKey, z.string(), z.number().min(0).max(1)])),
    /** Cues of the model's own (e.g. for custom subtypes), per language. */
    customCues: z.partialRecord(z.enum(['nl', 'en']), z.record(pairKey, z.array(z.string()))).default({}),
    training: z.looseObject({ examples: z.number().int(), perLanguage: z.record(z.string(), z.number().int()) }),
  })
  .superRefine((m, ctx) => {
    for (const p of m.pairs) {
      if (!m.weights[p]) ctx.addIssue({ code: 'custom', path: ['weights', p], message: `pair ${p} has no weights` });
      if (!m.combiner[p]) ctx.addIssue({ code: 'custom', path: ['combiner', p], message: `pair ${p} has no combiner` });
      if (m.thresholds[p] === undefined) ctx.addIssue({ code: 'custom', path: ['thresholds', p], message: `pair ${p} has no threshold` });
      for (const [i] of m.weights[p]?.entries ?? [])
        if (i >= m.features.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['weights', p],
            message: `feature index ${i} is outside the ${m.features.length} features`,
          });
          break;
        }
    }
    for (const p of PAIRS)
      if (!m.pairs.includes(p))
        ctx.addIssue({
          code: 'custom',
          path: ['pairs'],
          message: `taxonomy pair ${p} is missing: the model was made for another taxonomy`,
        });
  });

export type ModelFile = z.infer<typeof ModelFileSchema>;

/** Validates a parsed model; `source` names it in errors. */
export function parseModel(data: unknown, source = 'model'): ModelFile {
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    if (d.format !== MODEL_FORMAT)
      throw new ConvotagError(`${source}: not a convotag model (format is ${JSON.stringify(d.format)}, expected "${MODEL_FORMAT}")`);
    if (d.version !== MODEL_VERSION)
      throw new ConvotagError(
        `${source}: model format version ${JSON.stringify(d.version)} is not supported by this convotag (expects ${MODEL_VERSION}); retrain it with convotag train`,
      );
    if (d.taxonomyVersion !== TAXONOMY_VERSION)
      throw new ConvotagError(
        `${source}: model was trained for taxonomy v${String(d.taxonomyVersion)}, this convotag uses v${TAXONOMY_VERSION}`,
      );
  }
  const parsed = ModelFileSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`);
    throw new ConvotagError(
      `${source}: invalid model: ${first.join('; ')}${parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''}`,
    );
  }
  return parsed.data;
}

export function loadModelFile(path: string): ModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConvotagError(`${path}: cannot read model (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConvotagError(`${path}: model is not valid JSON (${(err as Error).message}); the file may be truncated or corrupted`);
  }
  return parseModel(data, path);
}
