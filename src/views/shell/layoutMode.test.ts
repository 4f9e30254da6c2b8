import { describe, expect, it } from 'vitest';
import { layoutOf } from './layoutMode.ts';

describe('layoutOf', () => {
  it.each([
    // width, height → mode, short: the app, the embed frames, phones, a projector
    [1280, 720, 'wide', true],
    [1920, 1080, 'wide', false],
    [1100, 900, 'wide', false],
    [1099, 900, 'compact', false],
    [800, 500, 'compact', true],
    [1280, 500, 'compact', true],
    [641, 400, 'compact', true],
    [640, 844, 'phone', false],
    [390, 844, 'phone', false],
    [360, 400, 'phone', true],
  ] as const)('%i×%i is %s (short: %s)', (w, h, mode, short) => {
    expect(layoutOf(w, h)).toEqual({ mode, short });
  });

  it('an element not laid out yet (height 0) is judged by its width alone', () => {
    expect(layoutOf(1280, 0)).toEqual({ mode: 'wide', short: false });
  });
});
