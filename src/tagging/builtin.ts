import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConvotagError } from '../io/errors.js';
import { parseModel, type ModelFile } from './model.js';

let cached: ModelFile | undefined;

/**
 * The model shipped with the package, trained on fixtures/corpus/*.train.*;
 * read and validated once, on first use. It sits next to the code as a JSON
 * file (dist/builtin-model.json, or src/tagging/ when run from source), not
 * inside the bundle: commands that do not tag never parse it, and JSON.parse
 * of a file is faster and leaner than a 5 MB object literal in the code.
 */
export function builtinModel(): ModelFile {
  if (cached) return cached;
  const url = new URL('./builtin-model.json', import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    throw new ConvotagError(
      `the built-in model is missing (${fileURLToPath(url)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}); reinstall convotag or pass a model file`,
    );
  }
  return (cached = parseModel(JSON.parse(text), 'built-in model'));
}
