import type { coreEn } from './core.en.ts';

export const coreZh = {
  'app.title': 'Podscope',
  'app.tagline': 'kubelet 在 Pod 内部做了什么',
  'controls.toolbar': '播放控制',
  'controls.play': '播放',
  'controls.pause': '暂停',
  'controls.clock': '集群时间',
  'locale.label': '语言',
} as const satisfies Record<keyof typeof coreEn, string>;
