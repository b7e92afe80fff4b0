export { parseRelease, checkReleaseText, DEFAULT_MAX_BYTES, type ReleaseOptions, type ReleaseCheck } from './parse.js';
export { loadRelease, validateRelease } from './load.js';
export { ReleaseSchema, schemaPaths, type FieldSpec, type FieldType } from './schema.js';
export type * from './types.js';
