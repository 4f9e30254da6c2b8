/**
 * The pure parts of onboarding: whether the first-run hint was dismissed (remembered in
 * localStorage, which may throw or be absent), whether Space should play/pause for the element
 * that has focus, and the shortcut list the `?` help shows.
 */

/** The localStorage key that remembers the first-run hint was dismissed. */
export const HINT_KEY = 'podscope:hint:first-run';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storageOf(store?: KeyValueStore | null): KeyValueStore | undefined {
  if (store !== undefined) return store ?? undefined;
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // A sandboxed iframe may refuse even to hand out the object.
    return undefined;
  }
}

/** True when the hint was dismissed before (in this browser). Never throws. */
export function hintDismissed(store?: KeyValueStore | null): boolean {
  try {
    return storageOf(store)?.getItem(HINT_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

/** Remembers the hint was dismissed; false when the browser would not keep it. Never throws. */
export function rememberHintDismissed(store?: KeyValueStore | null): boolean {
  try {
    const s = storageOf(store);
    if (!s) return false;
    s.setItem(HINT_KEY, 'dismissed');
    return true;
  } catch {
    return false;
  }
}

/** What Space would do to the focused element, as far as deciding goes. */
export interface FocusInfo {
  tagName: string;
  role?: string | null;
  type?: string | null;
  editable?: boolean;
  /** The element scrolls (Space scrolls it: a terminal, a log). */
  scrollable?: boolean;
}

const OWN_SPACE_TAGS =
  /^(BUTTON|A|INPUT|SELECT|TEXTAREA|SUMMARY|OPTION|DIALOG|DETAILS|VIDEO|AUDIO)$/;
const OWN_SPACE_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'scrollbar',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'combobox',
  'textbox',
  'searchbox',
  'treeitem',
  'gridcell',
]);

/**
 * Space plays or pauses only when the focused element has no use for Space of its own: a
 * button must still be clicked by it, a field typed into, a slider moved, a log scrolled.
 */
export function spacePlays(f: FocusInfo): boolean {
  if (OWN_SPACE_TAGS.test(f.tagName.toUpperCase())) return false;
  if (f.role && OWN_SPACE_ROLES.has(f.role)) return false;
  if (f.editable) return false;
  if (f.scrollable) return false;
  return true;
}

/** One line of the key help. */
export interface ShortcutRow {
  keys: string[];
  label: string;
}

/**
 * The rows of the key help: the instance's own one-key controls (`data-shortcut`, read from the
 * page, so a new control is listed without editing this), then the fixed keys.
 */
export function shortcutRows(
  controls: readonly { key: string; label: string }[],
  fixed: readonly ShortcutRow[],
): ShortcutRow[] {
  const seen = new Set<string>();
  const rows: ShortcutRow[] = [];
  for (const c of controls) {
    const key = c.key.length === 1 ? c.key.toUpperCase() : c.key;
    const label = c.label.replace(/\s+/g, ' ').trim();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    rows.push({ keys: [key], label });
  }
  return [...rows, ...fixed];
}
