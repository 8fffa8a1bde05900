export * from './metrics.js';
export * from './format.js';
export * from './calibration.js';
export * from './cv.js';
