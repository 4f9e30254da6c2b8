import { describe, expect, it } from 'vitest';
import { formatClock, joinSentences, sentenceGap } from './format.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [3_725_000, '1:02:05'],
  ])('%i ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('joinSentences', () => {
  it('puts a space between English sentences', () => {
    expect(joinSentences(['It crashed.', 'It restarts.'])).toBe('It crashed. It restarts.');
  });

  it('puts no ASCII space after full-width punctuation', () => {
    expect(joinSentences(['容器崩溃了。', '它会重启。'])).toBe('容器崩溃了。它会重启。');
    expect(sentenceGap('答对了。')).toBe('');
    expect(sentenceGap('Right.')).toBe(' ');
  });

  it('skips empty parts', () => {
    expect(joinSentences(['', 'One.', ''])).toBe('One.');
  });
});
