import { initFailure } from './lib/variants.ts';

export const initFailureOnFailure = initFailure('OnFailure');
