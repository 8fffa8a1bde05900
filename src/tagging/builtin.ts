import builtinJson from './builtin-model.json';
import { parseModel, type ModelFile } from './model.js';

let cached: ModelFile | undefined;

/** The model shipped with the package, trained on fixtures/corpus/*.train.*; validated once, on first use. */
export function builtinModel(): ModelFile {
  return (cached ??= parseModel(builtinJson, 'built-in model'));
}
