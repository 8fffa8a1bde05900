/**
 * convotag's public API: re-exports and factories only.
 */
export * from './contract/index.js';
export * from './io/index.js';
export * from './text/index.js';
export * from './evaluation/index.js';
export { VERSION } from './version.js';
export * from './tagging/index.js';
export { createTaggerPool, TaggerPoolOptionsSchema, type TaggerPool, type TaggerPoolOptions } from './tagging/pool.js';
export * from './profiles/index.js';
export * from './personas/index.js';
export * from './report/index.js';
