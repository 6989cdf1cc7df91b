import { cardsDir, cardsVersion } from 'virtual:chronicle/cards';
import { requestCard } from '../cards/cache.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardFields } from '../cards/layout.ts';
import { ui, type UiStrings } from '../core/i18n/index.ts';
import { localizedDates } from '../core/dates.ts';
import { partialDateOf } from '../core/partial-date.ts';
import type { ArticleSummary } from '../model/records.ts';
import { absoluteUrl } from './site-urls.ts';
import { sitePath as pathUnderBase } from '../site/sitemap-dates.ts';

/** A page's picture for link previews: absolute URL, description and, when known, its size. */
export interface ShareImage { url: string; alt: string; width?: number | undefined; height?: number | undefined }

/** What a page may add to its card beyond its title: the section, the date and dateline as it writes them. */
export type CardExtras = Partial<Pick<CardFields, 'section' | 'date' | 'dateline'>>;

/** The folder a page's URL starts with, and the label its card shows: an entry's page (`/people/x/`) or the list. */
const SECTIONS: Record<string, { entry: keyof UiStrings; list: keyof UiStrings }> = {
  articles: { entry: 'article', list: 'article' },
  topics: { entry: 'facetTopic', list: 'topics' },
  people: { entry: 'facetPerson', list: 'people' },
  organizations: { entry: 'facetOrganization', list: 'organizations' },
  countries: { entry: 'facetCountry', list: 'countries' },
  events: { entry: 'event', list: 'events' },
  timeline: { entry: 'navTimeline', list: 'navTimeline' },
  archive: { entry: 'navArchive', list: 'navArchive' },
  quotes: { entry: 'navQuotes', list: 'navQuotes' },
  guide: { entry: 'navGuide', list: 'navGuide' },
  search: { entry: 'searchTitle', list: 'searchTitle' },
};

/** A page's path on the site, without the base path the site is published under (as the sitemap reads it). */
export function sitePath(pathname: string): string {
  return pathUnderBase(new URL(pathname, 'http://localhost').href, import.meta.env.BASE_URL) ?? pathname;
}

/** The section a page's card names, from its site path: `/people/x/…` → "Person", `/people/` → "People". */
export function sectionOf(path: string, lang: string): string | undefined {
  const [folder, entry] = path.split('/').filter(Boolean);
  const section = folder ? SECTIONS[folder] : undefined;
  // Numbered list pages (`/people/2/`) are still the list.
  return section ? ui(lang)[entry && !/^\d+$/.test(entry) ? section.entry : section.list] : undefined;
}

/**
 * The share card of a page: named by what it shows, drawn into the card store by the build (or found there)
 * and published at `/cards/<key>.png` by the share-cards integration. The
 * home page, whose title is the site's name, shows the tagline as headline.
 */
export function shareCard(page: { title: string; lang: string; path: string }, extras: CardExtras, site: URL | undefined): ShareImage {
  const t = ui(page.lang);
  const home = page.title === t.siteName;
  const section = extras.section ?? sectionOf(page.path, page.lang);
  const fields: CardFields = {
    lang: page.lang,
    headline: home ? t.siteTagline : page.title,
    // A list page titled as its section ("Search", "People") names it once.
    section: section === page.title ? undefined : section,
    date: extras.date,
    dateline: extras.dateline,
    siteName: t.siteName,
  };
  const key = requestCard(fields, { dir: cardsDir, version: cardsVersion });
  const alt = [fields.section, fields.headline, [fields.dateline, fields.date].filter(Boolean).join(', '), fields.siteName].filter(Boolean).join(' · ');
  return { url: absoluteUrl(`/cards/${key}.png`, site), alt, width: CARD_WIDTH, height: CARD_HEIGHT };
}

/** An article's date on its card: the main calendar's, as the page writes it first (`۲۱ تیر ۱۳۹۷` on a Persian page). */
export function articleCardDate(article: Pick<ArticleSummary, 'lang' | 'pubDate'>): string | undefined {
  return localizedDates(article.lang, partialDateOf(article.pubDate))[0]?.text;
}
