/**
 * The built-in style sheet applied before the template's, modelled on a browser's defaults so
 * that the PDF and the EPUB (shown by a reader with its own defaults) start from the same place.
 */
import { type CompiledStylesheet, compileStylesheet } from './stylesheet.js';

export const USER_AGENT_PATH = 'pressroom:user-agent.css';

export const USER_AGENT_CSS = `
html, body, div, section, article, header, footer, nav, aside, main, figure, figcaption,
address, p, h1, h2, h3, h4, h5, h6, ul, ol, dl, dt, dd, blockquote, hr, pre { display: block }
li { display: list-item }
head, title, script, style, meta, link, template, noscript { display: none }

html { font-family: serif; font-size: medium; line-height: normal; color: #000000 }

p, dl, pre { margin: 1em 0 }
h1 { font-size: 2em; margin: 0.67em 0; font-weight: bold }
h2 { font-size: 1.5em; margin: 0.83em 0; font-weight: bold }
h3 { font-size: 1.17em; margin: 1em 0; font-weight: bold }
h4 { font-size: 1em; margin: 1.33em 0; font-weight: bold }
h5 { font-size: 0.83em; margin: 1.67em 0; font-weight: bold }
h6 { font-size: 0.67em; margin: 2.33em 0; font-weight: bold }
h1, h2, h3, h4, h5, h6 { break-after: avoid }

strong, b, dt { font-weight: bold }
em, i, cite, dfn, var, address { font-style: italic }
a, u, ins { text-decoration: underline }
code, kbd, samp, pre { font-family: monospace }
small { font-size: smaller }

blockquote, figure { margin: 1em 40px }
dd { margin-left: 40px }
ul, ol { margin: 1em 0; padding-left: 40px }
ul { list-style-type: disc }
ol { list-style-type: decimal }
ul ul, ol ul { list-style-type: circle }
ul ul ul, ol ul ul, ul ol ul, ol ol ul { list-style-type: square }
li ul, li ol { margin-top: 0; margin-bottom: 0 }
hr { border-top: 1px solid; border-bottom: none; margin: 0.5em 0 }
`;

export function userAgentStylesheet(): CompiledStylesheet {
  return compileStylesheet(USER_AGENT_PATH, USER_AGENT_CSS);
}
