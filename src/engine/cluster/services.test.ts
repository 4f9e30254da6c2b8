import { describe, expect, it } from 'vitest';
import {
  addService,
  newServiceRegistry,
  removeService,
  resolveServiceName,
  serviceConnects,
  serviceFqdn,
} from './services.ts';
import type { EndpointPod } from './services.ts';

describe('service registry', () => {
  it('adds, resolves by short and long names, removes', () => {
    const reg = newServiceRegistry();
    const a = addService(reg, { name: 'myservice', ports: [{ port: 80, targetPort: 9376 }] }, 0);
    const b = addService(reg, { name: 'mydb' }, 0);
    expect(a.clusterIP).toBe('10.96.209.94');
    expect(b.clusterIP).toBe('10.96.93.235');
    expect(serviceFqdn(a)).toBe('myservice.default.svc.cluster.local');
    for (const host of [
      'myservice',
      'myservice.default',
      'myservice.default.svc',
      'myservice.default.svc.cluster.local',
      'MyService.default.svc.cluster.local.',
    ])
      expect(resolveServiceName(reg, host)?.name).toBe('myservice');
    expect(resolveServiceName(reg, 'myservice.other')).toBeUndefined();
    expect(resolveServiceName(reg, 'nope')).toBeUndefined();
    expect(() => addService(reg, { name: 'myservice' }, 1)).toThrow(
      'services "myservice" already exists',
    );
    removeService(reg, 'myservice');
    expect(resolveServiceName(reg, 'myservice')).toBeUndefined();
    expect(() => removeService(reg, 'myservice')).toThrow('services "myservice" not found');
  });
  it('connects only to ready selected pods listening on the target port', () => {
    const reg = newServiceRegistry();
    const s = addService(
      reg,
      { name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
      0,
    );
    const pod = (over: Partial<EndpointPod>): EndpointPod => ({
      name: 'p',
      namespace: 'default',
      labels: { app: 'web' },
      ready: true,
      ip: '10.244.1.5',
      ports: [{ port: 8080 }],
      ...over,
    });
    expect(serviceConnects(s, 80, [pod({})])).toBe(true);
    expect(serviceConnects(s, 8080, [pod({})])).toBe(false);
    expect(serviceConnects(s, 80, [pod({ ready: false })])).toBe(false);
    expect(serviceConnects(s, 80, [pod({ labels: { app: 'db' } })])).toBe(false);
    expect(serviceConnects(s, 80, [pod({ ports: [{ port: 80 }] })])).toBe(false);
    const noSel = addService(reg, { name: 'plain' }, 0);
    expect(serviceConnects(noSel, 80, [pod({})])).toBe(false);
  });
});
