import { anatomyEn } from './messages/anatomy.en.ts';
import { coreEn } from './messages/core.en.ts';
import { panelsEn } from './messages/panels.en.ts';
import { lessonsEn } from './messages/lessons.en.ts';
import { scenariosEn } from './messages/scenarios.en.ts';

/**
 * English: the source of truth for every UI string, assembled from one file per surface
 * (`messages/<surface>.en.ts`). Keys are dotted by surface; `{name}` placeholders are filled by
 * `t(key, params)`. Kubernetes vocabulary (CrashLoopBackOff, Pending, field names) is never
 * translated.
 */
export const en = { ...coreEn, ...anatomyEn, ...panelsEn, ...scenariosEn, ...lessonsEn } as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
