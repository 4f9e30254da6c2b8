import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze, importManifest, ImportError, splitFieldPath } from './manifest.ts';

const GOOD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

describe('splitFieldPath', () => {
  it('splits names and indexes', () => {
    expect(splitFieldPath('spec.containers[1].name')).toEqual(['spec', 'containers', 1, 'name']);
    expect(splitFieldPath('metadata.name')).toEqual(['metadata', 'name']);
    expect(splitFieldPath('spec.volumes[0].emptyDir')).toEqual(['spec', 'volumes', 0, 'emptyDir']);
  });
});

describe('analyze', () => {
  it('accepts a valid pod', () => {
    const a = analyze(GOOD);
    expect(a.problems).toEqual([]);
    expect(a.kind).toBe('Pod');
    expect(a.name).toBe('web');
  });

  it('reports a YAML syntax error at its line, worded like kubectl', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   bad: : x\n';
    const problems = analyze(text).problems;
    expect(problems).toHaveLength(1);
    const p = problems[0];
    expect(p).toBeDefined();
    expect(p!.line).toBeGreaterThanOrEqual(4);
    expect(p!.message).toMatch(/^error converting YAML to JSON: yaml: line \d+: /);
  });

  it('puts a duplicate container name on the second name: line', () => {
    const text = `${GOOD}    - name: nginx\n      image: redis:7\n`;
    const { problems } = analyze(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('spec.containers[1].name: Duplicate value: "nginx"');
    expect(problems[0]!.line).toBe(9);
    expect(text.slice(problems[0]!.from, problems[0]!.to)).toBe('name');
  });

  it('puts a missing field on its nearest existing parent', () => {
    const text = GOOD.replace('      image: nginx:1.27\n', '');
    const { problems } = analyze(text);
    expect(problems.map((p) => p.message)).toContain('spec.containers[0].image: Required value');
    const p = problems.find((x) => x.message.includes('image'))!;
    expect(p.line).toBe(7);
  });

  it('validates a Deployment template with its full path', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      restartPolicy: Sometimes
      containers:
        - name: web
          image: nginx:1.27
`;
    const { problems, kind } = analyze(text);
    expect(kind).toBe('Deployment');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^spec\.template\.spec\.restartPolicy: Unsupported value: "Sometimes"/,
    );
    expect(problems[0]!.line).toBe(13);
  });

  it('asks for a kind, and refuses kinds it cannot run', () => {
    expect(analyze('metadata:\n  name: x\n').problems[0]!.message).toBe(
      'error validating data: kind not set',
    );
    const svc = analyze('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n').problems[0]!;
    expect(svc.message).toMatch(/^no matches for kind "Service" in version "v1"/);
    expect(svc.line).toBe(2);
  });

  it('reports an empty text', () => {
    expect(analyze('').problems).toHaveLength(1);
  });
});

/** A pod as `kubectl get pod -o yaml` prints it from a cluster (hand-written fixture). */
const FROM_CLUSTER = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"}}
  creationTimestamp: "2026-03-02T10:11:12Z"
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "48213"
  uid: 0c1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    manager: kubectl-client-side-apply
    operation: Update
spec:
  containers:
  - image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: nginx
    ports:
    - containerPort: 80
      protocol: TCP
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-7xk2p
      readOnly: true
  nodeName: worker-3
  restartPolicy: Always
  volumes:
  - name: kube-api-access-7xk2p
    projected:
      sources:
      - serviceAccountToken:
          path: token
status:
  phase: Running
  podIP: 10.244.1.7
`;

describe('importManifest', () => {
  it('drops status and server fields from kubectl get pod -o yaml, and names them', () => {
    const r = importManifest(FROM_CLUSTER);
    expect(r.kind).toBe('Pod');
    const obj = parse(r.yaml) as Record<string, Record<string, unknown>>;
    expect(obj.status).toBeUndefined();
    expect(obj.metadata!.uid).toBeUndefined();
    expect(obj.metadata!.managedFields).toBeUndefined();
    expect(obj.metadata!.annotations).toBeUndefined();
    expect(obj.metadata!.labels).toEqual({ app: 'web' });
    expect(obj.spec!.nodeName).toBeUndefined();
    expect(obj.spec!.volumes).toBeUndefined();
    expect(JSON.stringify(obj.spec!.containers)).not.toContain('kube-api-access');
    expect(r.dropped).toEqual(
      expect.arrayContaining([
        'status',
        'metadata.uid',
        'metadata.resourceVersion',
        'metadata.managedFields',
        'metadata.creationTimestamp',
        'spec.nodeName',
      ]),
    );
    expect(r.original).toBe(FROM_CLUSTER);
    expect(analyze(r.yaml).problems).toEqual([]);
  });

  it('reads JSON and kubectl List output', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a' },
      spec: { containers: [{ name: 'c', image: 'redis:7' }] },
    };
    expect(importManifest(JSON.stringify(pod)).dropped).toEqual([]);
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ ...pod, status: { phase: 'Pending' } }],
    };
    const r = importManifest(JSON.stringify(list, null, 2));
    expect(r.kind).toBe('Pod');
    expect(r.dropped).toEqual(['status']);
  });

  it('cleans a Deployment and its template', () => {
    const r = importManifest(`apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "3"
  generation: 3
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: web
status:
  replicas: 2
`);
    expect(r.kind).toBe('Deployment');
    expect(r.dropped).toEqual(
      expect.arrayContaining([
        'status',
        'metadata.generation',
        'metadata.annotations[deployment.kubernetes.io/revision]',
      ]),
    );
    expect(r.yaml).not.toContain('creationTimestamp');
  });

  it('refuses what it cannot run, with a reason', () => {
    expect(() => importManifest('')).toThrow(ImportError);
    expect(() => importManifest('kind: Service\nmetadata: {name: x}')).toThrow(/Service/);
    expect(() => importManifest('{ "a": [1, ')).toThrow(ImportError);
  });
});
