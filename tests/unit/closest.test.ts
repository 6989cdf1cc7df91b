import { describe, expect, it } from 'vitest';
import { closestId } from '../../src/lib/core/closest.ts';

const TOPICS = ['iran-russia-relations', 'jcpoa', 'counterterrorism', 'iran-nuclear-programme'];

describe('closestId', () => {
  it('suggests the existing id a typo was meant to be', () => {
    expect(closestId('jcpao', TOPICS)).toBe('jcpoa');
    expect(closestId('iran-rusia-relations', TOPICS)).toBe('iran-russia-relations');
    expect(closestId('counter-terrorism', TOPICS)).toBe('counterterrorism');
  });

  it('suggests an id that contains the unknown one, or that it contains', () => {
    expect(closestId('jcpoa-concluded', ['jcpoa', 'vladimir-putin'])).toBe('jcpoa');
    expect(closestId('velayati', ['ali-akbar-velayati', 'vladimir-putin'])).toBe('ali-akbar-velayati');
  });

  it('suggests nothing when no id is close enough to be a typo', () => {
    expect(closestId('climate-change', TOPICS)).toBeUndefined();
    expect(closestId('xyz', ['abcdefgh'])).toBeUndefined();
    expect(closestId('anything', [])).toBeUndefined();
  });

  it('allows at least two edits even for short ids', () => {
    expect(closestId('un', ['eu', 'united-nations'])).toBe('eu');
    expect(closestId('ab', ['ba'])).toBe('ba');
  });

  it('breaks ties alphabetically, whatever the order of the candidates', () => {
    expect(closestId('hat', ['cat', 'bat'])).toBe('bat');
    expect(closestId('hat', ['bat', 'cat'])).toBe('bat');
  });

  it('accepts any iterable of candidates', () => {
    expect(closestId('jane-do', new Set(['jane-doe', 'john-doe']))).toBe('jane-doe');
    expect(closestId('topic', new Map([['topics', 1]]).keys())).toBe('topics');
  });
});
