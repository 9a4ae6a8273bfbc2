import { describe, expect, it } from 'vitest';
import { chooseCoding } from './accept-encoding.ts';

describe('chooseCoding', () => {
  it('prefers brotli, then gzip, as browsers offer them', () => {
    expect(chooseCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseCoding('gzip, deflate')).toBe('gzip');
    expect(chooseCoding(['gzip', 'br'])).toBe('br');
  });

  it('sends nothing compressed to a client that asks for none or refuses both', () => {
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding('')).toBeNull();
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('br;q=0, gzip;q=0')).toBeNull();
  });

  it('honours q=0 and the wildcard', () => {
    expect(chooseCoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('br;q=0, *;q=0.5')).toBe('gzip');
    expect(chooseCoding('GZIP;Q=0.8')).toBe('gzip');
  });
});
