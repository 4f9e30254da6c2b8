import { initFailure } from './lib/variants.ts';

export const initFailureAlways = initFailure('Always');
