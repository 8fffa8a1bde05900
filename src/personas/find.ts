/**
 * findPersonas: customer profiles → personas. Scale the profiles into the
 * persona space (fitted on this population), cluster with seeded k-means++
 * (k fixed or chosen by the silhouette), describe each cluster, and place
 * every customer and centre on a 2-D map. The same profiles and seed give
 * the same personas.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { FEATURE_GROUPS, FEATURES } from '../profiles/features.js';
import type { CustomerProfile } from '../profiles/profile.js';
import {
  FIT_SAMPLE,
  chooseK,
  fitKMeans,
  nearestCentre,
  runKMeans,
  sampledSilhouette,
  squaredDistance,
  type Clustering,
  type KScore,
} from './cluster.js';
import {
  descriptionFrom,
  majorityLanguage,
  nameFrom,
  populationStats,
  quoteFor,
  round,
  topItems,
  topSubtypes,
  traitsOf,
  type PersonaDescription,
  type PersonaTrait,
  type PopulationStats,
} from './describe.js';
import { assignOne, assignPersonas, buildModel, type PersonaAssignment, type PersonaModel } from './model.js';
import { fitProjection, project } from './pca.js';
import { sampleIndices } from './random.js';
import { DEFAULT_GROUP_WEIGHTS, applyScaler, fitScaler, type GroupWeights } from './scale.js';

export const FindPersonasOptionsSchema = z
  .object({
    /** A number of personas, or 'auto' to choose it by the silhouette over kRange. */
    k: z.union([z.literal('auto'), z.number().int().min(1)]).default('auto'),
    seed: z.number().int().default(42),
    /** Smallest and largest k tried by k: 'auto'. */
    kRange: z.tuple([z.number().int().min(2), z.number().int().min(2)]).default([2, 8]),
    /** k-means++ restarts per k (the run with the lowest inertia wins). Default 4 for 'auto' and 8 for a fixed k; 2 and 3 above FIT_SAMPLE customers. */
    restarts: z.number().int().min(1).max(100).optional(),
    /** k: 'auto' refuses a k with a persona smaller than this share of the customers (and than 2 customers). */
    minShare: z.number().min(0).max(0.5).default(0.02),
    /** Language of names and descriptions; default each persona's majority language. */
    language: z.enum(LANGUAGES).optional(),
    /** Weights of the feature groups in the persona space (see DEFAULT_GROUP_WEIGHTS). */
    groupWeights: z.partialRecord(z.enum(FEATURE_GROUPS), z.number().min(0)).optional(),
    /** Representative customers per persona. */
    representatives: z.number().int().min(0).default(3),
  })
  .refine((o) => o.kRange[0] <= o.kRange[1], { message: 'kRange must be [smallest, largest]', path: ['kRange'] });
export type FindPersonasOptions = z.input<typeof FindPersonasOptionsSchema>;

const PROJECTION_SAMPLE = 20_000;

export interface Persona extends PersonaDescription {
  id: string;
  size: number;
  /** size / customers. */
  share: number;
  /** The persona's centre on the 2-D map. */
  centre: { x: number; y: number };
}

export interface KSelection {
  /** How k was set: chosen by the silhouette, fixed by the caller, or taken from a saved model. */
  method: 'silhouette' | 'fixed' | 'model';
  /** Mean silhouette of the final personas (on a seeded sample of at most 2,000 customers); 0 for a saved model. */
  silhouette: number;
  kRange?: [number, number];
  /** The silhouette of each k tried, and whether it was refused as degenerate. */
  scores?: KScore[];
  note?: string;
}

/** The personas document of FORMAT.md, with more fields (descriptions, map, choice of k). */
export interface PersonaDoc {
  version: 1;
  customers: number;
  k: number;
  seed: number;
  selection: KSelection;
  personas: Persona[];
  /** Every profiled customer exactly once, in profile order. */
  assignments: PersonaAssignment[];
}

export interface PersonaResult extends PersonaDoc {
  /** Save with savePersonaModel; put new customers on these personas with assignPersonas. */
  model: PersonaModel;
}

/** The FORMAT.md document alone (what `convotag personas --json` prints): the result without its model. */
export function personaDocument(result: PersonaResult): PersonaDoc {
  const { model: _model, ...doc } = result;
  return doc;
}

