import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PressroomError, PressroomErrors } from '../../src/diagnostics.js';
import { parseRelease, schemaPaths } from '../../src/release/index.js';
import type { DataNode } from '../../src/release/data-tree.js';
import { parseJson } from '../../src/release/json-source.js';
import { Problems } from '../../src/release/problems.js';

/**
 * Parses and checks the contract: it returns, or throws PressroomErrors of one-line messages
 * naming the file. Plain checks rather than `expect`, which is slow over thousands of errors.
 */
function parsesOrRefuses(text: string, path: string): void {
  try {
    parseRelease(text, path);
  } catch (error) {
    if (!(error instanceof PressroomErrors)) throw error;
    if (error.errors.length === 0) throw new Error('PressroomErrors without errors');
    for (const e of error.errors) {
      if (!(e instanceof PressroomError)) throw new Error(`not a PressroomError: ${String(e)}`);
      const line = e.format();
      if (!line.startsWith(path) || /[\n\r\u2028\u2029]/.test(line)) throw new Error(`not one line naming the file: ${JSON.stringify(line)}`);
    }
  }
}

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: codeUnit, maxLength: 100 }));
/** Text made of YAML and JSON punctuation and field names, which reaches deeper than random characters. */
const structuredText = fc.string({
  unit: fc.constantFrom(':', ': ', ' ', '  ', '\n', '- ', '[', ']', '{', '}', '"', "'", '#', '&a', '*a', '!x', '|', '>', ',', '?', '\t', '\\', '---\n', 'title', 'issuer', 'name', 'body', '__proto__', '2021-02-30', '\u0007'),
  maxLength: 80,
});

const fieldNames = new Set(schemaPaths().map(({ spec }) => spec.name));
const keys = fc.constantFrom(...fieldNames, '__proto__', 'constructor', 'prototype', 'titel', '');
const interesting = fc.constantFrom('2024-03-12', '2021-02-30', 'immediate', '2024-06-03T09:00:00+01:00', '2024-06-03T25:00Z', 'en', 'en_GB', 'https://x.org', 'x.org', 'a@b.co', 'emblem.svg', '../x.svg', '/etc/passwd', 'https://x/y.png', '   ', '');
const scalar = fc.oneof(fc.jsonValue({ maxDepth: 1 }), interesting, fc.string({ unit: codeUnit, maxLength: 20 }));

/** JSON text of a mapping with keys from the schema (and hostile ones), nested as releases are. */
const releaseLike: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar.map((v) => JSON.stringify(v) ?? 'null'), tie('object'), fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`)),
  object: fc.array(fc.tuple(keys, tie('value')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
})).object;

describe('parseRelease never crashes', () => {
  it('on arbitrary text in every format', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, structuredText), fc.constantFrom('r.yaml', 'r.json', 'r.md'), (text, path) => parsesOrRefuses(text, path)),
      { numRuns: 1500 },
    );
  });

  it('on Markdown with arbitrary front matter and body', () => {
    fc.assert(fc.property(fc.oneof(anyText, structuredText), anyText, (front, body) => parsesOrRefuses(`---\n${front}\n---\n${body}`, 'r.md')), { numRuns: 500 });
  });

  it('on arbitrary JSON values written as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parsesOrRefuses(JSON.stringify(value), 'r.json');
        parsesOrRefuses(stringify(value), 'r.yaml');
      }),
      { numRuns: 500 },
    );
  });

  it('on release-shaped data with wrong types and hostile keys, and pollutes nothing', () => {
    fc.assert(
      fc.property(releaseLike, (json) => {
        parsesOrRefuses(json, 'r.json');
        parsesOrRefuses(json, 'r.yaml');
        parsesOrRefuses(stringify(JSON.parse(json)), 'r.yaml');
        parsesOrRefuses(`---\n${json}\n---\nBody text.`, 'r.md');
      }),
      { numRuns: 300 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});

/** A tree as a plain value, last duplicate key winning as in JSON.parse. */
function plain(node: DataNode): unknown {
  if (node.type === 'scalar') return node.value;
  if (node.type === 'list') return node.items.map(plain);
  const entries = new Map<string, unknown>();
  for (const entry of node.entries) entries.set(entry.key, plain(entry.value));
  return Object.fromEntries(entries);
}

describe('the JSON reader', () => {
  const mutated = fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', ' ', 'x', '0', '\n')).map(([json, at, insert]) => {
    const i = json.length === 0 ? 0 : at % json.length;
    return json.slice(0, i) + insert + json.slice(i + (insert === '' ? 1 : 0));
  });

  it('accepts exactly what JSON.parse accepts, with the same values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 3 }), mutated), (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const problems = new Problems('r.json');
        const tree = parseJson(text, problems);
        expect(tree !== undefined).toBe(valid);
        if (tree) expect(plain(tree)).toEqual(expected);
        else expect(problems.errors.map((e) => e.position.line !== undefined)).toEqual([true]);
      }),
      { numRuns: 2000 },
    );
  });
});
