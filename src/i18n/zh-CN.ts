import type { Messages } from './en.ts';

/** 简体中文. Terms follow the official Kubernetes Chinese docs (glossary-zh). */
export const zhCN = {
  'app.title': 'Podscope',
  'app.tagline': 'kubelet 在 Pod 内部做了什么',
  'controls.toolbar': '播放控制',
  'controls.play': '播放',
  'controls.pause': '暂停',
  'controls.clock': '集群时间',
  'locale.label': '语言',
} as const satisfies Messages;
