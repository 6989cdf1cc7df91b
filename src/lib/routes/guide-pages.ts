/** The authoring guide's pages, in reading order: the guide's own navigation. */
export const GUIDE_PAGES = [
  { path: '/guide/', title: 'Getting started' },
  { path: '/guide/drafts/', title: 'Drafts and preview' },
  { path: '/guide/checking/', title: 'Checking your work' },
  { path: '/guide/editor/', title: 'Editor setup' },
  { path: '/guide/dates/', title: 'Dates' },
  { path: '/guide/events/', title: 'Events and timelines' },
  { path: '/guide/components/', title: 'Quotes and timelines in articles' },
  { path: '/guide/pictures/', title: 'Pictures' },
  { path: '/guide/corrections/', title: 'Corrections and changed URLs' },
  { path: '/guide/languages/', title: 'Languages and translations' },
  { path: '/guide/search/', title: 'How search finds articles' },
  { path: '/guide/import/', title: 'Moving an archive to Chronicle' },
  { path: '/guide/fields/', title: 'Every field' },
] as const;
