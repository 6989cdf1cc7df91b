import { describe, expect, it } from 'vitest';
import { ui, type UiKey } from '../../src/lib/core/i18n/index.ts';
import { fa } from '../../src/lib/core/i18n/fa.ts';
import { ru } from '../../src/lib/core/i18n/ru.ts';

const english = ui('en');
const keys = Object.keys(english) as UiKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['fa', fa as Partial<Record<UiKey, string>>],
  ['ru', ru as Partial<Record<UiKey, string>>],
])('%s interface strings', (lang, strings) => {
  it('translate every English string, so no English chrome is left on the page', () => {
    expect(keys.filter((key) => !strings[key]?.trim())).toEqual([]);
  });

  it('keep the placeholders the pages fill in', () => {
    const broken = keys.filter((key) => strings[key] && placeholders(strings[key]!).join() !== placeholders(english[key]).join());
    expect(broken).toEqual([]);
  });

  it('are what ui() returns for the language and its regional tags', () => {
    expect(ui(lang).navTopics).toBe(strings.navTopics);
    expect(ui(`${lang}-${lang === 'fa' ? 'IR' : 'RU'}`).footer).toBe(strings.footer);
  });
});

describe('Persian interface strings', () => {
  it('contain no Latin words beyond key names', () => {
    const latin = Object.entries(fa)
      .map(([key, text]) => [key, text.replace(/\{\w+\}/g, '').replace(/Ctrl\+K/g, '')] as const)
      .filter(([, text]) => /[A-Za-z]/.test(text));
    expect(latin).toEqual([]);
  });
});

it('falls back to English for a language without translations', () => {
  expect(ui('de').navTopics).toBe('Topics');
});
