import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from './model.ts';

/** XML reading shared by the WordPress and feed importers. */

export type XmlNode = Record<string, unknown>;

const LISTS = new Set(['item', 'entry', 'category', 'wp:category', 'wp:tag', 'wp:term', 'wp:postmeta', 'wp:author', 'link', 'author', 'dc:creator']);

/**
 * Parses an XML file after checking it is well formed, so truncated or
 * broken files stop the import with the line of the problem. Values stay
 * text (a title "2018" is not a number); CDATA is read as text.
 */
export function parseXml(xml: string, file: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(`${file}:${valid.err.line}: not well-formed XML (${valid.err.msg}); is the file complete?`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    processEntities: { enabled: true, maxTotalExpansions: Number.MAX_SAFE_INTEGER, maxExpandedLength: Number.MAX_SAFE_INTEGER },
    isArray: (name) => LISTS.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

/** The text of an element however the parser shaped it (`"x"`, `{ "#text": "x", "@attr": … }`). */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return '';
}

export const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

export const attributeOf = (value: unknown, name: string): string => (value && typeof value === 'object' && !Array.isArray(value) ? textOf((value as XmlNode)[`@${name}`]) : '');

export const child = (value: unknown, name: string): unknown => (value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode)[name] : undefined);

/** The 1-based line of each `<tag>` in the file, in order: the nth item of the parse is the nth here. */
export function elementLines(xml: string, tag: string): number[] {
  const lines: number[] = [];
  const pattern = new RegExp(`<${tag}[\\s>]`, 'g');
  let line = 1;
  let from = 0;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    for (let i = xml.indexOf('\n', from); i !== -1 && i < match.index; i = xml.indexOf('\n', i + 1)) line++;
    from = match.index;
    lines.push(line);
  }
  return lines;
}
