import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedRelease, Template } from '../../src/template/types.js';

/** Hand-built template-stage output, until the template stage renders real releases for us. */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const template: Template = {
  name: 'test',
  dir: fixtures,
  description: 'EPUB test template',
  stylesheet: { path: join(fixtures, 'style.css'), text: readFileSync(join(fixtures, 'style.css'), 'utf8') },
};

interface Spec {
  lang: string;
  dir?: 'ltr' | 'rtl';
  issuerLines: string[];
  address: string;
  label: string;
  titleHtml: string;
  title: string;
  date: string;
  identifier: string;
  body: string;
  logo?: boolean;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function makeRelease(spec: Spec): RenderedRelease {
  const dir = spec.dir ?? 'ltr';
  const dirAttr = dir === 'rtl' ? ' dir="rtl"' : '';
  const logo = spec.logo ? '<img class="logo" src="images/logo.svg" alt="Emblem of the issuer"/>\n' : '';
  const xhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${spec.lang}" xml:lang="${spec.lang}"${dirAttr}>
<head><title>${escape(spec.title)}</title><link rel="stylesheet" href="style.css"/></head>
<body class="release">
<header class="letterhead">
${logo}${spec.issuerLines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<p class="address">${escape(spec.address)}</p>
</header>
<hr/>
<p class="label">${escape(spec.label)}</p>
<h1>${spec.titleHtml}</h1>
${spec.body}
<p class="end">###</p>
</body>
</html>
`;
  return {
    template,
    xhtml,
    lang: spec.lang,
    dir,
    meta: {
      title: spec.title,
      issuer: spec.issuerLines.join(' '),
      issuerLines: spec.issuerLines,
      label: spec.label,
      date: spec.date,
      identifier: spec.identifier,
    },
    renderRunning: () => '',
    assets: spec.logo ? { 'images/logo.svg': join(fixtures, 'emblem.svg') } : {},
    warnings: [],
  };
}

export const english = makeRelease({
  lang: 'en',
  issuerLines: ['Embassy of the Example Republic', 'in the Kingdom of Elsewhere'],
  address: '12 Harbour Road, #04-01 Example Tower, Elsewhere 100200',
  label: 'Press Release',
  title: 'Opening Speech Made by Someone at Some Conference',
  titleHtml: 'Opening Speech Made by <strong>Someone at Some Conference</strong>',
  date: '2021-04-07',
  identifier: 'urn:uuid:2a8f6a0e-5a1b-5c7e-9d3f-1b2c3d4e5f60',
  logo: true,
  body: `<p><span class="dateline">Pyongyang, April 7 (KCNA) -- </span>The conference opened on Wednesday with a speech on <em>co-operation</em> &amp; trade.</p>
<h2>Background</h2>
<p>Delegates from 12 countries attended; the “closing session” follows on Friday.</p>
<h2 id="contacts">Media contacts</h2>
<p>Press office: <a href="mailto:press@example.org">press@example.org</a></p>`,
});

export const korean = makeRelease({
  lang: 'ko',
  issuerLines: ['주 엘스웨어 예시공화국 대사관'],
  address: '엘스웨어 항구로 12',
  label: '보도자료',
  title: '국제회의 개막 연설',
  titleHtml: '국제회의 <strong>개막 연설</strong>',
  date: '2021-04-08',
  identifier: 'urn:uuid:7c1d2e3f-4a5b-5c6d-8e7f-0a1b2c3d4e5f',
  body: `<p><span class="dateline">평양, 4월 8일 (KCNA) -- </span>회의는 수요일에 개막 연설로 시작되었다. Delegates attended.</p>
<h2>배경</h2>
<p>12개국 대표단이 참석하였다.</p>`,
});

export const hebrew = makeRelease({
  lang: 'he',
  dir: 'rtl',
  issuerLines: ['שגרירות הרפובליקה לדוגמה'],
  address: 'רחוב הנמל 12',
  label: 'הודעה לעיתונות',
  title: 'נאום הפתיחה בכנס',
  titleHtml: 'נאום <strong>הפתיחה בכנס</strong>',
  date: '2021-04-09',
  identifier: 'urn:uuid:9e8d7c6b-5a49-5382-9716-05f4e3d2c1b0',
  body: `<p>הכנס נפתח ביום רביעי בנאום על שיתוף פעולה.</p>
<h2>רקע</h2>
<p>נציגים מ־12 מדינות השתתפו.</p>`,
});

/** The spec of a release `makeRelease` made, to make another like it (with `body` to fill in). */
export function specOf(release: RenderedRelease): Spec {
  return {
    lang: release.lang,
    issuerLines: release.meta.issuerLines ?? [release.meta.issuer],
    address: 'Address',
    label: release.meta.label ?? 'Press Release',
    titleHtml: release.meta.title,
    title: release.meta.title,
    date: release.meta.date,
    identifier: release.meta.identifier ?? 'urn:uuid:00000000-0000-5000-8000-000000000000',
    body: '',
  };
}
