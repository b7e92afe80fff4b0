#!/usr/bin/env node
// One Typst compilation as a whole process, as the issue measured it: load the compiler and
// the fonts, compile a .typ file, write the PDF. usage: node bench/typst-once.js IN.typ OUT.pdf
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SETTING } from './peers/setting.js';

const require = createRequire(import.meta.url);
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [input, output] = process.argv.slice(2);
const fontBlobs = Object.values(SETTING.fonts).map((file) => readFileSync(file));
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
writeFileSync(output, compiler.pdf({ mainFileContent: readFileSync(input, 'utf8') }));