export function findPersonas(profiles: readonly CustomerProfile[], options: FindPersonasOptions = {}): PersonaResult {
  const parsed = FindPersonasOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new ConvotagError(
      `findPersonas: invalid options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const opts = parsed.data;
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.customerId)) throw new ConvotagError(`findPersonas: customer ${p.customerId} has more than one profile`);
    seen.add(p.customerId);
    if (p.vector.length !== FEATURES.length)
      throw new ConvotagError(`findPersonas: profile of ${p.customerId} has ${p.vector.length} features, expected ${FEATURES.length}`);
  }
  const weights: GroupWeights = { ...DEFAULT_GROUP_WEIGHTS, ...opts.groupWeights };
  const scaler = fitScaler(
    profiles.map((p) => p.vector),
    weights,
  );
  const points = profiles.map((p) => applyScaler(scaler, p.vector));
  const n = points.length;
  // the map's axes: a seeded sample is plenty to find the two main directions
  const projection = fitProjection(
    sampleIndices(points.length, PROJECTION_SAMPLE, opts.seed).map((i) => points[i]!),
    FEATURES.length,
  );
  if (n === 0) {
    const selection: KSelection = { method: opts.k === 'auto' ? 'silhouette' : 'fixed', silhouette: 0, note: 'no customers' };
    const model = buildModel({ seed: opts.seed, customers: 0, scaler, projection, personas: [] });
    return { version: 1, customers: 0, k: 0, seed: opts.seed, selection, personas: [], assignments: [], model };
  }

  const { clustering, selection } = cluster(points, opts);
  const ordered = canonical(points, clustering);
  const k = ordered.centroids.length;
  if (k < clustering.k) {
    const dropped = `${clustering.k - k} empty persona(s) dropped: too few distinct customers for k=${clustering.k}`;
    selection.note = selection.note ? `${selection.note}; ${dropped}` : dropped;
  }
  if (selection.method === 'fixed')
    selection.silhouette = k > 1 ? round(sampledSilhouette(points, ordered.labels, k, opts.seed + 2), 4) : 0;

  const population = populationStats(profiles);
  const fallback = majorityLanguage(profiles, profiles[0]!.language);
  const memberIdx: number[][] = ordered.centroids.map(() => []);
  ordered.labels.forEach((c, i) => memberIdx[c]!.push(i));
  const taken = new Set<string>();
  const personas: Persona[] = ordered.centroids.map((centroid, c) => {
    const group = memberIdx[c]!.map((i) => profiles[i]!);
    const language = opts.language ?? majorityLanguage(group, fallback);
    const { positive, negative } = traitsOf(centroid, group, population);
    const name = nameFrom(positive, language, taken);
    taken.add(name);
    return personaOf({
      id: `p${c + 1}`,
      name,
      description: descriptionFrom(positive, negative, language),
      language,
      traits: [...positive, ...negative],
      members: memberIdx[c]!.map((i) => ({ profile: profiles[i]!, distance: Math.sqrt(squaredDistance(points[i]!, centroid)) })),
      centre: project(projection, centroid),
      customers: n,
      population,
      representatives: opts.representatives,
    });
  });

  const model = buildModel({
    seed: opts.seed,
    customers: n,
    scaler,
    projection,
    personas: personas.map((p, c) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      language: p.language,
      size: p.size,
      share: p.share,
      centroid: ordered.centroids[c]!,
      traits: p.traits,
    })),
  });
  // labels are the nearest centres (see canonical), so assigning again gives the clustering back
  const assignments = profiles.map((p, i) => assignOne(model, ordered.centroids, p, points[i]!));
  return { version: 1, customers: n, k, seed: opts.seed, selection, personas, assignments, model };
}

/**
 * Puts customers on a saved model's personas (no re-clustering) and
 * describes the groups they form: names, descriptions and traits are the
 * model's; sizes, top subtypes, items and representatives are this batch's.
 */
export function assignPersonaDoc(model: PersonaModel, profiles: readonly CustomerProfile[], representatives = 3): PersonaDoc {
  const assignments = assignPersonas(model, profiles);
  const population = populationStats(profiles);
  const n = profiles.length;
  const personas = model.personas.map((mp) => {
    const members = assignments.flatMap((a, i) => (a.persona === mp.id ? [{ profile: profiles[i]!, distance: a.distance }] : []));
    return personaOf({
      id: mp.id,
      name: mp.name,
      description: mp.description,
      language: mp.language,
      traits: mp.traits,
      members,
      centre: project(model.projection, mp.centroid),
      customers: n,
      population,
      representatives,
    });
  });
  return {
    version: 1,
    customers: n,
    k: model.personas.length,
    seed: model.seed,
    selection: { method: 'model', silhouette: 0, note: `assigned to a saved persona model of ${model.customers} customers` },
    personas,
    assignments,
  };
}

function personaOf(args: {
  id: string;
  name: string;
  description: string;
  language: Language;
  traits: PersonaTrait[];
  members: Array<{ profile: CustomerProfile; distance: number }>;
  centre: { x: number; y: number };
  customers: number;
  population: PopulationStats;
  representatives: number;
}): Persona {
  const group = args.members.map((m) => m.profile);
  const closest = args.members
    .map((m, order) => ({ ...m, order }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, args.representatives);
  return {
    id: args.id,
    name: args.name,
    description: args.description,
    language: args.language,
    size: group.length,
    share: args.customers ? round(group.length / args.customers) : 0,
    traits: args.traits,
    motives: topSubtypes(group, 'purchase_motive', args.population),
    obstacles: topSubtypes(group, 'obstacle', args.population),
    upsells: topSubtypes(group, 'upsell_signal', args.population),
    assortment: topItems(group),
    representatives: closest.map(({ profile, distance }) => {
      const quote = quoteFor(profile, args.traits);
      return { customerId: profile.customerId, distance: round(distance, 4), ...(quote ? { quote } : {}) };
    }),
    centre: { x: round(args.centre.x, 4), y: round(args.centre.y, 4) },
  };
}

type ParsedOptions = z.output<typeof FindPersonasOptionsSchema>;

function cluster(points: number[][], opts: ParsedOptions): { clustering: Clustering; selection: KSelection } {
  const n = points.length;
  if (opts.k === 'auto') {
    if (n < 4) {
      // too few customers to compare groupings: one persona
      return {
        clustering: runKMeans(points, 1, opts.seed),
        selection: { method: 'silhouette', silhouette: 0, kRange: opts.kRange, scores: [], note: `only ${n} customer(s): one persona` },
      };
    }
    const { clustering, scores } = chooseK(points, {
      kRange: opts.kRange,
      seed: opts.seed,
      restarts: opts.restarts ?? (n > FIT_SAMPLE ? 2 : 4),
      minShare: opts.minShare,
    });
    const best = scores.find((s) => s.k === clustering.k);
    const selection: KSelection = {
      method: 'silhouette',
      silhouette: 0,
      kRange: opts.kRange,
      scores: scores.map((s) => ({ ...s, silhouette: round(s.silhouette, 4) })),
    };
    // the chosen k's own score (on the same seeded sample) stands for the final personas
    selection.silhouette = round(best?.silhouette ?? 0, 4);
    if (best?.degenerate) selection.note = 'every k in kRange left a persona below the minimum size; the least degenerate k was kept';
    return { clustering, selection };
  }
  const k = Math.min(opts.k, n);
  const restarts = opts.restarts ?? (n > FIT_SAMPLE ? 3 : 8);
  const selection: KSelection = { method: 'fixed', silhouette: 0 };
  if (k < opts.k) selection.note = `k=${opts.k} asked, but there are only ${n} customers`;
  return { clustering: fitKMeans(points, k, opts.seed, restarts), selection };
}

/**
 * A canonical form of a clustering: empty clusters dropped, every point on
 * its nearest centre, clusters ordered by size (then by centre), so ids
 * p1, p2 … do not depend on the order k-means happened to find them in.
 */
function canonical(points: readonly number[][], clustering: Clustering): { labels: number[]; centroids: number[][] } {
  const sizes = new Array<number>(clustering.k).fill(0);
  for (const l of clustering.labels) sizes[l]!++;
  const kept = clustering.centroids.map((c, i) => ({ c, i, size: sizes[i]! })).filter((x) => x.size > 0);
  kept.sort((a, b) => b.size - a.size || compareVectors(a.c, b.c));
  const centroids = kept.map((x) => x.c);
  const labels = points.map((p) => nearestCentre(p, centroids).index);
  return { labels, centroids };
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
  return 0;
}
