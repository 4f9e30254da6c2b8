/**
 * English: the source of truth for every UI string. Keys are dotted by surface.
 * `{name}` placeholders are filled by `t(key, params)`. Kubernetes vocabulary
 * (CrashLoopBackOff, Pending, field names) is never translated.
 */
export const en = {
  'app.title': 'Podscope',
  'app.tagline': 'What the kubelet does inside a Pod',
  'controls.toolbar': 'Playback',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.clock': 'Cluster time',
  'locale.label': 'Language',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
