import { restartPolicyScenario } from './lib/variants.ts';

export const restartPolicyAlways = restartPolicyScenario('Always');
