/**
 * Invisible Unicode controls that change the order text is shown in.
 * In a one-line field (a headline, a name) they can make what readers see
 * differ from what is stored and searched, and an unclosed one reorders the
 * text around it wherever the field is shown: lists, <title>, feeds, search
 * results. The site isolates each field by its language on its own, so an
 * author never needs them. The marks U+200E, U+200F and U+061C stay allowed:
 * they only nudge neutral characters such as punctuation.
 */
const NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** The overrides: the two that force an order on every letter, used to disguise text. */
export const OVERRIDES = new Set([0x202d, 0x202e]);

export interface BidiControl {
  /** `U+202E`. */
  code: string;
  name: string;
  /** 1-based position in the text, in characters. */
  position: number;
}

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every directional control in `text` (of those in `only`, when given). */
export function bidiControls(text: string, only?: ReadonlySet<number>): BidiControl[] {
  const found: BidiControl[] = [];
  let position = 0;
  for (const char of text) {
    position += 1;
    const point = char.codePointAt(0)!;
    if (NAMES[point] && (!only || only.has(point))) found.push({ code: hex(point), name: NAMES[point]!, position });
  }
  return found;
}

/** An author-facing message for the first control in `text`, or undefined when there is none. */
export function bidiProblem(text: string, only?: ReadonlySet<number>): string | undefined {
  const controls = bidiControls(text, only);
  const first = controls[0];
  if (!first) return undefined;
  const more = controls.length > 1 ? ` (and ${controls.length - 1} more)` : '';
  return `contains the invisible control character ${first.code} ${first.name} at character ${first.position}${more}, `
    + 'which changes the order the text is shown in; delete it (right-to-left text needs only `lang`)';
}
