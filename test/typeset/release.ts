import type { Block, Document } from '../../src/document/types.js';
import { heading, lorem, makeDoc, para, style, text } from './helpers.js';

const zero = { top: 0, right: 0, bottom: 0, left: 0 };
const centred = (t: string, extra = {}) => para(t, { textAlign: 'center', hyphens: 'manual', ...extra });
const body = [
  lorem,
  lorem.split('. ').reverse().join('. '),
  'The two sides agreed to hold the next session of the commission in the first half of the coming year, and to set up working groups on agriculture, public health, science and technology, and on the digital economy.',
  lorem.replace(/the /g, 'a '),
];

/** A release shaped like the embassy template's output: letterhead, label, title, body, footer. */
export function sampleRelease(paragraphs = 12): Document {
  const blocks: Block[] = [
    centred('Embassy of the Example Republic', { fontWeight: 700, fontSize: 15, lineHeight: 18 }),
    centred('in the Kingdom of Elsewhere', { fontWeight: 700, fontSize: 15, lineHeight: 18 }),
    centred('12 Harbour Road, #04-01 Example Tower, Elsewhere 100200', { fontSize: 10, lineHeight: 13 }),
    centred('Tel: (65) 6000 0000 Fax: (65) 6000 0001 E-mail: press@example.org', {
      fontSize: 10,
      lineHeight: 13,
      padding: { ...zero, bottom: 6 },
      borderBottom: { width: 1, style: 'solid', color: '#000000' },
      margin: { ...zero, bottom: 18 },
    }),
    centred('Press Release', { fontWeight: 700, fontSize: 12, textTransform: 'uppercase', letterSpacing: 1, breakAfter: 'avoid', margin: { ...zero, bottom: 12 } }),
    {
      ...para([text('Opening Speech Made by ', { fontSize: 16 }), text('Someone at Some Conference on Maritime Cooperation', { fontSize: 16, fontWeight: 700 })], {
        textAlign: 'center',
        fontSize: 16,
        lineHeight: 20,
        hyphens: 'manual',
        breakAfter: 'avoid',
        margin: { ...zero, bottom: 14 },
      }),
      role: 'H1',
    } as Block,
    para([text('Pyongyang, April 7 (KCNA) -- ', { fontWeight: 700 }), text(body[0])], { margin: { ...zero, bottom: 8 } }),
  ];
  for (let i = 1; i < paragraphs; i++) {
    if (i % 4 === 0) blocks.push(heading(`Part ${i / 4} of the Talks`, 2));
    blocks.push(para(body[i % body.length], { textIndent: 0, margin: { ...zero, bottom: 8 } }));
  }
  blocks.push({
    kind: 'container',
    role: 'L',
    style: style({ margin: { ...zero, left: 18, bottom: 8 } }),
    classes: [],
    children: ['Trade and investment', 'Education and culture', 'Protection of the environment'].map((t) => ({ ...para(t, { textAlign: 'left' }), role: 'LI', marker: '•' }) as Block),
  });
  blocks.push(centred('###', { margin: { ...zero, top: 12 } }));
  return makeDoc(blocks, {}, (part, page, pages) =>
    part === 'footer' ? [centred(`${page} / ${pages}`, { fontSize: 9, lineHeight: 11 })] : page > 1 ? [para('Embassy of the Example Republic — Press Release', { textAlign: 'right', fontSize: 9, lineHeight: 11, fontStyle: 'italic' })] : [],
  );
}
