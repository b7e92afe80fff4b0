// A build worker process: builds and writes one input at a time for the pool in ./pool.ts.
// Fonts and compiled templates are cached per module, so each worker loads them once for all
// its inputs.
import { buildRelease, type BuildResult } from './index.js';
import type { WorkerBuildOptions } from './pool.js';
import { serveJobs } from './serve-jobs.js';
import { cleanUpOnSignal } from './write.js';

// Before the first job: a signal then lets a write under way end whole (see cleanUpOnSignal).
cleanUpOnSignal();
serveJobs<string, BuildResult>((input, options) => buildRelease(input, options as WorkerBuildOptions));
