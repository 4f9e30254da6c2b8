import { restartPolicyScenario } from './lib/variants.ts';

export const restartPolicyNever = restartPolicyScenario('Never');
