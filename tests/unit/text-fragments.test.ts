import { describe, expect, it } from 'vitest';
import { occurrenceDirectives, withTextDirectives } from '../../src/lib/search/text-fragments.ts';

/** Positions of `word` (case-insensitive, punctuation aside) in `text`, as Pagefind counts words. */
const positionsOf = (text: string, word: string) => text.split(/\s+/).flatMap((w, i) => (w.replace(/[\p{P}\p{S}]/gu, '').toLowerCase() === word ? [i] : []));

describe('a text directive for every occurrence of a matched word', () => {
  it('anchors each occurrence by the word before and after it', () => {
    const text = 'New sanctions announced. The council said that sanctions would follow the vote.';
    expect(occurrenceDirectives(text, positionsOf(text, 'sanctions'))).toEqual([
      'New-,sanctions,-announced.',
      'that-,sanctions,-would',
    ]);
  });

  it('widens the context until no earlier place in the text reads the same', () => {
    const text = 'the sanctions hurt. Later, the sanctions hurt again and the sanctions hurt most.';
    expect(occurrenceDirectives(text, positionsOf(text, 'sanctions'))).toEqual([
      'the-,sanctions,-hurt.',
      'Later%2C%20the-,sanctions,-hurt%20again',
      'and%20the-,sanctions,-hurt%20most.',
    ]);
  });

  it('skips an occurrence whose surroundings repeat an earlier one word for word (that one is marked)', () => {
    const text = 'a b c sanctions d e f a b c sanctions d e f';
    expect(occurrenceDirectives(text, positionsOf(text, 'sanctions'))).toEqual(['c-,sanctions,-d']);
  });

  it('leaves punctuation next to a word out of the highlight but in its anchors, escaping what the syntax reserves', () => {
    const text = 'the adviser (Velayati) said the Iran-Russia co-operation, and more';
    expect(occurrenceDirectives(text, [2, 6])).toEqual([
      'adviser%20(-,Velayati,-)%20said',
      'Iran%2DRussia-,co%2Doperation,-%2C%20and',
    ]);
  });

  it('anchors words at the start or the end of the text on the one side they have', () => {
    const text = 'Sanctions were imposed on sanctions';
    expect(occurrenceDirectives(text, [0, 4])).toEqual(['Sanctions,-were', 'on-,sanctions']);
  });

  it('marks the first occurrences up to a cap, and keeps the fragment within a length', () => {
    const text = Array.from({ length: 50 }, (_, i) => `w${i} oil`).join(' ');
    const all = positionsOf(text, 'oil');
    expect(occurrenceDirectives(text, all, { occurrences: 5 })).toHaveLength(5);
    expect(occurrenceDirectives(text, all, { occurrences: 5 })[0]).toBe('w0-,oil,-w1');
    const short = occurrenceDirectives(text, all, { length: 100 });
    expect(short.join('&text=').length).toBeLessThanOrEqual(100);
    expect(short.length).toBeGreaterThan(2);
  });

  it('ignores positions outside the text, repeated positions and text split on zero-width spaces', () => {
    const text = 'one oil two';
    expect(occurrenceDirectives(text, [1, 1, 7, -1])).toEqual(['one-,oil,-two']);
    expect(occurrenceDirectives('一\u200B石油\u200B二', [1])).toEqual([]);
  });
});

describe('an address with text directives', () => {
  it('adds the directives to the fragment, after an element id if there is one', () => {
    expect(withTextDirectives('/a/', ['x', 'y'])).toBe('/a/#:~:text=x&text=y');
    expect(withTextDirectives('/a/#top', ['x'])).toBe('/a/#top:~:text=x');
    expect(withTextDirectives('/a/', [])).toBe('/a/');
  });
});
