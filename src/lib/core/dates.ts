/**
 * Dates and numbers in the language of the page they appear on, through Intl.
 * English keeps the site's newspaper style ("12 July 2018"); Russian reads
 * "12 июля 2018 г."; Persian pages give the Solar Hijri date the reader
 * lives by ("۲۱ تیر ۱۳۹۷") together with the Gregorian one ("۱۲ ژوئیهٔ
 * ۲۰۱۸"), each in the locale's own digits.
 */
import { formatSpan, type PartialDate } from './partial-date.ts';
import { primaryLanguage } from './language.ts';

export type Calendar = 'gregory' | 'persian';

export interface CalendarDate {
  calendar: Calendar;
  /** The `lang`-tagged locale the text was written in (with its calendar). */
  locale: string;
  text: string;
}

/** Regional defaults for the languages the archive holds; others go to Intl as they are. */
const LOCALES: Record<string, string> = { en: 'en-GB', fa: 'fa-IR', ru: 'ru-RU' };

/** The locale a page in `lang` writes dates and numbers in. */
export function displayLocale(lang: string): string {
  return LOCALES[primaryLanguage(lang)] ?? lang;
}

/** `locale` with its calendar set (`fa-IR` → `fa-IR-u-ca-persian`). */
function withCalendar(locale: string, calendar: Calendar): string {
  try {
    return new Intl.Locale(locale, { calendar }).toString();
  } catch {
    return locale;
  }
}

/** The Gregorian locale of a page in `lang` (`fa` → `fa-IR-u-ca-gregory`), for APIs that take one locale. */
export function gregorianLocale(lang: string): string {
  const locale = displayLocale(lang);
  return primaryLanguage(lang) === 'en' ? locale : withCalendar(locale, 'gregory');
}

/** Languages whose readers date things in the Solar Hijri calendar. */
const SOLAR_HIJRI = new Set(['fa']);

/**
 * A partial date (or span) as a page in `lang` shows it, main calendar first.
 * The Gregorian date is always there, since that is what the author wrote.
 * A Solar Hijri date is added for Persian only at day precision: a Gregorian
 * month or year straddles two Solar Hijri ones, and the archive never shows a
 * date as more precise than the author was.
 */
export function localizedDates(lang: string, start: PartialDate, end?: PartialDate): CalendarDate[] {
  // The same dates appear on many pages (every list an article is in): each is formatted once per build.
  const key = `${lang}|${start.iso}|${end?.iso ?? ''}`;
  let dates = formatted.get(key);
  if (!dates) formatted.set(key, (dates = formatDates(lang, start, end)));
  return dates;
}

const formatted = new Map<string, CalendarDate[]>();

function formatDates(lang: string, start: PartialDate, end?: PartialDate): CalendarDate[] {
  const gregorian: CalendarDate = { calendar: 'gregory', locale: gregorianLocale(lang), text: formatSpan(start, end, gregorianLocale(lang)) };
  const daily = start.precision === 'day' && (!end || end.precision === 'day');
  if (!SOLAR_HIJRI.has(primaryLanguage(lang)) || !daily) return [gregorian];
  const solarLocale = withCalendar(displayLocale(lang), 'persian');
  return [{ calendar: 'persian', locale: solarLocale, text: formatSpan(start, end, solarLocale) }, gregorian];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or page number in the page's digits ("۱۲" on Persian pages). */
export function formatNumber(n: number, lang: string): string {
  const locale = displayLocale(lang);
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/** The OpenGraph `og:locale` of a page in `lang`: its display locale as language_TERRITORY (`fa_IR`, `ru_RU`, `en_GB`). */
export function openGraphLocale(lang: string): string {
  try {
    const locale = new Intl.Locale(displayLocale(lang)).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return primaryLanguage(lang);
  }
}
