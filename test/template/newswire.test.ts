import { describe, expect, it } from 'vitest';
import { toReleaseView } from '../../src/markup/index.js';
import { loadTemplate, renderRelease, resolveTemplateDir } from '../../src/template/index.js';
import { formatDateTime } from '../../src/template/helpers.js';
import { expectGolden } from '../golden.js';
import { loadedRelease } from './fixtures.js';

const newswire = () => loadTemplate(resolveTemplateDir('newswire', process.cwd()));

describe('newswire template', () => {
  const view = toReleaseView(
    loadedRelease({
      release: { kind: 'embargo', until: '2024-06-03T09:00:00+01:00' },
      contacts: [{ name: 'Amira Castell', role: 'Head of Communications', email: 'amira@example.org' }],
      about: 'The **cooperative** is owned by its members.',
      end: '###',
    }),
  );

  it('renders release line, headline, contacts, about and end mark', () => {
    const { xhtml } = renderRelease(view, newswire());
    expectGolden('template/newswire.xhtml', xhtml);
    expect(xhtml).toContain('<p class="release-line">Embargoed until June 3, 2024, 09:00 UTC+01:00</p>');
    expect(xhtml).toContain('<span class="dateline-place">Pyongyang</span>');
    expect(xhtml.indexOf('class="end"')).toBeGreaterThan(xhtml.indexOf('class="about"'));
  });

  it('prints "– more –" at the foot of every page but the last', () => {
    const rendered = renderRelease(view, newswire());
    expect(rendered.renderRunning('footer', { page: 1, pages: 2 })).toContain('– more –');
    expect(rendered.renderRunning('footer', { page: 2, pages: 2 })).not.toContain('– more –');
  });
});

describe('formatDateTime', () => {
  it('keeps the offset the release gave', () => {
    expect(formatDateTime('2024-06-03T09:00:00+01:00', 'en')).toBe('June 3, 2024, 09:00 UTC+01:00');
    expect(formatDateTime('2024-06-03T09:00Z', 'en-GB')).toBe('3 June 2024, 09:00 UTC');
  });
});
