/**
 * zod schemas of ../shared/FORMAT.md. They validate what crosses the
 * library's edge (input files, gold files, saved documents); inside, the
 * inferred plain types move between stages.
 */
import { z } from 'zod';
import { ARCHETYPES, INTENTS, LANGUAGES, ROLES, isTaxonomyPair } from './taxonomy.js';

/** ISO 8601 date or date-time (with or without offset), as Date.parse understands it. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date or date-time')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date');

export const TurnSchema = z.object({
  role: z.enum(ROLES),
  text: z.string().min(1, 'text must not be empty'),
});

/** Free metadata. Kept as a plain record; numbers such as orderCount feed profiles. */
export const MetadataSchema = z.record(z.string(), z.unknown());

export const TranscriptSchema = z.object({
  id: z.string().min(1, 'id must not be empty'),
  customerId: z.string().min(1).optional(),
  channel: z.string().min(1).optional(),
  language: z.enum(LANGUAGES).optional(),
  createdAt: IsoDateSchema.optional(),
  turns: z.array(TurnSchema).min(1, 'at least one turn is required'),
  metadata: MetadataSchema.optional(),
});
export type Turn = z.infer<typeof TurnSchema>;
export type Transcript = z.infer<typeof TranscriptSchema>;

export const LabelSchema = z
  .object({ intent: z.enum(INTENTS), subtype: z.string() })
  .refine((l) => isTaxonomyPair(l.intent, l.subtype), { message: 'subtype is not in the taxonomy for this intent', path: ['subtype'] });

/** Labels of a custom subtype (see `convotag train`) pass through the open variant. */
export const OpenLabelSchema = z.object({ intent: z.enum(INTENTS), subtype: z.string().min(1) });

export const GoldSchema = z.object({
  id: z.string().min(1),
  labels: z.array(LabelSchema),
  items: z.array(z.string()).default([]),
  persona: z.enum(ARCHETYPES).optional().nullable(),
});
export type Gold = z.infer<typeof GoldSchema>;

/**
 * Gold labels for training a shop's own model: the four intents are fixed,
 * but subtypes may be the shop's own (e.g. obstacle/customs_fees).
 */
export const TrainingGoldSchema = GoldSchema.extend({
  labels: z.array(
    OpenLabelSchema.extend({
      subtype: z.string().regex(/^[a-z0-9_]+$/, 'subtype must be lower-case letters, digits and _ (e.g. customs_fees)'),
    }),
  ),
});
export type TrainingGold = z.infer<typeof TrainingGoldSchema>;

export const EvidenceSchema = z.object({
  turn: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const TaggedIntentSchema = z.object({
  intent: z.enum(INTENTS),
  subtype: z.string().min(1),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema).min(1),
});
export type TaggedIntent = z.infer<typeof TaggedIntentSchema>;

export const TagResultSchema = z.object({
  id: z.string(),
  customerId: z.string().optional(),
  language: z.enum(LANGUAGES),
  intents: z.array(TaggedIntentSchema),
  items: z.array(z.string()),
});
export type TagResult = z.infer<typeof TagResultSchema>;

export const PersonaTraitSchema = z.object({ feature: z.string(), value: z.number(), lift: z.number() });

export const PersonaDocSchema = z.object({
  personas: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      size: z.number().int().min(0),
      traits: z.array(PersonaTraitSchema),
    }),
  ),
  assignments: z.array(z.looseObject({ customerId: z.string(), persona: z.string(), distance: z.number() })),
});
export type PersonaDocShape = z.infer<typeof PersonaDocSchema>;
