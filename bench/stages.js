#!/usr/bin/env node
// Where the warm time of one release goes, stage by stage: medians over varied releases in one
// warm process (the profile's view without the profiler's own cost).
// usage: node bench/stages.js [releases]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';
import { median } from './stats.js';

const count = Number(process.argv[2] ?? 60);
const { loadRelease } = await import('../dist/index.js');
const { renderXhtml, typesetRelease } = await import('../dist/build/render.js');
const { buildDocument } = await import('../dist/document/index.js');
const { drawPdf } = await import('../dist/pdf/index.js');
const { renderEpub } = await import('../dist/epub/index.js');
const { coverPng } = await import('../dist/epub/cover.js');

const dir = mkdtempSync(join(tmpdir(), 'pressroom-stages-'));
const times = {};
const lap = (name, start) => {
  (times[name] ??= []).push(performance.now() - start);
  return performance.now();
};
try {
  const paths = writeCorpus(dir, count + 5, 5);
  for (const [i, path] of paths.entries()) {
    let t = performance.now();
    const t0 = t;
    const loaded = await loadRelease(path);
    t = lap('load', t);
    const rendered = renderXhtml(loaded);
    t = lap('template', t);
    buildDocument(rendered, {});
    t = lap('document', t);
    const pages = typesetRelease(rendered);
    t = lap('document+typeset', t);
    await drawPdf(pages, { title: rendered.meta.title, lang: rendered.lang, date: rendered.meta.date, author: rendered.meta.issuer });
    t = lap('drawPdf', t);
    coverPng({ issuerLines: [`Issuer ${i}`], title: rendered.meta.title });
    t = lap('cover (new)', t);
    await renderEpub([rendered]);
    t = lap('renderEpub', t);
    lap('total', t0);
    if (i < 5) for (const k of Object.keys(times)) times[k].pop();
  }
  for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(18)} ${median(v).toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
