import { KINDS, TIMELINE_KINDS, type TimelineKind } from '../core/kinds.ts';

/**
 * The MDX components authors may use, and which collection each attribute
 * refers to. Validation checks these ids; the renderer maps the names to
 * Astro components. Keeping both in one table means a new component cannot be
 * rendered without also being checked.
 */
export const COMPONENT_REFERENCES = {
  Quote: { by: 'people' },
  // One attribute per kind with a timeline, named as the registry says (`person="…"`).
  // A picture with caption and credit; its `src` is checked like a Markdown picture (check-pictures.ts).
  Figure: {},
  Timeline: Object.fromEntries(TIMELINE_KINDS.map((kind) => [KINDS[kind].timelineAttribute, kind])) as {
    [K in TimelineKind as (typeof KINDS)[K]['timelineAttribute']]: K;
  },
} as const satisfies Record<string, Record<string, string>>;

/** Attributes that hold partial dates. */
export const COMPONENT_DATES: Record<string, readonly string[]> = {
  Quote: ['date'],
  Timeline: ['from', 'to'],
};

export type ComponentName = keyof typeof COMPONENT_REFERENCES;
export const COMPONENT_NAMES = Object.keys(COMPONENT_REFERENCES) as ComponentName[];

/** A component's attributes as the MDX syntax tree holds them. */
export interface JsxAttributes { attributes?: readonly { type: string; name?: string; value?: unknown }[] | undefined }

/** The text of a component's attribute written as a string (`src="./x.jpg"`); undefined for an expression or none. */
export function jsxText(node: JsxAttributes, name: string): string | undefined {
  const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}
