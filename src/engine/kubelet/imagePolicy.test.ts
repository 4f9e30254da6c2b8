import { describe, expect, it } from 'vitest';
import { defaultImagePullPolicy, parseImageName } from './imagePolicy.ts';

const DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('parseImageName (pkg/util/parsers/parsers_test.go TestParseImageName)', () => {
  it.each<[string, string, string, string]>([
    ['root', 'docker.io/library/root', 'latest', ''],
    ['root:tag', 'docker.io/library/root', 'tag', ''],
    [`root@${DIGEST}`, 'docker.io/library/root', '', DIGEST],
    ['user/repo', 'docker.io/user/repo', 'latest', ''],
    ['user/repo:tag', 'docker.io/user/repo', 'tag', ''],
    [`user/repo@${DIGEST}`, 'docker.io/user/repo', '', DIGEST],
    ['url:5000/repo', 'url:5000/repo', 'latest', ''],
    ['url:5000/repo:tag', 'url:5000/repo', 'tag', ''],
    [`url:5000/repo@${DIGEST}`, 'url:5000/repo', '', DIGEST],
    [`url:5000/repo:latest@${DIGEST}`, 'url:5000/repo', 'latest', DIGEST],
    ['localhost/app', 'localhost/app', 'latest', ''],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause', '3.10', ''],
    ['docker.io/nginx', 'docker.io/library/nginx', 'latest', ''],
  ])('%s', (input, repository, tag, digest) => {
    expect(parseImageName(input)).toEqual({ repository, tag, digest });
  });

  it.each([
    '',
    ':',
    'ROOT',
    'user/Repo',
    'nodejs::',
    'nodejs@@',
    'nodejs@sha256:asdf@',
    'http://root',
    'a'.repeat(64).replace(/a/g, 'f'),
  ])('rejects %j', (input) => {
    expect(parseImageName(input)).toBeUndefined();
  });
});

describe('defaultImagePullPolicy (SetDefaults_Container) — trap 4', () => {
  it.each<[string, 'Always' | 'IfNotPresent']>([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    [`nginx@${DIGEST}`, 'IfNotPresent'],
    [`nginx:latest@${DIGEST}`, 'Always'],
    [`nginx:1.25@${DIGEST}`, 'IfNotPresent'],
    ['registry:5000/app', 'Always'],
    ['registry:5000/app:v2', 'IfNotPresent'],
    ['registry:5000/team/app:latest', 'Always'],
    ['user/repo', 'Always'],
    ['busybox:LATEST', 'IfNotPresent'],
    ['', 'IfNotPresent'],
    ['Nginx', 'IfNotPresent'],
  ])('%j → %s', (image, want) => {
    expect(defaultImagePullPolicy(image)).toBe(want);
  });
});
