/**
 * A persona model: everything needed to put new customers on existing
 * personas without clustering again — the fitted scaler, the centres, the
 * 2-D map and the persona descriptions. Saved as JSON; validated by zod on
 * load, with a clear error for another format, version or feature set.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { FEATURE_NAMES, FEATURE_SET_ID } from '../profiles/features.js';
import type { CustomerProfile } from '../profiles/profile.js';
import { nearestCentre } from './cluster.js';
import { round, type PersonaTrait } from './describe.js';
import { project, type Projection } from './pca.js';
import { applyScaler, type Scaler } from './scale.js';

export const PERSONA_MODEL_FORMAT = 'convotag-persona-model';
export const PERSONA_MODEL_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const TraitSchema = z.object({ feature: z.string(), value: finite, lift: finite, population: finite });

export const PersonaModelSchema = z
  .object({
    format: z.literal(PERSONA_MODEL_FORMAT),
    version: z.literal(PERSONA_MODEL_VERSION),
    featureSet: z.string(),
    features: z.array(z.string()).min(1),
    seed: z.number().int(),
    customers: z.number().int().min(0),
    scaler: z.object({
      transform: z.array(z.enum(['identity', 'sqrt'])),
      center: z.array(finite),
      scale: z.array(finite.refine((x) => x > 0, 'must be positive')),
      weight: z.array(finite),
    }),
    projection: z.object({ mean: z.array(finite), components: z.tuple([z.array(finite), z.array(finite)]) }),
    personas: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        description: z.string(),
        language: z.enum(LANGUAGES),
        size: z.number().int().min(0),
        share: finite,
        centroid: z.array(finite),
        traits: z.array(TraitSchema),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    const d = m.features.length;
    const lengths: Array<[string, number]> = [
      ['scaler.transform', m.scaler.transform.length],
      ['scaler.center', m.scaler.center.length],
      ['scaler.scale', m.scaler.scale.length],
      ['scaler.weight', m.scaler.weight.length],
      ['projection.mean', m.projection.mean.length],
      ['projection.components[0]', m.projection.components[0].length],
      ['projection.components[1]', m.projection.components[1].length],
      ...m.personas.map((p, i): [string, number] => [`personas[${i}].centroid`, p.centroid.length]),
    ];
    for (const [path, length] of lengths)
      if (length !== d) ctx.addIssue({ code: 'custom', message: `has ${length} values for ${d} features`, path: path.split('.') });
    const ids = new Set<string>();
    m.personas.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate persona id ${p.id}`, path: ['personas', i, 'id'] });
      ids.add(p.id);
    });
  });

export type PersonaModel = z.infer<typeof PersonaModelSchema>;
export type ModelPersona = PersonaModel['personas'][number];

export interface PersonaAssignment {
  customerId: string;
  persona: string;
  /** Euclidean distance to the persona's centre in the persona space. */
  distance: number;
  /** Position on the 2-D persona map. */
  x: number;
  y: number;
  conversations: number;
}

export function buildModel(parts: {
  seed: number;
  customers: number;
  scaler: Scaler;
  projection: Projection;
  personas: Array<{
    id: string;
    name: string;
    description: string;
    language: Language;
    size: number;
    share: number;
    centroid: number[];
    traits: PersonaTrait[];
  }>;
}): PersonaModel {
  return {
    format: PERSONA_MODEL_FORMAT,
    version: PERSONA_MODEL_VERSION,
    featureSet: FEATURE_SET_ID,
    features: [...FEATURE_NAMES],
    seed: parts.seed,
    customers: parts.customers,
    scaler: parts.scaler,
    projection: parts.projection,
    personas: parts.personas,
  };
}

/** Validates a parsed JSON value as a persona model; `source` names it in errors. */
export function parsePersonaModel(value: unknown, source = 'persona model'): PersonaModel {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== PERSONA_MODEL_FORMAT)
    throw new ConvotagError(`${source}: not a convotag persona model (expected "format": "${PERSONA_MODEL_FORMAT}")`);
  const version = (value as { version?: unknown }).version;
  if (version !== PERSONA_MODEL_VERSION)
    throw new ConvotagError(
      `${source}: persona model version ${JSON.stringify(version)} is not supported; this convotag reads version ${PERSONA_MODEL_VERSION} (run convotag personas --save again)`,
    );
  const parsed = PersonaModelSchema.safeParse(value);
  if (!parsed.success)
    throw new ConvotagError(
      `${source}: corrupt persona model: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  const model = parsed.data;
  if (model.featureSet !== FEATURE_SET_ID || model.features.join('|') !== FEATURE_NAMES.join('|'))
    throw new ConvotagError(
      `${source}: the persona model was made with another profile feature set (${model.featureSet}, this convotag has ${FEATURE_SET_ID}); find personas again`,
    );
  return model;
}

export function savePersonaModel(model: PersonaModel, path: string): void {
  writeFileSync(path, `${JSON.stringify(model)}\n`);
}

export function loadPersonaModel(path: string): PersonaModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConvotagError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConvotagError(`${path}: not valid JSON, the persona model file is corrupt (${(err as Error).message})`);
  }
  return parsePersonaModel(value, path);
}

/** Puts customers on the model's personas: the nearest centre in the saved persona space, no re-clustering. */
export function assignPersonas(model: PersonaModel, profiles: readonly CustomerProfile[]): PersonaAssignment[] {
  if (!model.personas.length) throw new ConvotagError('assignPersonas: the persona model has no personas');
  const centroids = model.personas.map((p) => p.centroid);
  return profiles.map((profile) => assignOne(model, centroids, profile, applyScaler(model.scaler, profile.vector)));
}

export function assignOne(
  model: PersonaModel,
  centroids: readonly (readonly number[])[],
  profile: CustomerProfile,
  scaled: readonly number[],
): PersonaAssignment {
  const { index, distance } = nearestCentre(scaled, centroids);
  const { x, y } = project(model.projection, scaled);
  return {
    customerId: profile.customerId,
    persona: model.personas[index]!.id,
    distance: round(distance, 4),
    x: round(x, 4),
    y: round(y, 4),
    conversations: profile.conversations,
  };
}
