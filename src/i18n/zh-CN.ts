import type { Messages } from './en.ts';
import { anatomyZh } from './messages/anatomy.zh-CN.ts';
import { coreZh } from './messages/core.zh-CN.ts';
import { panelsZh } from './messages/panels.zh-CN.ts';
import { lessonsZh } from './messages/lessons.zh-CN.ts';
import { scenariosZh } from './messages/scenarios.zh-CN.ts';

/**
 * 简体中文. Terms follow the official Kubernetes Chinese docs
 * (../shared/reference/glossary-zh.md). A missing key is a type error.
 */
export const zhCN = {
  ...coreZh,
  ...anatomyZh,
  ...panelsZh,
  ...scenariosZh,
  ...lessonsZh,
} as const satisfies Messages;
