export * from './metrics.js';
export * from './format.js';
