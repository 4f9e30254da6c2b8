import { ensure } from './check.ts';
import type { Scenario } from './types.ts';

export const imagePullLatest: Scenario = {
  id: 'image-pull-latest',
  titleKey: 'scenario.image-pull-latest.title',
  pointKey: 'scenario.image-pull-latest.point',
  run: {
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: latest-rule
spec:
  containers:
    - name: no-tag
      image: redis
    - name: latest-tag
      image: nginx:latest
    - name: pinned
      image: memcached:1.6
`,
    seed: 1,
    actions: [],
  },
  durationMs: 10_000,
  outcome:
    'with no imagePullPolicy, an image without a tag or tagged :latest defaults to Always; a pinned tag to IfNotPresent',
  expect: (sim) => {
    const containers = sim.pod('latest-rule').spec?.containers ?? [];
    const policy = (name: string) => containers.find((c) => c.name === name)?.imagePullPolicy;
    ensure(policy('no-tag') === 'Always', `no-tag defaulted to ${policy('no-tag')}`);
    ensure(policy('latest-tag') === 'Always', `latest-tag defaulted to ${policy('latest-tag')}`);
    ensure(policy('pinned') === 'IfNotPresent', `pinned defaulted to ${policy('pinned')}`);
  },
  tags: ['image-pull'],
  requires: ['kubelet'],
};
