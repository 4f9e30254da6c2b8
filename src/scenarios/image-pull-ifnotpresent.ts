import { pullPolicyScenario } from './lib/variants.ts';

export const imagePullIfNotPresent = pullPolicyScenario('IfNotPresent');
