import { pullPolicyScenario } from './lib/variants.ts';

export const imagePullNever = pullPolicyScenario('Never');
