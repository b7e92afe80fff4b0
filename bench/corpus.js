// Varied releases of reference size for the bench: the shapes of the reference release and
// examples/maritime-forum.yaml with paragraphs and words shuffled by a seeded PRNG, so every
// release is new text (no result cached across inputs can help) yet the same for every run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHAPES = ['test/golden/import/reference.yaml', 'examples/maritime-forum.yaml'];

/** mulberry32: a small deterministic PRNG; the same seed gives the same releases. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Swaps about a fifth of a paragraph's words pairwise: new lines and breaks, same vocabulary. */
function stirWords(paragraph, random) {
  const words = paragraph.split(' ');
  for (let k = 0; k < words.length / 5; k++) {
    const i = Math.floor(random() * words.length);
    const j = Math.floor(random() * words.length);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words.join(' ');
}

const shapes = () => SHAPES.map((path) => parse(readFileSync(join(ROOT, path), 'utf8')));

/** The release data of variant `n`: a shape's letterhead with its body shuffled. */
export function variant(n, shapeList = shapes(), seed = 1) {
  const random = prng(seed * 1_000_003 + n);
  const shape = shapeList[n % shapeList.length];
  const paragraphs = shape.body.trim().split(/\n\s*\n/);
  const body = shuffle(paragraphs, random).map((p) => stirWords(p, random));
  const titleWords = shape.title.replace(/\*\*/g, '').split(' ');
  const cut = 3 + Math.floor(random() * (titleWords.length - 4));
  const stirred = shuffle(titleWords, random);
  const day = 1 + Math.floor(random() * 28);
  return {
    ...shape,
    reference: `No. ${n + 1}/2024`,
    date: `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    title: `${stirred.slice(0, cut).join(' ')} **${stirred.slice(cut).join(' ')}**`,
    body: `${body.join('\n\n')}\n`,
  };
}

/** Writes `count` varied releases as `dir/release-NNNNN.yaml`; returns their paths. */
export function writeCorpus(dir, count, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const list = shapes();
  const paths = [];
  for (let n = 0; n < count; n++) {
    const path = join(dir, `release-${String(n).padStart(5, '0')}.yaml`);
    writeFileSync(path, stringify(variant(n, list, seed), { lineWidth: 0 }));
    paths.push(path);
  }
  return paths;
}
