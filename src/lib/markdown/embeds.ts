import { IMAGE_PLACEHOLDER, TIMELINE_PLACEHOLDER, type ImageEmbed } from './mdx-components.ts';

/** What the page renders in place of a placeholder. */
export type Embed = { kind: 'timeline'; props: Record<string, string | number> } | { kind: 'image'; image: ImageEmbed };

const PLACEHOLDER = new RegExp(
  `<template (${TIMELINE_PLACEHOLDER.attribute}|${IMAGE_PLACEHOLDER.attribute})="([^"]*)"></template>`,
  'g',
);

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const unescape = (value: string) => value.replace(/&quot;|&#39;|&#x27;|&lt;|&gt;|&amp;/g, (entity) => ENTITIES[entity]!);

/**
 * An MDX article's rendered HTML cut at each placeholder
 * (src/lib/markdown/mdx-components.ts): the text around them, and what the
 * page renders in their place. A timeline shows the archive, and a picture
 * its optimised files, which are only known when pages are built, not when
 * the article is rendered and cached.
 */
export function splitEmbeds(html: string): (string | Embed)[] {
  const parts: (string | Embed)[] = [];
  let last = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    parts.push(html.slice(last, match.index));
    const value: unknown = JSON.parse(unescape(match[2]!));
    parts.push(match[1] === TIMELINE_PLACEHOLDER.attribute
      ? { kind: 'timeline', props: value as Record<string, string | number> }
      : { kind: 'image', image: value as ImageEmbed });
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return parts;
}

/**
 * The id under which Astro's content layer imports a picture an entry
 * refers to (`imageSrcToImportId` in astro/dist/assets/utils/resolveImports.js,
 * which Astro does not export): the keys of `astro:asset-imports`.
 */
export function contentImageImportId(src: string, filePath: string): string {
  const params = new URLSearchParams('astroContentImageFlag');
  params.set('importer', filePath);
  return `${src}?${params.toString()}`;
}
