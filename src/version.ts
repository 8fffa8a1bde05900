// Replaced at build time by tsup's `define`; the fallback serves tests run from source.
declare const __CONVOTAG_VERSION__: string | undefined;
export const VERSION: string = typeof __CONVOTAG_VERSION__ === 'string' ? __CONVOTAG_VERSION__ : '0.0.0-dev';
