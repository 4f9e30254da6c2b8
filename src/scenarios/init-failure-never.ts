import { initFailure } from './lib/variants.ts';

export const initFailureNever = initFailure('Never');
