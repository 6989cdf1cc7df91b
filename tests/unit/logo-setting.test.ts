import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoPath, logoProblem } from '../../src/lib/build/logo-setting.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'logo-public-'));
mkdirSync(join(publicDir, 'images'));
writeFileSync(join(publicDir, 'logo.png'), await sharp({ create: { width: 512, height: 512, channels: 3, background: '#222' } }).png().toBuffer());
writeFileSync(join(publicDir, 'images', 'masthead mark.png'), await sharp({ create: { width: 600, height: 60, channels: 3, background: '#222' } }).png().toBuffer());
writeFileSync(join(publicDir, 'notes.txt'), 'not a picture');

describe('CHRONICLE_LOGO', () => {
  it('defaults to /logo.png and reads a path with or without its leading slash', () => {
    expect(logoPath({})).toBe('/logo.png');
    expect(logoPath({ CHRONICLE_LOGO: '  ' })).toBe('/logo.png');
    expect(logoPath({ CHRONICLE_LOGO: 'images/masthead mark.png' })).toBe('/images/masthead mark.png');
  });

  it('accepts a picture in public/, including an address-encoded name', () => {
    expect(logoProblem(publicDir, {})).toBeUndefined();
    expect(logoProblem(publicDir, { CHRONICLE_LOGO: '/images/masthead%20mark.png' })).toBeUndefined();
  });

  it('names the setting, the value and what it expected for a path that is missing or not a picture', () => {
    expect(logoProblem(publicDir, { CHRONICLE_LOGO: '/images/mast.png' })).toBe(
      'CHRONICLE_LOGO: got "/images/mast.png", which is not a picture in public/ (/images/mast.png); expected the path of one, e.g. "/logo.png"',
    );
    expect(logoProblem(publicDir, { CHRONICLE_LOGO: 'notes.txt' })).toMatch(/^CHRONICLE_LOGO: got "notes\.txt", which is not a picture in public\/ \(\/notes\.txt\)/);
  });
});
