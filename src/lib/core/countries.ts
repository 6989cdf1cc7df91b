import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import { primaryLanguage } from './language.ts';

/** ISO 3166-1 alpha-2 codes and names come from i18n-iso-countries, never a hand-written list. */
for (const locale of [en, fa, ru, ar]) countries.registerLocale(locale);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes()).sort();
}

/** The country's short name in a language (`en`, `fa`, `ru`, `ar`), English when missing. */
export function countryName(code: string, lang = 'en'): string {
  return countries.getName(code, primaryLanguage(lang), { select: 'alias' }) ?? countries.getName(code, 'en', { select: 'alias' }) ?? code;
}
