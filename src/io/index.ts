export * from './errors.js';
export * from './sources.js';
export * from './readers.js';
