import type { panelsEn } from './panels.en.ts';

export const panelsZh = {} as const satisfies Record<keyof typeof panelsEn, string>;
