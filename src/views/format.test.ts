import { describe, expect, it } from 'vitest';
import { formatClock } from './format.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
  ])('%i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});
