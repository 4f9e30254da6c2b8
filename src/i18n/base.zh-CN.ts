import { anatomyZh } from './messages/anatomy.zh-CN.ts';
import { coreZh } from './messages/core.zh-CN.ts';
import { panelsZh } from './messages/panels.zh-CN.ts';

/** 简体中文 of the first screen, fetched when the instance opens (or switches) in Chinese. */
export const baseZh = { ...coreZh, ...anatomyZh, ...panelsZh };
