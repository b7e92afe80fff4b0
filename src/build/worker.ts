// A build worker process: renders one input at a time for the pool in ./pool.ts. Fonts and
// compiled templates are cached per module, so each worker loads them once for all its inputs.
import { renderOutputs, type RenderedOutputs } from './index.js';
import type { WorkerBuildOptions } from './pool.js';
import { serveJobs } from './serve-jobs.js';

serveJobs<string, RenderedOutputs>((input, options) => renderOutputs(input, options as WorkerBuildOptions));
