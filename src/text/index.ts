export * from './tokenize.js';
export * from './stem.js';
export * from './stopwords.js';
export * from './negation.js';
export * from './language.js';
export * from './analyse.js';
export * from './quoted.js';
