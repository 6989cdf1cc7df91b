import { describe, expect, it } from 'vitest';
import { deploymentFromEnv, normalizeBase, normalizeSite } from '../../src/lib/build/deployment.ts';

describe('CHRONICLE_BASE', () => {
  it('means the domain root when unset or empty (GitHub Pages gives "" for a custom domain)', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase(' / ')).toBe('/');
  });

  it('gets a leading and a trailing slash however it is spelt', () => {
    for (const spelling of ['/chronicle/', '/chronicle', 'chronicle/', 'chronicle', '//chronicle//']) {
      expect(normalizeBase(spelling), spelling).toBe('/chronicle/');
    }
    expect(normalizeBase('news/archive')).toBe('/news/archive/');
  });

  it('refuses paths that cannot be a folder on a host', () => {
    expect(() => normalizeBase('/../up/')).toThrow(/CHRONICLE_BASE: got "\/..\/up\/"/);
    expect(() => normalizeBase('/with space/')).toThrow(/expected a path such as "\/" or "\/chronicle\/"/);
    expect(() => normalizeBase('/news?x=1')).toThrow(/CHRONICLE_BASE/);
  });
});

describe('CHRONICLE_SITE', () => {
  it('keeps only the origin and has a default', () => {
    expect(normalizeSite('https://news.example.org')).toBe('https://news.example.org');
    expect(normalizeSite('https://news.example.org/')).toBe('https://news.example.org');
    expect(normalizeSite('http://localhost:8080')).toBe('http://localhost:8080');
    expect(normalizeSite(undefined)).toBe('https://chronicle.example.org');
    expect(normalizeSite('  ')).toBe('https://chronicle.example.org');
  });

  it('points a path in the address to CHRONICLE_BASE instead of dropping it', () => {
    expect(() => normalizeSite('https://example.org/chronicle/')).toThrow(
      'put the path in CHRONICLE_BASE (e.g. CHRONICLE_SITE=https://example.org CHRONICLE_BASE=/chronicle/)',
    );
  });

  it('refuses what is not a web address', () => {
    expect(() => normalizeSite('news.example.org')).toThrow(/CHRONICLE_SITE: got "news.example.org"/);
    expect(() => normalizeSite('ftp://example.org')).toThrow(/expected an http:\/\/ or https:\/\/ address/);
  });

  it('reads both from the environment', () => {
    expect(deploymentFromEnv({ CHRONICLE_SITE: 'https://owner.github.io', CHRONICLE_BASE: '/chronicle' }))
      .toEqual({ site: 'https://owner.github.io', base: '/chronicle/' });
    expect(deploymentFromEnv({})).toEqual({ site: 'https://chronicle.example.org', base: '/' });
  });
});
