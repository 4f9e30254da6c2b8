import { restartPolicyScenario } from './lib/variants.ts';

export const restartPolicyOnFailure = restartPolicyScenario('OnFailure');
