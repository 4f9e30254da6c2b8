import { describe, expect, it } from 'vitest';
import {
  HINT_KEY,
  hintDismissed,
  rememberHintDismissed,
  shortcutRows,
  spacePlays,
  type KeyValueStore,
} from './firstRun.ts';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const throwing: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('first-run hint storage', () => {
  it('is shown until dismissed, then remembered', () => {
    const s = memory();
    expect(hintDismissed(s)).toBe(false);
    expect(rememberHintDismissed(s)).toBe(true);
    expect(s.data.get(HINT_KEY)).toBe('dismissed');
    expect(hintDismissed(s)).toBe(true);
  });

  it('never throws when storage refuses (private mode, sandboxed frame) or is absent', () => {
    expect(hintDismissed(throwing)).toBe(false);
    expect(rememberHintDismissed(throwing)).toBe(false);
    expect(hintDismissed(null)).toBe(false);
    expect(rememberHintDismissed(null)).toBe(false);
  });
});

describe('spacePlays', () => {
  it('plays from the instance, a card or a label', () => {
    expect(spacePlays({ tagName: 'DIV' })).toBe(true);
    expect(spacePlays({ tagName: 'article', role: null })).toBe(true);
  });

  it('leaves Space to what uses it: buttons, fields, sliders, tabs, editors, scrolling logs', () => {
    for (const tagName of ['BUTTON', 'input', 'SELECT', 'TEXTAREA', 'A', 'SUMMARY'])
      expect(spacePlays({ tagName })).toBe(false);
    for (const role of ['button', 'slider', 'tab', 'checkbox', 'menuitem', 'switch'])
      expect(spacePlays({ tagName: 'DIV', role })).toBe(false);
    expect(spacePlays({ tagName: 'DIV', editable: true })).toBe(false);
    expect(spacePlays({ tagName: 'PRE', scrollable: true })).toBe(false);
  });
});

describe('shortcutRows', () => {
  it('lists each control once, key in capitals, then the fixed keys', () => {
    const rows = shortcutRows(
      [
        { key: 'p', label: ' Play ' },
        { key: 'k', label: 'Kill pause\n container' },
        { key: 'p', label: 'Play again' },
        { key: 'x', label: '' },
      ],
      [{ keys: ['Space'], label: 'Play / Pause' }],
    );
    expect(rows).toEqual([
      { keys: ['P'], label: 'Play' },
      { keys: ['K'], label: 'Kill pause container' },
      { keys: ['Space'], label: 'Play / Pause' },
    ]);
  });
});
