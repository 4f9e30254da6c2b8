import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from './shell/parse.ts';
import { tokenize } from './shell/tokenize.ts';
import { containerLogs, runtimeView, signalContainer, killContainer } from './index.ts';
import { harness } from './testkit.ts';
import type { Container } from 'kubernetes-types/core/v1';

/** One busybox container running `sh -c script`; runs `ms` of simulated time. */
function sh(script: string, ms = 0, extra: Partial<Container> = {}, image = 'busybox:1.36') {
  const h = harness({
    metadata: { name: 'demo' },
    spec: { containers: [{ name: 'c', image, command: ['sh', '-c', script], ...extra }] },
  });
  h.start('c');
  if (ms) h.run(ms);
  return { h, logs: () => containerLogs(h.sys, 'c'), exit: () => h.exits('c')[0] };
}

describe('tokenizer and parser', () => {
  it('keeps quotes, variables and substitutions apart', () => {
    const toks = tokenize(`echo "a $B" 'c $D' $(cat f) \${X:-y} $((1+2))`);
    expect(toks.map((t) => t.t)).toEqual(['word', 'word', 'word', 'word', 'word', 'word', 'eof']);
    const w = toks[1] as Extract<(typeof toks)[number], { t: 'word' }>;
    expect(w.parts).toEqual([
      { k: 'lit', v: 'a ', q: true },
      { k: 'var', name: 'B', q: true },
    ]);
  });

  it('parses lists, and/or, loops, if, for, subshells and redirections into a flat AST', () => {
    const s = parse(
      'a && b || c; while x; do y; done > f; if p; then q; elif r; then s; else t; fi; for i in 1 2; do :; done; (z &)',
    );
    const kinds = s.nodes.map((n) => n.t);
    for (const k of ['andor', 'loop', 'redir', 'if', 'for', 'subshell', 'list', 'cmd'])
      expect(kinds).toContain(k);
    expect(JSON.parse(JSON.stringify(s.nodes))).toEqual(s.nodes); // plain data
  });

  it('reports what it cannot simulate instead of guessing', () => {
    const s = parse('case $x in a) echo a;; esac; f() { echo; }; cat <<EOF');
    expect(s.unsupported.map((u) => u.what)).toEqual([
      '`case … esac`',
      'function definition `f()`',
      'here-document `<<`',
    ]);
  });

  it('throws a shell syntax error with the shell message', () => {
    expect(() => parse('while true; do echo')).toThrow(/unexpected end of file/);
    expect(() => parse('echo "open')).toThrow(/unterminated quoted string/);
    expect(() => parse('done')).toThrow(/unexpected "done"/);
  });
});

