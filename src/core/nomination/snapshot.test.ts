import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256Hex, takeSnapshot } from './snapshot.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });

  it('follows JSON for undefined, NaN and -0', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: Number.NaN, d: -0 })).toBe(
      '{"b":[null],"c":null,"d":0}',
    );
  });

  it('keeps markup and Chinese text exactly', () => {
    const text = '<script>alert("事迹")</script>\n第二段';
    expect(JSON.parse(canonicalJson({ story: text })).story).toBe(text);
  });

  it('refuses values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/循环引用/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('round-trips through JSON.parse for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the canonical text', async () => {
    // echo -n '{"a":1}' | sha256sum
    expect(await sha256Hex('{"a":1}')).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    );
    expect(await contentHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('same content in a different key order gives the same hash', async () => {
    const a = { name: '张三', attestations: { conditions: [true, false], noMisconduct: true } };
    const b = { attestations: { noMisconduct: true, conditions: [true, false] }, name: '张三' };
    expect(await contentHash(a)).toBe(await contentHash(b));
  });

  it('any change of content changes the hash', async () => {
    expect(await contentHash({ name: '张三' })).not.toBe(await contentHash({ name: '张三 ' }));
    expect(await contentHash({ c: [true, false] })).not.toBe(await contentHash({ c: [false, true] }));
  });

  it('is independent of key order for arbitrary objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(await contentHash(reversed)).toBe(await contentHash(object));
      }),
      { numRuns: 50 },
    );
  });
});

describe('takeSnapshot', () => {
  it('freezes a deep copy that later edits cannot reach', async () => {
    const form = { name: '张三', focusGroups: ['社区居民'] };
    const snapshot = await takeSnapshot(form);
    form.focusGroups.push('老年人');
    expect(snapshot.form.focusGroups).toEqual(['社区居民']);
    expect(Object.isFrozen(snapshot.form.focusGroups)).toBe(true);
    expect(snapshot.contentHash).toBe(await contentHash({ name: '张三', focusGroups: ['社区居民'] }));
  });
});
