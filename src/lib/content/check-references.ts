/**
 * References between files: every id an article or event names (topics,
 * people, organizations, events, and the lists of any kind added to the
 * registry), a topic's parent, a translation's original and the ids in MDX
 * components must exist. An unknown id is reported with the closest one.
 */
import { SCHEMAS } from '../../schemas/index.ts';
import { kindSpec, KINDS, NAMED_KINDS, type KindName } from '../core/kinds.ts';
import { closestId } from '../core/closest.ts';
import { ID_PATTERN } from '../core/ids.ts';
import { isCountryCode } from '../core/countries.ts';
import { parsePartialDate } from '../core/partial-date.ts';
import { COMPONENT_DATES, COMPONENT_REFERENCES } from './components.ts';
import { fieldsAt } from './schema-fields.ts';
import { fieldName, type ContentError } from './errors.ts';
import type { BodyScan, ComponentUse } from './body-scan.ts';
import { lineIn, type LineFinders } from './line-finders.ts';

/** The ids one file names, read defensively so a file that failed its schema can still be checked. */
export interface References {
  /** By kind: each list item's id, an inline entry's own references, or undefined where the item is no id. */
  named: Partial<Record<KindName, (string | References | undefined)[]>>;
  translationOf?: string;
  parent?: string;
}

export interface ReferenceHolder {
  collection: KindName;
  id: string;
  file: string;
  refs: References;
}

/** Kinds named by id lists whose ids are file names (country codes are checked by the schema). */
const LISTED = NAMED_KINDS.filter((kind) => KINDS[kind].ids === 'slug');

const oneId = (value: unknown): string | undefined => (typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined);

export function referencesOf(data: Record<string, unknown>): References {
  const refs: References = { named: {} };
  for (const kind of LISTED) {
    const list = data[KINDS[kind].namedBy];
    if (!Array.isArray(list)) continue;
    // Positions are kept, so a message names the item the author wrote (`events[2]`).
    refs.named[kind] = list.map((item) =>
      item && typeof item === 'object' ? referencesOf(item as Record<string, unknown>) : oneId(item));
  }
  for (const field of ['translationOf', 'parent'] as const) {
    const id = oneId(data[field]);
    if (id) refs[field] = id;
  }
  return refs;
}

/** Which kinds' lists a kind's schema holds: only those are read from its files. */
const namesIn = new Map<KindName, KindName[]>();
function listsOf(kind: KindName): KindName[] {
  let kinds = namesIn.get(kind);
  if (!kinds) {
    const fields = new Set(fieldsAt(SCHEMAS[kind]));
    namesIn.set(kind, (kinds = LISTED.filter((named) => fields.has(KINDS[named].namedBy))));
  }
  return kinds;
}

export function checkReferences(
  holders: readonly ReferenceHolder[],
  knownIn: (collection: KindName) => Set<string>,
  contentFolder: string,
  scans: Map<string, BodyScan>,
  errors: ContentError[],
  lines: LineFinders,
) {
  // Every file that exists counts as known, even one with its own errors: those are reported on that file.
  const known = new Map<KindName, Set<string>>();
  const knownOf = (kind: KindName) => {
    let ids = known.get(kind);
    if (!ids) known.set(kind, (ids = knownIn(kind)));
    return ids;
  };
  const unknown = (collection: KindName, id: string) => {
    const suggestion = closestId(id, knownOf(collection));
    return `unknown ${KINDS[collection].singular} "${id}"${suggestion ? `; did you mean "${suggestion}"?` : `; there is no ${contentFolder}${collection}/${id}.md`}`;
  };
  const fail = (holder: ReferenceHolder, path: (string | number)[], message: string) =>
    errors.push({ file: holder.file, line: lineIn(lines, holder.file, path), field: fieldName(path), message });
  const checkNamed = (holder: ReferenceHolder, base: (string | number)[], refs: References, kinds: readonly KindName[]) => {
    for (const kind of kinds) {
      refs.named[kind]?.forEach((item, index) => {
        const path = [...base, kindSpec(kind).namedBy!, index];
        if (typeof item === 'string') {
          if (!knownOf(kind).has(item)) fail(holder, path, unknown(kind, item));
        } else if (item) {
          checkNamed(holder, path, item, listsOf(kind)); // an inline entry names others itself
        }
      });
    }
  };

  for (const holder of holders) {
    const { refs } = holder;
    if (holder.collection === 'topics' && refs.parent && !knownOf('topics').has(refs.parent)) {
      fail(holder, ['parent'], unknown('topics', refs.parent));
    }
    checkNamed(holder, [], refs, listsOf(holder.collection));
    if (refs.translationOf !== undefined && holder.collection === 'articles') {
      if (refs.translationOf === holder.id) fail(holder, ['translationOf'], 'names this article itself; expected the id of the original article');
      else if (!knownOf('articles').has(refs.translationOf)) fail(holder, ['translationOf'], unknown('articles', refs.translationOf));
    }
    checkComponents(holder.file, scans.get(holder.file)?.components ?? [], knownOf, unknown, errors);
  }
}

function checkComponents(
  file: string,
  uses: readonly ComponentUse[],
  known: (kind: KindName) => Set<string>,
  unknown: (collection: KindName, id: string) => string,
  errors: ContentError[],
) {
  const components = COMPONENT_REFERENCES as Record<string, Record<string, KindName>>;
  for (const use of uses) {
    const refs = components[use.component];
    if (!refs) {
      const suggestion = closestId(use.component, Object.keys(components));
      errors.push({ file, line: use.line, field: `<${use.component}>`, message: `unknown component${suggestion ? `; did you mean <${suggestion}>?` : `; expected one of ${Object.keys(components).map((c) => `<${c}>`).join(', ')}`}` });
      continue;
    }
    const named = Object.keys(refs).filter((attribute) => use.attributes[attribute] !== undefined);
    // A component that names no entries (<Figure>) has nothing to check here.
    if (named.length === 0 && Object.keys(refs).length > 0) {
      errors.push({ file, line: use.line, field: `<${use.component}>`, message: `names no ${Object.keys(refs).join(' or ')}; expected one, e.g. <${use.component} ${Object.keys(refs)[0]}="…">` });
    }
    for (const attribute of named) {
      const value = use.attributes[attribute];
      const collection = refs[attribute]!;
      const field = fieldOf(use, attribute);
      const countries = KINDS[collection].ids === 'country';
      if (typeof value !== 'string') {
        errors.push({ file, line: use.line, field, message: 'expected a quoted id, e.g. by="ali-akbar-velayati"' });
      } else if (countries ? !isCountryCode(value.toUpperCase()) : !known(collection).has(value)) {
        errors.push({ file, line: use.line, field, message: countries ? `unknown country "${value}"; expected an ISO 3166-1 alpha-2 code like "IR"` : unknown(collection, value) });
      }
    }
    for (const attribute of COMPONENT_DATES[use.component] ?? []) {
      const value = use.attributes[attribute];
      if (value === undefined) continue;
      const parsed = parsePartialDate(value);
      if (!parsed.ok) errors.push({ file, line: use.line, field: fieldOf(use, attribute), message: `got ${JSON.stringify(value)}, expected ${parsed.expected}` });
    }
  }
}

/** How a message names what the author wrote: `<Quote by>`, or `quote attribution` for `> — @person-id`. */
function fieldOf(use: ComponentUse, attribute: string): string {
  if (use.syntax === 'attribution') return attribute === 'by' ? 'quote attribution' : `quote attribution ${attribute}`;
  return `<${use.component} ${attribute}>`;
}