describe('interpreter idioms', () => {
  it('sleep N then exit N', () => {
    const r = sh('sleep 5; exit 3', 4999);
    expect(r.exit()).toBeUndefined();
    r.h.run(1);
    expect(r.exit()).toMatchObject({ exitCode: 3, atMs: 5000, reason: 'Error' });
  });

  it('sleep accepts fractions and suffixes; sleep infinity never ends', () => {
    expect(sh('sleep 1.5; sleep 1m; exit 0', 61_500).exit()?.atMs).toBe(61_500);
    const r = sh('sleep infinity', 10 * 3_600_000);
    expect(r.exit()).toBeUndefined();
    expect(runtimeView(r.h.sys).containers[0]!.processes[0]!.command).toBe('sleep infinity');
  });

  it('true, false, ;, && and ||', () => {
    const r = sh(
      'true && echo a; false && echo b; false || echo c; true || echo d; false; echo $?',
    );
    expect(r.logs()).toEqual(['a', 'c', '1']);
    expect(r.exit()?.exitCode).toBe(0);
  });

  it('the last status is the exit code of the script', () => {
    expect(sh('echo hi; false').exit()?.exitCode).toBe(1);
  });

  it('echo > file, >> file, cat file', () => {
    const r = sh('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; cat /nope');
    expect(r.logs()).toEqual(['one', 'two', "cat: can't open '/nope': No such file or directory"]);
    expect(r.exit()?.exitCode).toBe(1);
  });

  it('while and until loops with a counter and $((…))', () => {
    const r = sh(
      'i=0; while [ $i -lt 3 ]; do echo tick $i; i=$((i+1)); sleep 1; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo done $i',
      10_000,
    );
    expect(r.logs()).toEqual(['tick 0', 'tick 1', 'tick 2', 'done 0']);
    expect(r.exit()?.atMs).toBe(3000);
  });

  it('if / elif / else', () => {
    const r = sh(
      'if false; then echo a; elif [ "x" = "x" ]; then echo b; else echo c; fi; if false; then echo d; fi',
    );
    expect(r.logs()).toEqual(['b']);
    expect(r.exit()?.exitCode).toBe(0);
  });

  it('for loops, break and continue', () => {
    const r = sh(
      'for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done',
    );
    expect(r.logs()).toEqual(['1', '3']);
  });

  it('$VAR expansion from the container env, defaults, quoting and field splitting', () => {
    const r = sh(
      'echo "$GREETING, $WHO"; echo ${MISSING:-fallback}; X="a  b"; for w in $X; do echo [$w]; done; echo "$X"',
      0,
      {
        env: [
          { name: 'GREETING', value: 'hello' },
          { name: 'WHO', value: 'world' },
        ],
      },
    );
    expect(r.logs()).toEqual(['hello, world', 'fallback', '[a]', '[b]', 'a  b']);
  });

  it('env and printenv show the container env and the Kubernetes-injected variables', () => {
    const r = sh(
      'printenv HOSTNAME KUBERNETES_SERVICE_HOST KUBERNETES_SERVICE_PORT; env | grep -c KUBERNETES_PORT_443_TCP',
      0,
      {
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      },
    );
    expect(r.logs()).toEqual(['demo', '10.96.0.1', '443', '4']);
    const e = sh('env').logs();
    expect(e).toContain('HOSTNAME=demo');
    expect(e).toContain('KUBERNETES_PORT=tcp://10.96.0.1:443');
  });

  it('Kubernetes expands $(VAR) in command and args, leaving unknown references for the shell', () => {
    const h = harness({
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox',
            env: [{ name: 'MESSAGE', value: 'hello world' }],
            command: ['/bin/echo'],
            args: ['$(MESSAGE)', '$$(MESSAGE)', '$(NOPE)'],
          },
        ],
      },
    });
    h.start('c');
    expect(containerLogs(h.sys, 'c')).toEqual(['hello world $(MESSAGE) $(NOPE)']);
  });

  it('date prints simulated time from the fixed epoch', () => {
    const r = sh('sleep 65; date; date +%Y-%m-%dT%H:%M:%S', 70_000);
    expect(r.logs()).toEqual(['Wed Jan  1 00:01:05 UTC 2025', '2025-01-01T00:01:05']);
  });

  it('hostname is the pod name, or spec.hostname', () => {
    expect(sh('hostname').logs()).toEqual(['demo']);
    const h = harness({
      metadata: { name: 'p' },
      spec: {
        hostname: 'custom',
        containers: [{ name: 'c', image: 'busybox', command: ['hostname'] }],
      },
    });
    h.start('c');
    expect(containerLogs(h.sys, 'c')).toEqual(['custom']);
  });

  it('background jobs with & and wait', () => {
    const r = sh('sleep 3 & echo started; wait; echo after', 5000);
    expect(r.logs()).toEqual(['started', 'after']);
    expect(r.exit()?.atMs).toBe(3000);
  });

  it('pipes feed output into grep, wc and head', () => {
    const r = sh('printf "a\nb\nab\n" > /f; cat /f | grep a | wc -l; seq 1 5 | head -n 2');
    expect(r.logs()).toEqual(['2', '1', '2']);
  });

  it('command substitution $(…) and backquotes', () => {
    const r = sh(
      'echo "ns=$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace) host=`hostname`"',
    );
    expect(r.logs()).toEqual(['ns=default host=demo']);
  });

  it('set -e stops at the first failure (but not in conditions), set -x traces', () => {
    const r = sh('set -e; if false; then :; fi; false && true; echo still; false; echo never');
    expect(r.logs()).toEqual(['still']);
    expect(r.exit()?.exitCode).toBe(1);
    expect(sh('set -x; echo hi').logs()).toEqual(['+ echo hi', 'hi']);
  });

  it('an unsupported command gets a notice naming it, and the fallback', () => {
    const r = sh('awk 1 /etc/hosts; echo after');
    expect(r.logs()).toEqual(['after']);
    expect(r.h.sys.notices.map((n) => n.message)).toContain(
      'unsupported command `awk`: treated as succeeding with no output',
    );
  });

  it('unsupported syntax is skipped with a notice', () => {
    const r = sh('case a in a) echo a;; esac; echo b');
    expect(r.logs()).toEqual(['b']);
    expect(r.h.sys.notices[0]?.subject).toBe('`case … esac`');
  });

  it('a syntax error ends the shell with exit 2 and the shell message', () => {
    const r = sh('while true; do echo x');
    expect(r.exit()?.exitCode).toBe(2);
    expect(r.logs()[0]).toMatch(/^sh: syntax error: unexpected end of file/);
  });

  it('a tool the image lacks is "not found" (exit 127)', () => {
    const r = sh('ps', 0, {}, 'debian');
    expect(r.logs()).toEqual(['sh: 1: ps: not found']);
    expect(r.exit()?.exitCode).toBe(127);
  });

  it('a loop that never sleeps is slowed down, with a notice', () => {
    const r = sh('while true; do :; done', 3000);
    expect(r.exit()).toBeUndefined();
    expect(r.h.sys.notices.some((n) => n.code === 'busy-loop')).toBe(true);
  });

  it('touch, rm, test -f: the liveness exec example', () => {
    const r = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', 0);
    expect(r.h.sys.instances[0]!.rootfs['/tmp/healthy']).toBeDefined();
    r.h.run(31_000);
    expect(r.h.sys.instances[0]!.rootfs['/tmp/healthy']).toBeUndefined();
  });
});

