/** App shell and playback. */
export const coreEn = {
  'app.title': 'Podscope',
  'app.tagline': 'What the kubelet does inside a Pod',
  'controls.toolbar': 'Playback',
  'controls.play': 'Play',
  'controls.pause': 'Pause',
  'controls.clock': 'Cluster time',
  'locale.label': 'Language',
} as const;
