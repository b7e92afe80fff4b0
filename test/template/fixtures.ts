import type { LoadedRelease, Release } from '../../src/release/types.js';

/** A release as the loader would return it, built by hand so template tests stand alone. */
export function loadedRelease(overrides: Partial<Release> = {}): LoadedRelease {
  const release: Release = {
    lang: 'en',
    issuer: {
      name: ['Embassy of the Example Republic', 'in the Kingdom of Elsewhere'],
      address: '12 Harbour Road, #04-01 Example Tower, Elsewhere 100200',
      phone: '(65) 6000 0000',
      fax: '(65) 6000 0001',
      email: 'press@example.org',
    },
    label: 'Press Release',
    release: { kind: 'immediate' },
    date: '2021-04-07',
    dateline: { place: 'Pyongyang', source: 'KCNA', text: 'April 7' },
    title: 'Opening Speech Made by **Someone at Some Conference**',
    body: 'The following is the speech.\n\nDear comrades,\n\nA second paragraph.',
    contacts: [],
    ...overrides,
  };
  return { release, source: { path: 'test.yaml', dir: '/tmp', format: 'yaml', positions: {} } };
}
