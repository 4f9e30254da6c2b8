/** Simulated time as the control bar shows it: m:ss, or h:mm:ss past an hour. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Full-width punctuation that ends a Chinese sentence or clause: no space follows it. */
const FULL_WIDTH_END = /[。！？；：，、）」』”]$/;

/** The gap to put after `text` before the next sentence: none after full-width punctuation. */
export function sentenceGap(text: string): string {
  return FULL_WIDTH_END.test(text) ? '' : ' ';
}

/** Sentences run together as one paragraph, in either script ("。" is never followed by " "). */
export function joinSentences(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    out = out ? out + sentenceGap(out) + p : p;
  }
  return out;
}
