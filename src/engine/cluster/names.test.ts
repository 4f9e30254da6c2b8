import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng.ts';
import {
  SAFE_ALPHABET,
  canonicalJson,
  fnv32a,
  generateName,
  podTemplateHash,
  randomSuffix,
  safeEncodeString,
} from './names.ts';

describe('safeEncodeString', () => {
  it.each([
    ['0123456789', '456789bcdf'],
    ['', ''],
    ['12', '56'],
  ])('%s → %s', (input, out) => {
    expect(safeEncodeString(input)).toBe(out);
  });
});

describe('fnv32a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j', (text, h) => {
    expect(fnv32a(text)).toBe(h);
  });
});

describe('podTemplateHash', () => {
  const t1 = {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'a', image: 'nginx' }] },
  };
  it('only uses the digits alphabet of SafeEncodeString(decimal)', () => {
    expect(podTemplateHash(t1)).toMatch(/^[456789bcdf]{1,10}$/);
  });
  it('does not depend on key order', () => {
    const t2 = {
      spec: { containers: [{ image: 'nginx', name: 'a' }] },
      metadata: { labels: { app: 'web' } },
    };
    expect(podTemplateHash(t2)).toBe(podTemplateHash(t1));
  });
  it('changes with the template and the collision count', () => {
    const t3 = { ...t1, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } };
    expect(podTemplateHash(t3)).not.toBe(podTemplateHash(t1));
    expect(podTemplateHash(t1, 1)).not.toBe(podTemplateHash(t1));
  });
  it('canonicalJson sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: null }] })).toBe(
      '{"a":[{"c":null}],"b":1}',
    );
  });
});

describe('generated names', () => {
  it('draws five characters from the safe alphabet, replayably', () => {
    const a = randomSuffix(createRng(7));
    expect(a).toHaveLength(5);
    for (const ch of a) expect(SAFE_ALPHABET).toContain(ch);
    expect(randomSuffix(createRng(7))).toBe(a);
  });
  it('cuts the base to 58 characters', () => {
    const n = generateName(`${'x'.repeat(70)}-`, createRng(1));
    expect(n).toHaveLength(63);
    expect(n.startsWith('x'.repeat(58))).toBe(true);
  });
  it('web-<hash>-<suffix>', () => {
    expect(generateName('web-5d8c7b9f4-', createRng(3))).toMatch(
      /^web-5d8c7b9f4-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  });
});
