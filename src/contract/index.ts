export * from './taxonomy.js';
export * from './schemas.js';
