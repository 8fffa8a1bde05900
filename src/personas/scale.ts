/**
 * The persona space: each profile feature transformed, centred on the
 * population mean and scaled, then weighted by its group.
 *
 * - Subtype mixes (motive.*, obstacle.*, upsell.*, assortment.<subtype>) are
 *   square-rooted first: the Hellinger view of a composition, in which a
 *   customer's whole mix is a unit vector, so one mention of a rare subtype
 *   does not outweigh a steady pattern.
 * - Other shares (already in [0, 1]) keep their own scale, so a rare feature
 *   seen in one customer does not become a giant z-score.
 * - Counts, days and money (log-scaled in the profile) are divided by their
 *   population standard deviation; one deviation weighs like half a share.
 * - Unknown values (NaN) are imputed with the population mean: 0 here.
 *
 * The fitted numbers are saved with the persona model, so new customers land
 * in the same space.
 */
import { FEATURES, type FeatureGroup } from '../profiles/features.js';

export type GroupWeights = Record<FeatureGroup, number>;

/**
 * Group weights. Behaviour (what customers come for, run into and ask for)
 * leads, with the intent shares doubled because they tell apart customers who
 * mostly buy from those who mostly complain; channel, activity and order
 * history colour a persona but should not split customers on their own.
 * Chosen on the train split's out-of-fold tags, never on dev.
 */
export const DEFAULT_GROUP_WEIGHTS: GroupWeights = {
  intent: 2,
  motive: 1,
  obstacle: 1,
  upsell: 1,
  assortment: 0.5,
  value: 1.5,
  sentiment: 0.5,
  channel: 0.2,
  activity: 0.2,
  commerce: 0.3,
};

export type Transform = 'identity' | 'sqrt';

const MIX_GROUPS: ReadonlySet<FeatureGroup> = new Set(['motive', 'obstacle', 'upsell', 'assortment']);
const UNBOUNDED_GROUPS: ReadonlySet<FeatureGroup> = new Set(['activity', 'commerce']);
const UNBOUNDED_WEIGHT = 0.5;

export interface Scaler {
  transform: Transform[];
  center: number[];
  scale: number[];
  weight: number[];
}

function transformOf(name: string, group: FeatureGroup): Transform {
  return MIX_GROUPS.has(group) && name !== 'assortment.perConversation' ? 'sqrt' : 'identity';
}

function isUnbounded(name: string, group: FeatureGroup): boolean {
  return UNBOUNDED_GROUPS.has(group) || name === 'assortment.perConversation';
}

function apply(t: Transform, x: number): number {
  return t === 'sqrt' ? Math.sqrt(Math.max(0, x)) : x;
}

export function fitScaler(vectors: readonly (readonly number[])[], groupWeights: GroupWeights = DEFAULT_GROUP_WEIGHTS): Scaler {
  const d = FEATURES.length;
  const scaler: Scaler = {
    transform: new Array<Transform>(d),
    center: new Array<number>(d).fill(0),
    scale: new Array<number>(d).fill(1),
    weight: new Array<number>(d).fill(1),
  };
  for (let j = 0; j < d; j++) {
    const spec = FEATURES[j]!;
    const t = transformOf(spec.name, spec.group);
    let sum = 0;
    let count = 0;
    for (const v of vectors) {
      const x = v[j]!;
      if (!Number.isNaN(x)) {
        sum += apply(t, x);
        count++;
      }
    }
    const mean = count ? sum / count : 0;
    scaler.transform[j] = t;
    scaler.center[j] = mean;
    scaler.weight[j] = groupWeights[spec.group];
    if (isUnbounded(spec.name, spec.group)) {
      let ss = 0;
      for (const v of vectors) {
        const x = v[j]!;
        if (!Number.isNaN(x)) ss += (apply(t, x) - mean) ** 2;
      }
      const sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
      // a constant feature carries no information; keep it at 0 rather than divide by 0
      scaler.scale[j] = sd > 1e-9 ? sd : 1;
      scaler.weight[j] = groupWeights[spec.group] * UNBOUNDED_WEIGHT;
    }
  }
  return scaler;
}

/** A profile vector in the persona space (unknown values land on the centre). */
export function applyScaler(scaler: Scaler, vector: readonly number[]): number[] {
  const out = new Array<number>(vector.length);
  for (let j = 0; j < vector.length; j++) {
    const x = vector[j]!;
    out[j] = Number.isNaN(x) ? 0 : ((apply(scaler.transform[j]!, x) - scaler.center[j]!) / scaler.scale[j]!) * scaler.weight[j]!;
  }
  return out;
}
