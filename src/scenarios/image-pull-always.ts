import { pullPolicyScenario } from './lib/variants.ts';

export const imagePullAlways = pullPolicyScenario('Always');
