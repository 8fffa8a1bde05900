import { copyFileSync, readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __CONVOTAG_VERSION__: JSON.stringify(version) };

// Library: ESM + CJS with typings for both. CLI: ESM only, with a shebang.
// The tagging worker thread (dist/worker.js) is built with the CLI and shares its chunks, so the model is not bundled twice.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    shims: true,
    define,
    // the built-in model is read at run time from next to the bundle (src/tagging/builtin.ts)
    onSuccess: async () => copyFileSync('src/tagging/builtin-model.json', 'dist/builtin-model.json'),
  },
  {
    entry: { cli: 'src/cli/bin.ts', worker: 'src/tagging/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
