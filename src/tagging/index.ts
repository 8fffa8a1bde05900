export {
  createTagger,
  TaggerOptionsSchema,
  type Tagger,
  type TaggerOptions,
  type Explanation,
  type CandidateExplanation,
} from './tagger.js';
export {
  trainModel,
  TrainingSet,
  customerFolds,
  foldsFor,
  bestThreshold,
  type TrainingExample,
  type TrainOptions,
  type OutOfFold,
} from './train.js';
export { ModelFileSchema, parseModel, loadModelFile, MODEL_FORMAT, MODEL_VERSION, type ModelFile } from './model.js';
export { builtinModel } from './builtin.js';
export { builtinCues } from './prepare.js';
export { compileLexicon, type LexiconSpec, type CueSpec } from './lexicon/compile.js';
export { extractItems } from './items.js';
