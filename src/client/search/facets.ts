/**
 * What each facet offers after a search: its values with counts, in a
 * reader's order. Counts come from Pagefind; a facet that has a selection is
 * counted without its own filter, so its other values show how many results
 * choosing them too would add (OR within a facet).
 */
import type { Facet } from '../../lib/search/fields.ts';

export interface FacetOption { value: string; label: string; count: number; selected: boolean }

/**
 * Values with results, plus every selected value (even at 0, so it can be
 * unticked). Years run newest first; other facets by count, then by name.
 */
export function facetOptions(facet: Facet, counts: Record<string, number> | undefined, selected: readonly string[], label: (value: string) => string, locale: string): FacetOption[] {
  const values = new Set([...Object.keys(counts ?? {}), ...selected]);
  const options = [...values]
    .map((value) => ({ value, label: label(value), count: counts?.[value] ?? 0, selected: selected.includes(value) }))
    .filter((option) => option.count > 0 || option.selected);
  const byName = new Intl.Collator(locale, { numeric: true });
  return options.sort(facet === 'year'
    ? (a, b) => byName.compare(b.value, a.value)
    : (a, b) => b.count - a.count || byName.compare(a.label, b.label));
}

/** Labels for facet values from the site's names; languages named in the reader's language. */
export function facetLabeler(labels: Partial<Record<Facet, Record<string, string>>>, locale: string): (facet: Facet, value: string) => string {
  let languages: Intl.DisplayNames | undefined;
  return (facet, value) => {
    // Speakers of quotations are people, named like the person facet.
    const known = labels[facet]?.[value] ?? (facet === 'speaker' ? labels.person?.[value] : undefined);
    if (known) return known;
    if (facet === 'language') {
      try {
        languages ??= new Intl.DisplayNames([locale], { type: 'language' });
        return languages.of(value) ?? value;
      } catch {
        return value;
      }
    }
    return value;
  };
}
