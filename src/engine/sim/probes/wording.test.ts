/**
 * Every probe and hook message the engine emits, pinned to the Kubernetes
 * source that prints it (v1.35; cri-client v0.35.0):
 *
 *  - `Unhealthy` `%s probe failed: %s`, `%s probe errored and resulted in %s
 *    state: %s`, `ProbeWarning` — pkg/kubelet/prober/prober.go `probe`;
 *  - exec output / timeout — pkg/probe/exec/exec.go (output = err.Error() on
 *    remote.ErrCommandTimedOut), staging/src/k8s.io/cri-client/pkg/remote_runtime.go
 *    `execSyncV1` (`%w: %q timed out after %s`, `command '%s' exited with %d: %s`);
 *  - HTTP — pkg/probe/http/http.go `DoHTTPProbe`; TCP — pkg/probe/tcp/tcp.go;
 *  - `Killing` `Container %s failed liveness probe, will be restarted` —
 *    pkg/kubelet/kuberuntime/kuberuntime_manager.go `computePodActions`;
 *  - `FailedPostStartHook` `PostStartHook failed`, `Killing`
 *    `FailedPostStartHook`, `PostStartHookError` — kuberuntime_container.go
 *    `startContainer`; the waiting message — pkg/kubelet/lifecycle/handlers.go `Run`;
 *  - `FailedPreStopHook` `PreStopHook failed` — kuberuntime_container.go `executePreStopHook`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsOf, sim, statusOf } from '../testkit.ts';
import { execId, goQuote } from './answer.ts';
import { execExitError, hookFailureMessage } from './hooks.ts';

const BB = ['busybox:1.36', 'nginx:1.27'];
const bb = (rest: string, command = "['sleep', '3600']") =>
  sim(`containers:\n- name: app\n  image: busybox:1.36\n  command: ${command}\n${rest}`, 1, BB);
const POD_FULL = /^web_default\([0-9a-f-]{36}\)$/;

/** Every waiting state the container's status showed, instant by instant, until `untilMs`. */
function waitingSeen(s: ReturnType<typeof sim>, name: string, untilMs: number) {
  const seen: Array<{ reason?: string; message?: string }> = [];
  while (s.nowMs < untilMs && s.step() !== undefined) {
    const w = statusOf(s, name)?.state?.waiting;
    const last = seen[seen.length - 1];
    if (w && (last?.reason !== w.reason || last?.message !== w.message)) seen.push(w);
  }
  return seen;
}

