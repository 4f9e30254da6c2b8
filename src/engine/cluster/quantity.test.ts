import { describe, expect, it } from 'vitest';
import { formatBytes, formatMilli, milliValue, value } from './quantity.ts';

describe('quantities', () => {
  it.each([
    ['500m', 500],
    ['1', 1000],
    ['0.5', 500],
    ['2', 2000],
    ['1.5', 1500],
    ['100m', 100],
    [undefined, 0],
    ['0.0001', 1],
  ])('cpu %s → %d m', (q, m) => {
    expect(milliValue(q)).toBe(m);
  });
  it.each([
    ['128Mi', 128 * 1024 * 1024],
    ['1Gi', 1024 ** 3],
    ['1G', 1e9],
    ['512Ki', 512 * 1024],
    ['1e3', 1000],
    ['1000', 1000],
    ['100M', 1e8],
  ])('memory %s → %d', (q, b) => {
    expect(value(q)).toBe(b);
  });
  it('prints', () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe('100Mi');
    expect(formatBytes(86052 * 1024)).toBe('86052Ki');
    expect(formatBytes(0)).toBe('0');
    expect(formatMilli(1500)).toBe('1500m');
    expect(formatMilli(2000)).toBe('2');
  });
});
