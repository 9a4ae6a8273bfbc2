export * from './builtin-specs.ts';
export * from './check-material.ts';
export * from './file-name.ts';
export * from './limits.ts';
export type * from './probed.ts';
export * from './spec.ts';
