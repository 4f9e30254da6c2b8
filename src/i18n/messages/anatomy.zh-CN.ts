import type { anatomyEn } from './anatomy.en.ts';

export const anatomyZh = {} as const satisfies Record<keyof typeof anatomyEn, string>;
