export { renderRelease } from './render.js';
export { loadTemplate, resolveTemplateDir, listTemplates, clearTemplateCache, BUILTIN_TEMPLATES } from './load.js';
export type { CompiledTemplate } from './load.js';
export type { RenderedRelease, RunningContext, Template } from './types.js';
export { insertRunIn } from './helpers.js';
