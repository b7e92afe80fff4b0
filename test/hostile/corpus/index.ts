import { imageCases, templateCases } from './assets.js';
import { encodingCases, schemaCases, syntaxCases } from './data.js';
import { injectionCases, sizeCases } from './text.js';
import type { HostileCase } from './types.js';

/** Every hostile case, by category. */
export const corpus: HostileCase[] = [...syntaxCases, ...schemaCases, ...encodingCases, ...injectionCases, ...sizeCases, ...imageCases, ...templateCases];
