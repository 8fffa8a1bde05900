export {
  findPersonas,
  assignPersonaDoc,
  personaDocument,
  FindPersonasOptionsSchema,
  type FindPersonasOptions,
  type Persona,
  type PersonaDoc,
  type PersonaResult,
  type KSelection,
} from './find.js';
export {
  assignPersonas,
  loadPersonaModel,
  savePersonaModel,
  parsePersonaModel,
  PersonaModelSchema,
  PERSONA_MODEL_FORMAT,
  PERSONA_MODEL_VERSION,
  type PersonaModel,
  type PersonaAssignment,
} from './model.js';
export type { PersonaTrait, SubtypeShare, Representative } from './describe.js';
export type { KScore } from './cluster.js';
export { DEFAULT_GROUP_WEIGHTS, type GroupWeights } from './scale.js';
export { adjustedRandIndex } from './ari.js';
export { formatPersonas } from './format.js';