describe('probe outputs', () => {
  it.each([
    [
      'exec: the command’s output',
      "  livenessProbe:\n    exec: { command: ['cat', '/tmp/healthy'] }\n    periodSeconds: 5",
      () => "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    ],
    [
      'exec: stdout, then stderr (not interleaved)',
      "  readinessProbe:\n    exec: { command: ['sh', '-c', 'echo one >&2; echo two; exit 1'] }\n    periodSeconds: 5",
      () => 'Readiness probe failed: two\none',
    ],
    [
      'exec: timeoutSeconds 1 → cri-client’s timeout error',
      "  readinessProbe:\n    exec: { command: ['sleep', '5'] }\n    periodSeconds: 10",
      () => 'Readiness probe failed: command timed out: "sleep 5" timed out after 1s',
    ],
    [
      'exec: timeoutSeconds 60 → Go’s Duration 1m0s',
      "  readinessProbe:\n    exec: { command: ['sleep', '100'] }\n    periodSeconds: 120\n    timeoutSeconds: 60",
      () => 'Readiness probe failed: command timed out: "sleep 100" timed out after 1m0s',
    ],
    [
      'tcpSocket: Go’s dial error',
      '  readinessProbe:\n    tcpSocket: { port: 8080 }\n    periodSeconds: 5',
      (ip: string) => `Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
    ],
    [
      'httpGet: nobody listening → Go’s url.Error',
      '  readinessProbe:\n    httpGet: { path: /healthz, port: 8080 }\n    periodSeconds: 5',
      (ip: string) =>
        `Readiness probe failed: Get "http://${ip}:8080/healthz": dial tcp ${ip}:8080: connect: connection refused`,
    ],
  ])('%s', (_what, probe, message) => {
    const s = bb(probe);
    s.advance(130_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(message(s.pod().status!.podIP!));
  });

  it('httpGet: a status ≥ 400 → `HTTP probe failed with statuscode: %d`', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    httpGet: { path: /missing, port: 80 }\n    periodSeconds: 5`,
      1,
      BB,
    );
    s.advance(30_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe(
      'Liveness probe failed: HTTP probe failed with statuscode: 404',
    );
  });

  it('exec: a command the image lacks — the probe errored, the result is thrown away', () => {
    const s = bb(
      "  livenessProbe:\n    exec: { command: ['curl', '-f', 'localhost'] }\n    periodSeconds: 5\n  readinessProbe:\n    exec: { command: ['/bin/nope'] }\n    periodSeconds: 5",
    );
    s.advance(60_000);
    const u = eventsOf(s, 'Unhealthy');
    const live = u.filter((e) => e.message.startsWith('Liveness'));
    expect(live.length).toBeGreaterThanOrEqual(5);
    expect(live[0]!.message).toMatch(
      /^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/,
    );
    expect(u.find((e) => e.message.startsWith('Readiness'))!.message).toContain(
      'exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown',
    );
    // Never counted: liveness never kills, readiness never flips to Ready.
    expect(eventsOf(s, 'Killing')).toHaveLength(0);
    expect(statusOf(s, 'app')?.restartCount).toBe(0);
    expect(statusOf(s, 'app')?.ready).toBe(false);
    const ticks = s.runtime().probeTicks ?? [];
    expect(ticks.filter((t) => t.outcome === 'error').every((t) => t.failures === 0)).toBe(true);
  });
});

describe('kubelet actions', () => {
  it.each([
    ['Always', 'Container app failed liveness probe, will be restarted'],
    // Under Never the kill names the probe only while another container is
    // kept; with none left the whole pod is killed: `Stopping container app`.
    ['Never', 'Container app failed liveness probe'],
  ])('liveness Failure under restartPolicy %s → Killing “%s”', (policy, message) => {
    const s = sim(
      `restartPolicy: ${policy}\ncontainers:\n- name: app\n  image: busybox:1.36\n  command: ['sleep', '3600']\n  livenessProbe:\n    exec: { command: ['false'] }\n    periodSeconds: 2\n- name: keep\n  image: busybox:1.36\n  command: ['sleep', '3600']`,
      1,
      BB,
    );
    s.advance(20_000);
    expect(eventsOf(s, 'Killing')[0]!.message).toBe(message);
  });

  it('startup Failure → Killing “Container app failed startup probe, will be restarted”', () => {
    const s = bb("  startupProbe:\n    exec: { command: ['false'] }\n    periodSeconds: 2");
    s.advance(20_000);
    expect(eventsOf(s, 'Unhealthy')[0]!.message).toBe('Startup probe failed: ');
    expect(eventsOf(s, 'Killing')[0]!.message).toBe(
      'Container app failed startup probe, will be restarted',
    );
  });
});

describe('lifecycle hooks', () => {
  it('exec postStart exits 3: events, then PostStartHookError with the handler runner’s message', () => {
    const s = bb(
      "  lifecycle:\n    postStart:\n      exec: { command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] }",
      "['sh', '-c', 'trap \"exit 0\" TERM; sleep 3600 & wait']",
    );
    const w = waitingSeen(s, 'app', 5_000).find((x) => x.reason === 'PostStartHookError');
    expect(eventsOf(s, 'FailedPostStartHook')[0]!.message).toBe('PostStartHook failed');
    expect(eventsOf(s, 'Killing')[0]!.message).toBe('FailedPostStartHook');
    expect(w).toBeDefined();
    const m =
      /^Exec lifecycle hook \(\[sh -c echo out; echo err >&2; exit 3\]\) for Container "app" in Pod "([^"]+)" failed - error: command 'sh -c echo out; echo err >&2; exit 3' exited with 3: err\n, message: "out\\nerr\\n"$/.exec(
        w?.message ?? '',
      );
    expect(m, w?.message).not.toBeNull();
    expect(m![1]).toMatch(POD_FULL);
  });

  it('exec postStart with a command the image lacks: the CRI error, message ""', () => {
    const s = bb("  lifecycle:\n    postStart:\n      exec: { command: ['curl', 'localhost'] }");
    const w = waitingSeen(s, 'app', 35_000).find((x) => x.reason === 'PostStartHookError');
    expect(w?.message).toMatch(
      /^Exec lifecycle hook \(\[curl localhost\]\) for Container "app" in Pod "web_default\([0-9a-f-]{36}\)" failed - error: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown, message: ""$/,
    );
  });

  it('httpGet postStart: a 404 is no failure (the handler runner ignores the status)', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  lifecycle:\n    postStart:\n      httpGet: { path: /nothing-here, port: 80 }`,
      1,
      BB,
    );
    s.advance(10_000);
    expect(eventsOf(s, 'FailedPostStartHook')).toHaveLength(0);
    expect(statusOf(s, 'web')?.state?.running).toBeDefined();
  });

  it('httpGet postStart to a closed port: HTTP lifecycle hook … failed - error: Get …', () => {
    const s = sim(
      `containers:\n- name: web\n  image: nginx:1.27\n  lifecycle:\n    postStart:\n      httpGet: { path: /hook, port: 9090 }`,
      1,
      BB,
    );
    const w = waitingSeen(s, 'web', 3_000).find((x) => x.reason === 'PostStartHookError');
    const ip = s.pod().status!.podIP ?? '';
    expect(eventsOf(s, 'FailedPostStartHook').length).toBeGreaterThanOrEqual(1);
    expect(w?.message ?? '').toMatch(
      new RegExp(
        `^HTTP lifecycle hook \\(/hook\\) for Container "web" in Pod "web_default\\([0-9a-f-]{36}\\)" failed - error: Get "http://${ip.replace(/\./g, '\\.')}:9090/hook": dial tcp ${ip.replace(/\./g, '\\.')}:9090: connect: connection refused$`,
      ),
    );
  });

  it('preStop exits non-zero: FailedPreStopHook “PreStopHook failed”, the stop goes on', () => {
    const s = bb("  lifecycle:\n    preStop:\n      exec: { command: ['sh', '-c', 'exit 1'] }");
    s.advance(5_000);
    s.dispatch({ kind: 'delete-pod' });
    s.advance(40_000);
    expect(eventsOf(s, 'Killing')[0]!.message).toBe('Stopping container app');
    expect(eventsOf(s, 'FailedPreStopHook')[0]!.message).toBe('PreStopHook failed');
  });
});

describe('helpers', () => {
  it('hookFailureMessage for each handler kind', () => {
    const out = { durationMs: 5, ok: false, error: 'E', output: 'a\tb' };
    expect(hookFailureMessage({ exec: { command: ['x', 'y'] } }, 'c', 'p_ns(u)', out)).toBe(
      'Exec lifecycle hook ([x y]) for Container "c" in Pod "p_ns(u)" failed - error: E, message: "a\\tb"',
    );
    expect(hookFailureMessage({ httpGet: { path: '/h', port: 80 } }, 'c', 'p_ns(u)', out)).toBe(
      'HTTP lifecycle hook (/h) for Container "c" in Pod "p_ns(u)" failed - error: E',
    );
    expect(execExitError(['sh', '-c', 'exit 3'], 3, 'boom\n')).toBe(
      "command 'sh -c exit 3' exited with 3: boom\n",
    );
  });

  it('property: goQuote is Go’s %q (JSON’s quoting for printable ASCII; \\xNN controls)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        const printable = /^[\x20-\x7e]*$/.test(s);
        if (printable) expect(goQuote(s)).toBe(JSON.stringify(s));
        expect(goQuote(s).startsWith('"') && goQuote(s).endsWith('"')).toBe(true);
        const controls = [...goQuote(s)].filter((ch) => ch.charCodeAt(0) < 0x20 || ch === '\x7f');
        expect(controls).toEqual([]);
      }),
    );
    expect(goQuote('\x01\x07\x7f')).toBe('"\\x01\\a\\x7f"');
  });

  it('property: an exec ID is 64 hex digits, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(execId(seed)).toMatch(/^[0-9a-f]{64}$/);
        expect(execId(seed)).toBe(execId(seed));
      }),
    );
  });
});