describe('signals, trap and PID 1', () => {
  it('a plain shell as PID 1 ignores SIGTERM; SIGKILL at the end of the grace period gives 137', () => {
    const r = sh('while true; do sleep 1; done', 500);
    signalContainer(r.h.sys, 'c', 'SIGTERM', r.h.ctx());
    r.h.run(29_500);
    expect(r.exit()).toBeUndefined();
    expect(r.h.sys.procEvents.some((e) => e.kind === 'signal-ignored')).toBe(true);
    r.h.occ.push(...killContainer(r.h.sys, 'c', r.h.ctx()));
    expect(r.exit()).toMatchObject({ exitCode: 137, signal: 'SIGKILL' });
  });

  it('sleep as PID 1 (sh -c execs a single command) ignores SIGTERM too', () => {
    const r = sh('sleep 3600', 100);
    expect(runtimeView(r.h.sys).containers[0]!.processes.map((p) => [p.pid, p.command])).toEqual([
      [1, 'sleep 3600'],
    ]);
    signalContainer(r.h.sys, 'c', 'SIGTERM', r.h.ctx());
    r.h.run(1000);
    expect(r.exit()).toBeUndefined();
  });

  it("trap 'exit 0' TERM: the shell exits 0 after the current foreground command", () => {
    const r = sh("trap 'echo bye; exit 0' TERM; while true; do sleep 1; done", 1500);
    signalContainer(r.h.sys, 'c', 'SIGTERM', r.h.ctx());
    expect(r.exit()).toBeUndefined();
    r.h.run(600);
    expect(r.exit()).toMatchObject({ exitCode: 0, atMs: 2000 });
    expect(r.logs()).toEqual(['bye']);
  });

  it('a trap interrupts wait at once (sleep & wait idiom)', () => {
    const r = sh("trap 'exit 0' TERM; sleep 3600 & wait", 1000);
    r.h.occ.push(...signalContainer(r.h.sys, 'c', 'SIGTERM', r.h.ctx()));
    expect(r.exit()).toMatchObject({ exitCode: 0, atMs: 1000 });
  });

  it('a trap on a long sleep waits for the sleep: still SIGKILLed', () => {
    const r = sh("trap 'exit 0' TERM; sleep 3600", 1000);
    signalContainer(r.h.sys, 'c', 'SIGTERM', r.h.ctx());
    r.h.run(30_000);
    expect(r.exit()).toBeUndefined();
  });

  it('kill sends signals to processes of the same PID namespace', () => {
    const r = sh('sleep 100 & kill $!; wait $!; echo status $?', 10);
    expect(r.logs()).toEqual(['status 143']);
  });
});

describe('never throws', () => {
  const pieces = [
    'echo',
    'a',
    '"b c"',
    "'d'",
    ';',
    '&&',
    '||',
    '|',
    '&',
    '(',
    ')',
    '{',
    '}',
    'if',
    'then',
    'fi',
    'while',
    'do',
    'done',
    'until',
    'for',
    'in',
    'sleep',
    '1',
    'exit',
    '$X',
    '${Y:-z}',
    '$(echo q)',
    '`',
    '>',
    '>>',
    '2>&1',
    '/tmp/x',
    'cat',
    'trap',
    'TERM',
    'wait',
    'kill',
    'nslookup',
    'wget',
    'localhost:80',
    '\n',
    '#',
    '$((1+',
    'awk',
    'case',
    'esac',
    '"',
    "'",
    '\\',
    '!',
    'true',
    'false',
    'ps',
    'ipcmk',
    '-M',
    'hostname',
  ];
  it('random token soup always yields a status, an exit or a wait — never an exception', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (toks) => {
        const script = toks.join(' ');
        const r = sh(script, 5000);
        const e = r.exit();
        if (e) expect(Number.isInteger(e.exitCode)).toBe(true);
        else expect(r.h.sys.procs.some((p) => p.container === 'c')).toBe(true);
        // The whole system stays plain data.
        expect(JSON.parse(JSON.stringify(r.h.sys))).toEqual(r.h.sys);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('random printable text as a script is handled', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (script) => {
        const r = sh(script, 2000);
        expect(r.exit() === undefined || Number.isInteger(r.exit()!.exitCode)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('determinism and snapshots', () => {
  it('a cloned system continues exactly like the original', () => {
    const a = sh('i=0; while true; do echo $i; i=$((i+1)); sleep 1; done', 2500);
    const snap = JSON.parse(JSON.stringify(a.h.sys)) as typeof a.h.sys;
    a.h.run(5000);
    const b = harness({ metadata: { name: 'demo' }, spec: { containers: [] } });
    b.sys = snap;
    b.now = 2500;
    b.run(5000);
    expect(containerLogs(b.sys, 'c')).toEqual(a.logs());
    expect(JSON.stringify(b.sys)).toBe(JSON.stringify(a.h.sys));
  });
});
