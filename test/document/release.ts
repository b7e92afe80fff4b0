import type { RunningContext, RenderedRelease } from '../../src/template/types.js';

export interface ReleaseSketch {
  /** The content of <body>. */
  body: string;
  css?: string;
  cssPath?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  title?: string;
  /** Attributes of <body>, written as in markup. */
  bodyAttributes?: string;
  header?: (ctx: RunningContext) => string;
  footer?: (ctx: RunningContext) => string;
  assets?: Record<string, string>;
}

/** A RenderedRelease made by hand, as the template stage would hand it over. */
export function makeRelease(sketch: ReleaseSketch): RenderedRelease {
  const lang = sketch.lang ?? 'en';
  const dir = sketch.dir ?? 'ltr';
  const title = sketch.title ?? 'A test release';
  const xhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}" dir="${dir}">
<head>
<meta charset="UTF-8"/>
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body${sketch.bodyAttributes ? ` ${sketch.bodyAttributes}` : ''}>
${sketch.body}
</body>
</html>
`;
  return {
    template: {
      name: 'test',
      dir: '/templates/test',
      description: 'A template written by a test',
      stylesheet: { path: sketch.cssPath ?? '/templates/test/style.css', text: sketch.css ?? '' },
    },
    xhtml,
    lang,
    dir,
    meta: { title, issuer: 'Test Issuer', date: '2021-04-07', identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
    renderRunning(part, ctx) {
      const render = part === 'header' ? sketch.header : sketch.footer;
      return render ? render(ctx) : '';
    },
    assets: sketch.assets ?? {},
    warnings: [],
  };
}
