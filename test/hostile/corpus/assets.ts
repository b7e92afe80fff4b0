import { SVG, jpeg, jpegClaiming, png, pngClaiming, pngWithGarbageData, truncatedJpeg, truncatedPng } from './images.js';
import { built, refused, releaseJson, type CaseFile, type Expected, type HostileCase } from './types.js';

/** A release with `logo` as its logo and `files` beside it. */
function logoCase(name: string, logo: string, files: Record<string, CaseFile>, expect: Expected): HostileCase {
  return { name, files: { ...files, 'r.json': releaseJson({ issuer: { logo } }) }, input: 'r.json', expect };
}

/** A release using a copy of the embassy template in `tpl/`, with `files` changed in it. */
function templateCase(name: string, files: Record<string, CaseFile>, expect: Expected, changes: Record<string, unknown> = {}): HostileCase {
  return { name, files: { tpl: { template: 'embassy' }, ...files, 'r.json': releaseJson({ template: './tpl', ...changes }) }, input: 'r.json', expect };
}

const LOGO_AT = 'r.json:6';

/** Images named in data: paths, remote URLs, corrupt and oversized files. */
export const imageCases: HostileCase[] = [
  logoCase('logo/valid-png', 'emblem.png', { 'emblem.png': png(32, 32) }, built()),
  logoCase('logo/valid-jpeg', 'emblem.jpg', { 'emblem.jpg': jpeg }, built()),
  logoCase('logo/valid-svg', 'emblem.svg', { 'emblem.svg': SVG }, built()),
  logoCase('logo/https-url', 'https://evil.example/logo.png', {}, refused(LOGO_AT, [/issuer\.logo/, /remote/])),
  logoCase('logo/protocol-relative-url', '//evil.example/logo.png', {}, refused(LOGO_AT, [/issuer\.logo/, /remote/])),
  logoCase('logo/file-url', 'file:///etc/passwd', {}, refused(LOGO_AT, [/issuer\.logo/])),
  logoCase('logo/data-url', 'data:image/png;base64,iVBORw0KGgo=', {}, refused(LOGO_AT, [/issuer\.logo/])),
  logoCase('logo/unc-path', '\\\\server\\share\\logo.png', {}, refused(LOGO_AT, [/issuer\.logo/])),
  logoCase('logo/absolute-path', '/etc/passwd.png', {}, refused(LOGO_AT, [/issuer\.logo/, /absolute/])),
  logoCase('logo/windows-absolute-path', 'C:\\Windows\\logo.png', {}, refused(LOGO_AT, [/issuer\.logo/, /absolute/])),
  logoCase('logo/parent-folder', '../outside.png', {}, refused(LOGO_AT, [/issuer\.logo/, /leaves/])),
  logoCase('logo/parent-inside-path', 'a/../../outside.png', { 'a/keep': '' }, refused(LOGO_AT, [/issuer\.logo/, /leaves/])),
  logoCase('logo/symlink-out', 'emblem.png', { 'emblem.png': { symlink: '/etc/hostname' } }, refused(LOGO_AT, [/issuer\.logo/, /link|outside/])),
  logoCase('logo/symlinked-folder-out', 'art/emblem.png', { art: { symlink: '/usr/share' } }, refused(LOGO_AT, [/issuer\.logo/])),
  logoCase('logo/missing-file', 'emblem.png', {}, refused(LOGO_AT, [/issuer\.logo/, /not found/])),
  logoCase('logo/gif', 'emblem.gif', { 'emblem.gif': 'GIF89a' }, refused(LOGO_AT, [/issuer\.logo/, /PNG, JPEG or SVG/])),
  logoCase('logo/folder-named-png', 'emblem.png', { 'emblem.png/x': '' }, refused(LOGO_AT, [/issuer\.logo/, /not a file/])),
  logoCase('logo/empty-png', 'emblem.png', { 'emblem.png': '' }, refused(LOGO_AT, [/issuer\.logo/, /empty|not a PNG|cannot be read/i])),
  logoCase('logo/random-bytes-png', 'emblem.png', { 'emblem.png': Buffer.from('this is not an image at all') }, refused(LOGO_AT, [/issuer\.logo/, /PNG/])),
  logoCase('logo/truncated-png', 'emblem.png', { 'emblem.png': truncatedPng }, refused(LOGO_AT, [/issuer\.logo/, /PNG/])),
  logoCase('logo/png-garbage-data', 'emblem.png', { 'emblem.png': pngWithGarbageData }, refused(LOGO_AT, [/issuer\.logo/, /PNG/])),
  logoCase('logo/jpeg-named-png', 'emblem.png', { 'emblem.png': jpeg }, built()),
  logoCase('logo/random-bytes-jpeg', 'emblem.jpg', { 'emblem.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) }, refused(LOGO_AT, [/issuer\.logo/, /JPEG/])),
  logoCase('logo/truncated-jpeg', 'emblem.jpg', { 'emblem.jpg': truncatedJpeg }, refused(LOGO_AT, [/issuer\.logo/, /JPEG file is corrupt \(it is cut off\)/])),
  logoCase('logo/malformed-svg', 'emblem.svg', { 'emblem.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"' }, refused(LOGO_AT, [/issuer\.logo/, /SVG/])),
  logoCase('logo/svg-not-svg', 'emblem.svg', { 'emblem.svg': '{"not": "svg"}' }, refused(LOGO_AT, [/issuer\.logo/, /SVG/])),
  logoCase('logo/svg-remote-image', 'emblem.svg', { 'emblem.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="https://evil.example/x.png" width="10" height="10"/></svg>' }, refused(LOGO_AT, [/issuer\.logo/, /remote|https/])),
  logoCase('logo/svg-script', 'emblem.svg', { 'emblem.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>process.exit(3)</script><rect width="10" height="10"/></svg>' }, built()),
  logoCase('logo/svg-external-entity', 'emblem.svg', { 'emblem.svg': '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">&x;</text></svg>' }, refused(LOGO_AT, [/issuer\.logo/, /entit|DOCTYPE/i])),
  logoCase('logo/svg-entity-bomb', 'emblem.svg', { 'emblem.svg': svgEntityBomb() }, refused(LOGO_AT, [/issuer\.logo/, /entit|DOCTYPE/i])),
  logoCase('logo/png-claims-gigapixels', 'emblem.png', { 'emblem.png': () => pngClaiming(100_000, 100_000) }, refused(LOGO_AT, [/issuer\.logo/, /pixels/, /--max-image-pixels/])),
  logoCase('logo/jpeg-claims-huge', 'emblem.jpg', { 'emblem.jpg': () => jpegClaiming(65_000, 65_000) }, refused(LOGO_AT, [/issuer\.logo/, /pixels/, /--max-image-pixels/])),
  logoCase('logo/svg-huge-size', 'emblem.svg', { 'emblem.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="1e9" viewBox="0 0 1 1"/>' }, built()),
  logoCase('logo/over-byte-limit', 'emblem.png', { 'emblem.png': () => Buffer.concat([png(4, 4), Buffer.alloc(11 * 1024 * 1024)]) }, refused(LOGO_AT, [/issuer\.logo/, /MiB/, /--max-image-bytes/])),
  { name: 'logo/pixels-within-raised-limit', files: { 'emblem.png': png(40, 40), 'r.json': releaseJson({ issuer: { logo: 'emblem.png' } }) }, input: 'r.json', options: { maxImagePixels: 1000 }, expect: refused(LOGO_AT, [/1600 pixels|40 × 40/, /--max-image-pixels/]) },
];

const BROKEN_PARTIAL = '<header>\n{{#if issuer.logo}}\n<p>never closed</p>\n';

/** Templates a designer broke, or that try to reach outside their folder. */
export const templateCases: HostileCase[] = [
  { name: 'template/unknown-name', files: { 'r.json': releaseJson({ template: 'nosuch' }) }, input: 'r.json', expect: refused('r.json:10', [/template/, /no template 'nosuch'/], false) },
  { name: 'template/path-leaves-release-folder', files: { 'r.json': releaseJson({ template: '../../../usr/share' }) }, input: 'r.json', expect: refused('r.json:10', [/template/, /leaves|folder/]) },
  { name: 'template/absolute-path', files: { 'r.json': releaseJson({ template: '/etc' }) }, input: 'r.json', expect: refused('r.json:10', [/template/, /absolute|folder/]) },
  { name: 'template/remote-url', files: { 'r.json': releaseJson({ template: 'https://evil.example/tpl' }) }, input: 'r.json', expect: refused('r.json:10', [/template/, /remote/]) },
  templateCase('template/valid-copy', {}, built()),
  templateCase('template/unclosed-block', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n{{#if title}}\n<h1>{{title}}</h1>\n</body></html>\n' }, refused('tpl/release.hbs:', [/./], false)),
  templateCase('template/unknown-helper', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>{{exec "rm -rf /"}}</p>\n</body></html>\n' }, refused('tpl/release.hbs:2', [/exec/], false)),
  templateCase('template/misspelt-field', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<h1>{{titel}}</h1>\n</body></html>\n' }, refused('tpl/release.hbs:2', [/titel/], false)),
  templateCase('template/missing-partial', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n{{> nosuch}}\n</body></html>\n' }, refused('tpl/release.hbs:2', [/nosuch/], false)),
  templateCase('template/partial-path-outside', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n{{> ../../etc/passwd}}\n</body></html>\n' }, refused('tpl/release.hbs:2', [/partial|passwd/i], false)),
  templateCase('template/broken-partial', { 'tpl/partials/letterhead.hbs': BROKEN_PARTIAL }, refused('tpl/partials/letterhead.hbs:', [/./], false)),
  templateCase('template/partial-symlink-out', { 'tpl/partials/evil.hbs': { symlink: '/etc/hostname' } }, refused('tpl/partials/evil.hbs', [/link|outside|folder/], false)),
  templateCase('template/stylesheet-symlink-out', { 'tpl/style.css': { symlink: '/etc/hostname' } }, refused('tpl/style.css', [/link|outside|folder/], false)),
  templateCase('template/proto-lookup', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>{{lookup this "constructor"}}{{lookup issuer "__proto__"}}x</p>\n<h1>{{title}}</h1>{{body}}\n</body></html>\n' }, built()),
  templateCase('template/constructor-field', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>{{constructor.name}}</p>\n</body></html>\n' }, refused('tpl/release.hbs:2', [/constructor/], false)),
  templateCase('template/manifest-broken', { 'tpl/template.json': '{ "labels": ' }, refused('tpl/template.json', [/template\.json|parse/], false)),
  templateCase('template/no-stylesheet', { 'tpl/style.css': { symlink: 'nowhere.css' } }, refused('tpl/style.css', [/style\.css/], false)),
  templateCase('template/not-xhtml', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<p>open <b>never closed\n</body>\n' }, built()),
  templateCase('template/no-body', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head></html>\n' }, refused('tpl', [/body/], false)),
  templateCase('template/remote-image', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<img src="https://evil.example/track.png" alt=""/>\n<h1>{{title}}</h1>{{body}}\n</body></html>\n' }, refused('tpl', [/remote/], false)),
  templateCase('template/image-outside', { 'tpl/release.hbs': '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<img src="../../../etc/x.png" alt=""/>\n<h1>{{title}}</h1>{{body}}\n</body></html>\n' }, refused('tpl', [/image/], false)),
  templateCase('css/syntax-error', { 'tpl/style.css': 'body { font-size: 12pt;\np { color: red\n' }, refused('tpl/style.css:2:1', [/CSS syntax error/, /Unclosed/], false)),
  templateCase('css/unknown-property', { 'tpl/style.css': 'body { font-size: 12pt; }\np { float: left; }\n' }, built(/style\.css:2.*float/)),
  templateCase('css/remote-import', { 'tpl/style.css': '@import url("https://evil.example/x.css");\nbody { font-size: 12pt; }\n' }, refused('tpl/style.css:1', [/remote|@import/], false)),
  templateCase('css/remote-font-face', { 'tpl/style.css': '@font-face { font-family: X; src: url(https://evil.example/x.woff2); }\nbody { font-size: 12pt; }\n' }, refused('tpl/style.css:1', [/remote|https/], false)),
  templateCase('css/remote-background', { 'tpl/style.css': 'body { font-size: 12pt; background: url(//evil.example/bg.png); }\n' }, refused('tpl/style.css:1', [/remote|url/], false)),
  templateCase('css/missing-font-family', { 'tpl/style.css': 'body { font-family: "No Such Font"; font-size: 12pt; }\n' }, built()),
  templateCase('css/zero-font-size', { 'tpl/style.css': 'body { font-size: 0; }\n' }, built()),
  templateCase('css/huge-font-size', { 'tpl/style.css': 'body { font-size: 2000pt; }\n' }, refused('tpl/style.css', [/room|page|font-size/i], false)),
  templateCase('layout/margins-fill-page', { 'tpl/style.css': '@page { size: A4; margin: 150mm; }\nbody { font-size: 12pt; }\n' }, refused('tpl/style.css', [/margin|room/i], false)),
  templateCase('layout/tiny-page', { 'tpl/style.css': '@page { size: 5mm 5mm; margin: 1mm; }\nbody { font-size: 12pt; }\n' }, refused('tpl/style.css', [/room|page/i], false)),
  templateCase('layout/negative-margins', { 'tpl/style.css': '@page { size: A4; margin: -50mm; }\nbody { font-size: 12pt; }\n' }, refused('tpl/style.css', [/margin/], false)),
  { name: 'layout/page-size-flag-zero', files: { 'r.json': releaseJson() }, input: 'r.json', options: { pageSize: '0mm 0mm' }, expect: refused('', [/page size|room/i], false) },
  { name: 'layout/page-size-flag-garbage', files: { 'r.json': releaseJson() }, input: 'r.json', options: { pageSize: 'enormous' }, expect: refused('', [/page size 'enormous'|unknown page size/], false) },
  { name: 'layout/page-size-flag-huge', files: { 'r.json': releaseJson() }, input: 'r.json', options: { pageSize: '100000mm 100000mm' }, expect: refused('', [/page size|PDF/i], false) },
];

/** Entities that expand to a billion characters if a parser expands them. */
function svgEntityBomb(): string {
  const entities = ['<!ENTITY a0 "lol">'];
  for (let i = 1; i < 10; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE svg [${entities.join('')}]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text y="5">&a9;</text></svg>`;
}
