import { anatomyEn } from './messages/anatomy.en.ts';
import { coreEn } from './messages/core.en.ts';
import { panelsEn } from './messages/panels.en.ts';

/** English of the first screen, fetched when an instance opens (or switches) in English. */
export const baseEn = { ...coreEn, ...anatomyEn, ...panelsEn };
