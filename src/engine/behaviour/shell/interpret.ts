/**
 * The shell interpreter: a resumable state machine over the flat AST.
 *
 * A shell's whole state is its `ShellProgram` (frames = program counter,
 * variables, traps, pending signals, what it waits for): plain data that
 * survives `structuredClone`. `runShell` runs it until it must wait —
 * for a foreground child (`sleep`, a server, a nested `sh`), for `wait`,
 * or for the busy-loop yield — or until it exits. The scheduler in
 * `process.ts` wakes it when the child exits or a trapped signal arrives.
 *
 * Faithful details: `sh -c 'one command'` execs the command (no `sh` left in
 * `ps`); a trap runs only after the foreground command finishes (so
 * `trap … TERM; sleep 3600` still gets SIGKILLed), but interrupts `wait`;
 * `$(…)` runs synchronously; `set -e` and `set -x` work.
 */
import { hasExecutable } from '../executables.ts';
import { logLine } from '../logs.ts';
import { basename, instanceOf, procById, visibleProcs } from '../namespaces.ts';
import { exitProc, reap, serverFor, signalProc, spawn, statusOf } from '../process.ts';
import { SIGNAL_NUMBERS } from '../types.ts';
import type {
  BehaviourCtx,
  ContainerInstance,
  Frame,
  Notice,
  OutTarget,
  PodSystem,
  Proc,
  Program,
  ShellProgram,
  Signal,
} from '../types.ts';
import { readFile, writeFile } from '../volumes.ts';
import { runTool } from './commands.ts';
import { parseInto } from './parse.ts';
import type { Node, Redir, Word } from './parse.ts';
import { ShellSyntaxError } from './tokenize.ts';

/** Execution context of one `runShell` call. */
export interface Exec {
  sys: PodSystem;
  proc: Proc;
  sh: ShellProgram;
  inst: ContainerInstance;
  ctx: BehaviourCtx;
  /** Inside `$(…)`: nothing may block. */
  sync: boolean;
  /** The simple command being run is itself a condition (for `set -e`). */
  cmdCond?: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const BURST_LIMIT = 1000;
const BUSY_YIELD_MS = 1000;

export function newShell(
  init: Partial<ShellProgram> & Pick<ShellProgram, 'nodes' | 'frames' | 'vars'>,
): ShellProgram {
  return {
    kind: 'sh',
    args: [],
    status: 0,
    traps: {},
    pending: [],
    wait: null,
    lastBg: null,
    execLast: false,
    burst: 0,
    burstAtMs: -1,
    captured: '',
    exported: Object.keys(init.vars),
    done: {},
    stdin: '',
    direct: false,
    execId: null,
    warnedBusy: false,
    ...init,
  };
}

export function addNotice(
  X: Pick<Exec, 'sys' | 'proc'>,
  code: Notice['code'],
  subject: string,
  fallback: string,
): void {
  const { sys, proc } = X;
  const dup = sys.notices.some(
    (n) => n.container === proc.container && n.subject === subject && n.code === code,
  );
  if (dup) return;
  sys.notices.push({
    atMs: sys.nowMs,
    container: proc.container || null,
    code,
    subject,
    fallback,
    message: `${code.startsWith('unsupported') ? 'unsupported' : 'assumed'} ${subject}: ${fallback}`,
  });
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

function defaultOut(sh: ShellProgram, which: 'out' | 'err' = 'out'): OutTarget {
  if (sh.execId === null) return { kind: 'log' };
  return which === 'err'
    ? { kind: 'exec', id: sh.execId, stderr: true }
    : { kind: 'exec', id: sh.execId };
}

function frameOut(sh: ShellProgram, which: 'out' | 'err'): OutTarget {
  for (let i = sh.frames.length - 1; i >= 0; i--) {
    const t = sh.frames[i]![which];
    if (t) return t;
  }
  return defaultOut(sh, which);
}

export function write(X: Exec, target: OutTarget, text: string, stream: 'stdout' | 'stderr'): void {
  if (text === '') return;
  switch (target.kind) {
    case 'null':
      return;
    case 'capture':
      X.sh.captured += text;
      return;
    case 'exec': {
      const ex = X.sys.execs.find((e) => e.id === target.id);
      if (ex && !ex.done && ex.output.length < 100_000) {
        ex.output += text;
        // The CRI returns stdout and stderr apart (the kubelet appends stderr).
        if (target.stderr) ex.stderr = (ex.stderr ?? '') + text;
        else ex.stdout = (ex.stdout ?? '') + text;
      }
      return;
    }
    case 'log':
      logLine(X.sys, X.inst, text, stream);
      return;
    case 'file':
      writeFile(X.sys, X.inst, target.path, text, true, X.sys.nowMs);
      return;
  }
}

function shName(X: Exec): string {
  return X.inst.userland === 'busybox' ? 'sh' : 'sh: 1';
}

// ---------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------

function lookupVar(X: Exec, name: string): string | undefined {
  const { sh, proc } = X;
  switch (name) {
    case '?':
      return String(sh.status);
    case '$':
      return String(proc.pid);
    case '!':
      return sh.lastBg === null ? '' : String(sh.lastBg);
    case '#':
      return String(Math.max(0, sh.args.length - 1));
    case '@':
    case '*':
      return sh.args.slice(1).join(' ');
    case '-':
      return '';
    case 'RANDOM':
      return String(
        (Math.imul(X.sys.nowMs + 1, 2654435761) ^ Math.imul(proc.pid, 40503) ^ sh.burst) & 0x7fff,
      );
    case 'PPID':
      return String(procById(X.sys, proc.parent)?.pid ?? 0);
  }
  if (/^\d+$/.test(name)) return sh.args[Number(name)];
  return sh.vars[name];
}

function expandParam(X: Exec, part: Extract<Word[number], { k: 'var' }>): string {
  const v = lookupVar(X, part.name);
  if (part.op === 'len') return String((v ?? '').length);
  if (!part.op) return v ?? '';
  const arg = () => expandWord(X, part.arg ?? [], false).join('');
  const unsetOrEmpty = part.op.startsWith(':') ? v === undefined || v === '' : v === undefined;
  switch (part.op.replace(':', '')) {
    case '-':
      return unsetOrEmpty ? arg() : v!;
    case '=':
      if (unsetOrEmpty) X.sh.vars[part.name] = arg();
      return X.sh.vars[part.name] ?? '';
    case '+':
      return unsetOrEmpty ? '' : arg();
    case '?':
      if (unsetOrEmpty)
        throw new ShellExit(`${shName(X)}: ${part.name}: ${arg() || 'parameter not set'}`, 1);
      return v!;
    case '#': {
      const pat = arg();
      return v !== undefined && v.startsWith(pat) ? v.slice(pat.length) : (v ?? '');
    }
    case '%': {
      const pat = arg();
      return v !== undefined && v.endsWith(pat) ? v.slice(0, v.length - pat.length) : (v ?? '');
    }
    default:
      return v ?? '';
  }
}

/** `${x:?msg}` on an unset variable: the shell prints and exits. */
class ShellExit extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }
}

/** Expands one word into fields (split = unquoted expansions split on blanks). */
export function expandWord(X: Exec, word: Word, split = true): string[] {
  const fields: string[] = [];
  let cur: string | null = null;
  const addQuoted = (t: string) => {
    cur = (cur ?? '') + t;
  };
  const addSplit = (t: string) => {
    if (!split) {
      addQuoted(t);
      return;
    }
    if (t === '') return;
    const lead = /^[ \t\n]/.test(t);
    const trail = /[ \t\n]$/.test(t);
    if (lead && cur !== null) {
      fields.push(cur);
      cur = null;
    }
    const pieces = t.split(/[ \t\n]+/).filter((p) => p !== '');
    pieces.forEach((p, k) => {
      if (k > 0 && cur !== null) {
        fields.push(cur);
        cur = null;
      }
      cur = (cur ?? '') + p;
    });
    if (trail && cur !== null) {
      fields.push(cur);
      cur = null;
    }
  };
  for (const part of word) {
    switch (part.k) {
      case 'lit':
        if (!part.q && /[*?]/.test(part.v) && split) {
          addNotice(
            X,
            'unsupported-syntax',
            `glob \`${part.v}\``,
            'the word is used literally, without matching file names',
          );
        }
        addQuoted(part.v);
        break;
      case 'var':
        if (part.name === '@' && part.q && !part.op) {
          const args = X.sh.args.slice(1);
          args.forEach((a, k) => {
            if (k > 0) {
              fields.push(cur ?? '');
              cur = null;
            }
            addQuoted(a);
          });
          break;
        }
        if (part.q) addQuoted(expandParam(X, part));
        else addSplit(expandParam(X, part));
        break;
      case 'sub': {
        const r = substitute(X, part.src);
        const text = r.replace(/\n+$/, '');
        if (part.q) addQuoted(text);
        else addSplit(text);
        break;
      }
      case 'arith': {
        const v = String(arith(X, part.src));
        if (part.q) addQuoted(v);
        else addSplit(v);
        break;
      }
    }
  }
  if (cur !== null) fields.push(cur);
  return fields;
}

function expandWords(X: Exec, words: Word[]): string[] {
  return words.flatMap((w) => expandWord(X, w, true));
}

// ---- arithmetic ----

function arith(X: Exec, src: string): number {
  const text = src.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]*|[?#$])\}?/g,
    (_m, n: string) => lookupVar(X, n) ?? '0',
  );
  const toks = text.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const val = (t: string): number => (/^\d+$/.test(t) ? Number(t) : Number(X.sh.vars[t] ?? 0) || 0);
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return 0;
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    return val(t);
  };
  const bin =
    (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
      let v = next();
      while (toks[i] !== undefined && toks[i]! in ops) {
        const op = toks[i++]!;
        v = ops[op]!(v, next());
      }
      return v;
    };
  const mul = bin(primary, {
    '*': (a, b) => a * b,
    '/': (a, b) => (b === 0 ? 0 : Math.trunc(a / b)),
    '%': (a, b) => (b === 0 ? 0 : a % b),
  });
  const add = bin(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const cmp = bin(add, {
    '<': (a, b) => +(a < b),
    '>': (a, b) => +(a > b),
    '<=': (a, b) => +(a <= b),
    '>=': (a, b) => +(a >= b),
  });
  const eq = bin(cmp, { '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b) });
  const and = bin(eq, { '&&': (a, b) => +(a !== 0 && b !== 0) });
  const or = bin(and, { '||': (a, b) => +(a !== 0 || b !== 0) });
  const v = or();
  return Number.isFinite(v) ? Math.trunc(v) : 0;
}

// ---- command substitution ----

/** Runs `$(src)` to completion at the current instant and returns its output. */
function substitute(X: Exec, src: string): string {
  const sh = X.sh;
  const nodes = sh.nodes;
  let root: number;
  try {
    root = parseInto(nodes, src).root;
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      write(X, frameOut(sh, 'err'), `${shName(X)}: syntax error: ${e.message}\n`, 'stderr');
      sh.status = 2;
      return '';
    }
    throw e;
  }
  const sub = newShell({
    nodes,
    frames: [{ n: root, pc: 0, i: 0, out: { kind: 'capture' }, err: frameOut(sh, 'err') }],
    vars: { ...sh.vars },
    args: sh.args,
    exported: sh.exported,
    traps: {},
  });
  const tmp: Proc = { ...X.proc, prog: sub };
  const SX: Exec = { ...X, proc: tmp, sh: sub, sync: true };
  try {
    for (let guard = 0; sub.frames.length > 0 && guard < 100_000; guard++) {
      const r = stepFrame(SX);
      if (r === 'exit') break;
    }
  } catch (e) {
    if (!(e instanceof ShellExit)) throw e;
    sub.status = e.code;
  }
  sh.status = sub.status;
  return sub.captured;
}

// ---------------------------------------------------------------------------
// Redirections
// ---------------------------------------------------------------------------

interface IO {
  out: OutTarget;
  err: OutTarget;
  stdin: string;
}

function openRedirs(X: Exec, redirs: Redir[], base: IO): IO | string {
  const io = { ...base };
  for (const r of redirs) {
    const target = expandWord(X, r.target, false).join('');
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    switch (r.op) {
      case '>':
      case '>|':
      case '>>':
      case '&>': {
        let t: OutTarget;
        if (target === '/dev/null') t = { kind: 'null' };
        else if (target === '/dev/stdout' || target === '/proc/1/fd/1') t = defaultOut(X.sh);
        else if (target === '/dev/stderr' || target === '/proc/1/fd/2') t = defaultOut(X.sh, 'err');
        else {
          const w = writeFile(X.sys, X.inst, target, '', r.op === '>>', X.sys.nowMs);
          if (!w.ok) {
            const why = w.error === 'EROFS' ? 'Read-only file system' : 'Is a directory';
            return X.inst.userland === 'busybox'
              ? `sh: can't create ${target}: ${why}`
              : `${shName(X)}: cannot create ${target}: ${why}`;
          }
          t = { kind: 'file', path: target, append: true };
        }
        if (r.op === '&>') {
          io.out = t;
          io.err = t;
        } else if (fd === 2) io.err = t;
        else io.out = t;
        break;
      }
      case '>&': {
        if (target === '1') io.err = io.out;
        else if (target === '2') io.out = io.err;
        else if (target === '-') {
          if (fd === 2) io.err = { kind: 'null' };
          else io.out = { kind: 'null' };
        }
        break;
      }
      case '<': {
        const rd = readFile(X.sys, X.inst, target);
        if (!rd.ok)
          return X.inst.userland === 'busybox'
            ? `sh: can't open ${target}: no such file`
            : `${shName(X)}: cannot open ${target}: No such file`;
        io.stdin = rd.content;
        break;
      }
      case '<&':
      case '<<':
        break;
    }
  }
  return io;
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

type StepResult = 'next' | 'block' | 'exit';

function push(sh: ShellProgram, n: number, extra: Partial<Frame> = {}): void {
  sh.frames.push({ n, pc: 0, i: 0, ...extra });
}

function pop(sh: ShellProgram): void {
  const f = sh.frames.pop();
  if (f?.kind === 'trap' && f.restoreStatus !== undefined) sh.status = f.restoreStatus;
}

/** Is a frame on the stack a condition (if/while test, `a` in `a && b`, `! cmd`)? (for set -e) */
function inCondition(sh: ShellProgram): boolean {
  return sh.frames.some((f) => f.kind === undefined && f.c === true);
}

function setStatus(X: Exec, code: number): StepResult {
  X.sh.status = code;
  if (code !== 0 && X.sh.vars['-e'] === '1' && !X.cmdCond && !inCondition(X.sh) && !X.sync) {
    X.sh.frames = [];
    exitProc(X.sys, X.proc, code);
    return 'exit';
  }
  return 'next';
}

/** Runs the shell of `proc` until it blocks or exits. Entry point of the scheduler. */
export function runShell(sys: PodSystem, proc: Proc, ctx: BehaviourCtx): void {
  const sh = proc.prog as ShellProgram;
  const inst = instanceOf(sys, proc);
  if (!inst) {
    exitProc(sys, proc, 0);
    return;
  }
  const X: Exec = { sys, proc, sh, inst, ctx, sync: false };
  if (sh.burstAtMs !== sys.nowMs) {
    sh.burst = 0;
    sh.burstAtMs = sys.nowMs;
  }

  // Resume from what the shell was waiting for.
  if (sh.wait) {
    const w = sh.wait;
    if (w.kind === 'child') {
      const child = procById(sys, w.pid);
      if (child && child.state !== 'zombie') return;
      const code = child ? statusOf(child) : (sh.done[String(w.pid)] ?? 0);
      if (child) reap(sys, child, proc);
      sh.wait = null;
      if (setStatus(X, code) === 'exit') return;
    } else if (w.kind === 'wait') {
      const targets =
        w.pids === 'all' ? sys.procs.filter((p) => p.parent === proc.id).map((p) => p.id) : w.pids;
      let last = 0;
      const alive: number[] = [];
      for (const id of targets) {
        const c = procById(sys, id);
        if (c && c.parent === proc.id && c.state === 'zombie') {
          last = statusOf(c);
          sh.done[String(c.pid)] = last;
          reap(sys, c, proc);
        } else if (c && c.parent === proc.id) alive.push(id);
      }
      if (sh.pending.length > 0) {
        sh.status = 128 + SIGNAL_NUMBERS[sh.pending[0]!];
        sh.wait = null;
      } else if (alive.length === 0) {
        sh.status = last;
        sh.wait = null;
      } else {
        sh.wait = { kind: 'wait', pids: w.pids === 'all' ? 'all' : alive };
        return;
      }
    } else {
      sh.wait = null;
    }
  }

  try {
    for (;;) {
      // Trapped signals run between commands.
      while (sh.pending.length > 0) {
        const sig = sh.pending.shift()!;
        const handler = sh.traps[sig.slice(3)];
        if (!handler) continue;
        try {
          const { root } = parseInto(sh.nodes, handler);
          push(sh, root, { kind: 'trap', restoreStatus: sh.status });
        } catch {
          write(X, frameOut(sh, 'err'), `${shName(X)}: syntax error in trap\n`, 'stderr');
        }
      }
      if (sh.frames.length === 0) {
        exitProc(sys, proc, sh.status);
        return;
      }
      if (sh.burst > BURST_LIMIT) {
        if (!sh.warnedBusy) {
          sh.warnedBusy = true;
          addNotice(
            X,
            'busy-loop',
            'a loop that never sleeps',
            `Podscope runs it in bursts of ${BURST_LIMIT} commands per simulated second`,
          );
        }
        sh.wait = { kind: 'yield' };
        proc.wakeAtMs = sys.nowMs + BUSY_YIELD_MS;
        return;
      }
      const r = stepFrame(X);
      if (r === 'exit') return;
      if (r === 'block') return;
    }
  } catch (e) {
    if (e instanceof ShellExit) {
      write(X, frameOut(sh, 'err'), `${e.text}\n`, 'stderr');
      sh.frames = [];
      exitProc(sys, proc, e.code);
      return;
    }
    throw e;
  }
}

/** Executes one step of the top frame. */
export function stepFrame(X: Exec): StepResult {
  const { sh } = X;
  const f = sh.frames[sh.frames.length - 1]!;
  const node = sh.nodes[f.n]!;
  switch (node.t) {
    case 'list': {
      if (f.i >= node.items.length) {
        pop(sh);
        return 'next';
      }
      const idx = f.i++;
      if (node.bg[idx]) {
        background(X, node.items[idx]!);
        return 'next';
      }
      push(sh, node.items[idx]!);
      return 'next';
    }
    case 'andor': {
      if (f.pc === 0) {
        f.pc = 1;
        f.i = 1;
        push(sh, node.items[0]!, { c: true });
        return 'next';
      }
      while (f.i < node.items.length) {
        const op = node.ops[f.i - 1]!;
        const idx = f.i++;
        if ((op === '&&' && sh.status === 0) || (op === '||' && sh.status !== 0)) {
          push(sh, node.items[idx]!, idx < node.items.length - 1 ? { c: true } : {});
          return 'next';
        }
      }
      pop(sh);
      return 'next';
    }
    case 'pipe':
      return pipeStep(X, f, node);
    case 'loop': {
      if (f.pc === 0) {
        f.pc = 1;
        push(sh, node.cond, { c: true });
        return 'next';
      }
      if (f.pc === 1) {
        const go = node.until ? sh.status !== 0 : sh.status === 0;
        if (!go) {
          pop(sh);
          sh.status = f.i;
          return 'next';
        }
        f.pc = 2;
        push(sh, node.body);
        return 'next';
      }
      f.i = sh.status; // last body status
      f.pc = 0;
      return 'next';
    }
    case 'if': {
      if (f.pc === 0) {
        f.pc = 1;
        push(sh, node.conds[0]!, { c: true });
        return 'next';
      }
      if (f.pc === 1) {
        if (sh.status === 0) {
          f.pc = 2;
          push(sh, node.thens[f.i]!);
          return 'next';
        }
        f.i++;
        if (f.i < node.conds.length) {
          push(sh, node.conds[f.i]!, { c: true });
          return 'next';
        }
        f.pc = 2;
        if (node.else !== null) {
          push(sh, node.else);
          return 'next';
        }
        sh.status = 0;
      }
      pop(sh);
      return 'next';
    }
    case 'for': {
      if (f.pc === 0) {
        f.items = node.items ? expandWords(X, node.items) : sh.args.slice(1);
        f.pc = 1;
        f.i = 0;
        sh.status = 0;
      }
      if (f.i < f.items!.length) {
        sh.vars[node.name] = f.items![f.i++]!;
        push(sh, node.body);
        return 'next';
      }
      pop(sh);
      return 'next';
    }
    case 'group':
      if (f.pc === 0) {
        f.pc = 1;
        push(sh, node.body);
        return 'next';
      }
      pop(sh);
      return 'next';
    case 'subshell':
      if (f.pc === 0) {
        f.pc = 1;
        return subshell(X, node.body);
      }
      pop(sh);
      return 'next';
    case 'redir': {
      if (f.pc === 0) {
        const io = openRedirs(X, node.redirs, {
          out: frameOut(sh, 'out'),
          err: frameOut(sh, 'err'),
          stdin: '',
        });
        if (typeof io === 'string') {
          write(X, frameOut(sh, 'err'), `${io}\n`, 'stderr');
          pop(sh);
          return setStatus(X, 1);
        }
        f.pc = 1;
        f.out = io.out;
        f.err = io.err;
        push(sh, node.body);
        return 'next';
      }
      pop(sh);
      return 'next';
    }
    case 'noop':
      addNotice(X, 'unsupported-syntax', node.what, 'skipped, treated as succeeding');
      pop(sh);
      return setStatus(X, 0);
    case 'cmd': {
      pop(sh);
      X.cmdCond = f.c === true;
      const r = command(X, node, f);
      X.cmdCond = false;
      return r;
    }
  }
}

function pipeStep(X: Exec, f: Frame, node: Extract<Node, { t: 'pipe' }>): StepResult {
  const { sh } = X;
  // Stages run in turn; a stage's output becomes the next stage's input.
  if (f.pc > 0 && f.pc < node.items.length + 1) {
    sh.stdin = sh.captured.slice(f.i);
    sh.captured = sh.captured.slice(0, f.i);
  }
  if (f.pc >= node.items.length) {
    sh.stdin = '';
    pop(sh);
    if (node.neg) sh.status = sh.status === 0 ? 1 : 0;
    return 'next';
  }
  const idx = f.pc++;
  f.i = sh.captured.length;
  const last = idx === node.items.length - 1;
  if (last) {
    // The last stage writes where the pipeline writes; mark so its output is not taken as input.
    f.pc = node.items.length + 1;
    push(sh, node.items[idx]!, { c: node.neg });
    return 'next';
  }
  push(sh, node.items[idx]!, { out: { kind: 'capture' }, c: true });
  return 'next';
}

function background(X: Exec, n: number): void {
  const { sys, sh, proc, inst } = X;
  if (X.sync) {
    addNotice(X, 'unsupported-syntax', 'background job `&` inside `$(…)`', 'ignored');
    return;
  }
  const node = sh.nodes[n]!;
  // A simple external command in the background runs as that program itself.
  if (node.t === 'cmd') {
    const words = expandWords(X, node.words);
    const launch = words.length ? programFor(X, words) : undefined;
    if (launch && launch.kind === 'prog' && !launch.daemonize && !launch.fail) {
      const child = spawn(sys, inst, proc.id, launch.argv, launch.prog, launch.wakeAtMs);
      sh.lastBg = child.pid;
      sh.status = 0;
      return;
    }
  }
  const child = spawn(
    sys,
    inst,
    proc.id,
    proc.argv,
    childShell(sh, n, frameOut(sh, 'out'), frameOut(sh, 'err')),
    sys.nowMs,
  );
  sh.lastBg = child.pid;
  sh.status = 0;
}

function childShell(sh: ShellProgram, root: number, out: OutTarget, err: OutTarget): ShellProgram {
  return newShell({
    nodes: sh.nodes,
    frames: [{ n: root, pc: 0, i: 0, out, err }],
    vars: { ...sh.vars },
    args: sh.args,
    exported: sh.exported,
    traps: Object.fromEntries(Object.entries(sh.traps).filter(([, v]) => v === '')),
    execId: sh.execId,
  });
}

function subshell(X: Exec, body: number): StepResult {
  const { sys, sh, proc, inst } = X;
  if (X.sync) {
    push(sh, body);
    return 'next';
  }
  const child = spawn(
    sys,
    inst,
    proc.id,
    proc.argv,
    childShell(sh, body, frameOut(sh, 'out'), frameOut(sh, 'err')),
    sys.nowMs,
  );
  sh.wait = { kind: 'child', pid: child.id };
  return 'block';
}

// ---------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------

export type Launch =
  | {
      kind: 'prog';
      prog: Program;
      argv: string[];
      wakeAtMs: number | null;
      preface: string[];
      daemonize: boolean;
      fail?: { lines: string[]; code: number };
    }
  | { kind: 'none' };

/** Parses `sleep` durations: `10`, `1.5`, `2m`, `infinity`. */
export function sleepDuration(arg: string | undefined): number | 'invalid' {
  if (arg === undefined) return 'invalid';
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return 'invalid';
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!]!;
  return Math.round(Number(m[1]) * mult);
}

/** Builds a shell program for `sh [-eux] -c SCRIPT [NAME ARGS…]`, `sh FILE`, or plain `sh`. */
export function shellProgram(
  X: Pick<Exec, 'sys' | 'inst' | 'proc'>,
  argv: string[],
  vars: Record<string, string>,
  exported: string[],
): { prog: Program; error?: { text: string; code: number } } {
  const args = argv.slice(1);
  const flags = new Set<string>();
  let i = 0;
  let script: string | undefined;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[a-z]+$/.test(a)) {
      for (const ch of a.slice(1)) flags.add(ch);
      if (a.includes('c')) {
        script = args[i + 1] ?? '';
        i += 2;
        break;
      }
    } else break;
  }
  const shellVars = { ...vars };
  if (flags.has('e')) shellVars['-e'] = '1';
  if (flags.has('x')) shellVars['-x'] = '1';
  let positional: string[] = [basename(argv[0] ?? 'sh')];
  if (script === undefined) {
    const file = args[i];
    if (file === undefined) {
      return { prog: newShell({ nodes: [], frames: [], vars: shellVars }) };
    }
    const rd = readFile(X.sys, X.inst, file);
    if (!rd.ok) {
      const text =
        X.inst.userland === 'busybox'
          ? `${positional[0]}: can't open '${file}': No such file or directory`
          : `${positional[0]}: ${file}: No such file or directory`;
      return {
        prog: newShell({ nodes: [], frames: [], vars: shellVars }),
        error: { text, code: X.inst.userland === 'busybox' ? 2 : 127 },
      };
    }
    script = rd.content;
    positional = args.slice(i);
  } else {
    positional = args.slice(i).length ? args.slice(i) : positional;
  }
  const nodes: Node[] = [];
  try {
    const r = parseInto(nodes, script);
    const root = nodes[r.root]!;
    const single =
      root.t === 'list' &&
      root.items.length === 1 &&
      !root.bg[0] &&
      nodes[root.items[0]!]!.t === 'cmd';
    for (const u of r.unsupported) {
      addNotice(X, 'unsupported-syntax', u.what, 'skipped, treated as succeeding');
    }
    const prog = newShell({
      nodes,
      frames: [{ n: r.root, pc: 0, i: 0 }],
      vars: shellVars,
      args: positional,
      exported,
      execLast: single,
    });
    return { prog };
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    const text =
      X.inst.userland === 'busybox'
        ? `${positional[0]}: syntax error: ${e.message}`
        : `${positional[0]}: 1: Syntax error: ${e.message}`;
    return { prog: newShell({ nodes: [], frames: [], vars: shellVars }), error: { text, code: 2 } };
  }
}

/**
 * `stress` (the docs' memory-demo image): it prints its plan and runs its hogs
 * until stopped, or for `--timeout N` seconds. Its memory is `memory.ts`'s.
 */
function stressProgram(nowMs: number, argv: string[]): Launch {
  const count = (long: string, short: string) => {
    const i = argv.findIndex((a) => a === long || a === short);
    return i === -1 ? 0 : Number(argv[i + 1]) || 0;
  };
  const t = argv.findIndex((a) => a === '--timeout' || a === '-t');
  const secs = t === -1 ? undefined : Number.parseInt(argv[t + 1] ?? '', 10);
  return {
    kind: 'prog',
    prog: { kind: 'sleep' },
    argv,
    wakeAtMs: secs !== undefined && Number.isFinite(secs) ? nowMs + secs * 1000 : null,
    preface: [
      `stress: info: [1] dispatching hogs: ${count('--cpu', '-c')} cpu, ${count('--io', '-i')} io, ${count('--vm', '-m')} vm, ${count('--hdd', '-d')} hdd`,
    ],
    daemonize: false,
  };
}

/** Decides what program `words` starts (a long-running process), or `none` (a tool or builtin). */
export function programFor(X: Pick<Exec, 'sys' | 'inst' | 'proc' | 'sh'>, words: string[]): Launch {
  const { sys, inst } = X;
  let argv = words;
  let viaEntrypoint = false;
  let name = basename(argv[0] ?? '');
  if (name === 'docker-entrypoint.sh') {
    viaEntrypoint = true;
    argv = argv.slice(1);
    const first = argv[0] ?? '';
    if (first === '' || first.startsWith('-')) {
      const server = {
        redis: 'redis-server',
        postgres: 'postgres',
        mysql: 'mysqld',
        nginx: 'nginx',
      }[inst.image.split('/').pop()!.split(':')[0]!.split('@')[0]!];
      argv = [server ?? 'true', ...argv];
    }
    name = basename(argv[0] ?? '');
  }
  if (name === 'sleep') {
    const d = sleepDuration(argv[1]);
    if (d === 'invalid') return { kind: 'none' };
    return {
      kind: 'prog',
      prog: { kind: 'sleep' },
      argv,
      wakeAtMs: d === Infinity ? null : sys.nowMs + d,
      preface: [],
      daemonize: false,
    };
  }
  if (name === 'stress') return stressProgram(sys.nowMs, argv);
  if (name === 'pause')
    return {
      kind: 'prog',
      prog: { kind: 'pause' },
      argv,
      wakeAtMs: null,
      preface: [],
      daemonize: false,
    };
  // `tail -f` follows forever; `tail /dev/zero` reads an endless line (and grows: memory.ts).
  if (
    name === 'tail' &&
    argv.some((a) => a === '-f' || a === '-F' || /^-\w*f/.test(a) || a === '/dev/zero')
  ) {
    return {
      kind: 'prog',
      prog: { kind: 'sleep' },
      argv,
      wakeAtMs: null,
      preface: [],
      daemonize: false,
    };
  }
  if (SHELLS.has(name)) {
    const sh = shellProgram(X, argv, X.sh.vars, X.sh.exported);
    if (sh.error)
      return {
        kind: 'prog',
        prog: sh.prog,
        argv,
        wakeAtMs: sys.nowMs,
        preface: [],
        daemonize: false,
        fail: { lines: [sh.error.text], code: sh.error.code },
      };
    const p = sh.prog as ShellProgram;
    const def = sys.defs.find((d) => d.name === inst.name);
    if (p.frames.length === 0 && argv.length === 1 && def?.stdin) {
      // An interactive shell with stdin attached waits for input.
      return {
        kind: 'prog',
        prog: { kind: 'sleep' },
        argv,
        wakeAtMs: null,
        preface: [],
        daemonize: false,
      };
    }
    p.execId = X.sh.execId;
    return { kind: 'prog', prog: p, argv, wakeAtMs: sys.nowMs, preface: [], daemonize: false };
  }
  if ((name === 'python' || name === 'python3' || name === 'node') && argv.length === 1) {
    const def = sys.defs.find((d) => d.name === inst.name);
    if (def?.stdin)
      return {
        kind: 'prog',
        prog: { kind: 'sleep' },
        argv,
        wakeAtMs: null,
        preface: [],
        daemonize: false,
      };
  }
  const srv = serverFor(sys, inst, argv, viaEntrypoint);
  if (srv) {
    return {
      kind: 'prog',
      prog: srv.prog,
      argv,
      wakeAtMs: sys.nowMs,
      preface: srv.preface,
      daemonize: srv.daemonize,
      fail: srv.fail,
    };
  }
  return { kind: 'none' };
}

// ---------------------------------------------------------------------------
// Simple commands
// ---------------------------------------------------------------------------

const BUILTINS = new Set([
  'exit',
  'trap',
  'wait',
  'exec',
  'export',
  'unset',
  'set',
  'cd',
  'shift',
  'true',
  'false',
  ':',
  'break',
  'continue',
  'kill',
  'read',
  'eval',
  '.',
  'source',
  'readonly',
  'local',
  'return',
  'echo',
  'printf',
  'test',
  '[',
  'pwd',
  'type',
  'command',
  'ulimit',
  'umask',
]);

/** Builtins that also exist as programs (`/bin/echo`). */
const PATH_BUILTINS = new Set(['echo', 'printf', 'true', 'false', 'test', '[', 'kill', 'pwd']);

function signalFromName(s: string): Signal | 'EXIT' | undefined {
  const t = s.toUpperCase().replace(/^-/, '');
  if (t === 'EXIT' || t === '0') return 'EXIT';
  if (/^\d+$/.test(t)) {
    const e = Object.entries(SIGNAL_NUMBERS).find(([, n]) => n === Number(t));
    return e?.[0] as Signal | undefined;
  }
  const name = (t.startsWith('SIG') ? t : `SIG${t}`) as Signal;
  return name in SIGNAL_NUMBERS ? name : undefined;
}

function command(X: Exec, node: Extract<Node, { t: 'cmd' }>, frame: Frame): StepResult {
  const { sys, sh, proc } = X;
  sh.burst++;
  const words = expandWords(X, node.words);
  const assigns = node.assigns.map(
    (a) => [a.name, expandWord(X, a.value, false).join('')] as const,
  );
  const base: IO = {
    out: frame.out ?? frameOut(sh, 'out'),
    err: frame.err ?? frameOut(sh, 'err'),
    stdin: sh.stdin,
  };
  const io = openRedirs(X, node.redirs, base);
  if (typeof io === 'string') {
    write(X, base.err, `${io}\n`, 'stderr');
    return setStatus(X, 1);
  }
  if (words.length === 0) {
    const subStatus =
      node.words.length === 0 && node.assigns.some((a) => a.value.some((p) => p.k === 'sub'))
        ? sh.status
        : 0;
    for (const [k, v] of assigns) sh.vars[k] = v;
    return setStatus(X, subStatus);
  }
  if (sh.vars['-x'] === '1') write(X, io.err, `+ ${words.join(' ')}\n`, 'stderr');
  const name = words[0]!;
  const args = words.slice(1);
  const tool = basename(name);

  if (BUILTINS.has(name)) return builtin(X, name, args, io, node);
  if (name.includes('/') && PATH_BUILTINS.has(tool)) return builtin(X, tool, args, io, node);

  if (!hasExecutable(sys, X.inst, name)) {
    write(
      X,
      io.err,
      X.inst.userland === 'busybox'
        ? `sh: ${name}: not found\n`
        : `${shName(X)}: ${name}: not found\n`,
      'stderr',
    );
    return setStatus(X, 127);
  }

  const isLast =
    (sh.execLast || sh.direct) &&
    sh.frames.every((fr) => {
      const n = sh.nodes[fr.n]!;
      return n.t === 'list' && fr.i >= n.items.length;
    });
  const launch = programFor(X, words);
  if (launch.kind === 'prog') return startProgram(X, launch, isLast, io);

  const envVars: Record<string, string> = {};
  for (const k of sh.exported) if (sh.vars[k] !== undefined) envVars[k] = sh.vars[k]!;
  for (const [k, v] of assigns) envVars[k] = v;
  const code = runTool(X, tool, args, io, envVars);
  if (code !== undefined) return setStatus(X, code);

  // Not something Podscope simulates.
  if (isLast || sh.direct) {
    addNotice(
      X,
      'assumed-behaviour',
      `program \`${name}\``,
      'assumed to run until stopped (exits 143 on SIGTERM)',
    );
    proc.argv = words;
    proc.prog = { kind: 'idle', termCode: null };
    proc.wakeAtMs = null;
    return 'block';
  }
  addNotice(
    X,
    'unsupported-command',
    `command \`${name}\``,
    'treated as succeeding with no output',
  );
  void sys;
  return setStatus(X, 0);
}

/** Starts a long-running program: in place (`exec`, or the last command of `sh -c`) or as a foreground child. */
function startProgram(
  X: Exec,
  launch: Extract<Launch, { kind: 'prog' }>,
  inPlace: boolean,
  io: IO,
): StepResult {
  const { sys, sh, proc, inst } = X;
  for (const l of launch.preface) write(X, io.out, `${l}\n`, 'stdout');
  if (launch.fail) {
    for (const l of launch.fail.lines) write(X, io.err, `${l}\n`, 'stderr');
    if (inPlace) {
      sh.frames = [];
      exitProc(sys, proc, launch.fail.code);
      return 'exit';
    }
    return setStatus(X, launch.fail.code);
  }
  if (X.sync) {
    if (launch.prog.kind === 'sleep') {
      addNotice(X, 'unsupported-syntax', '`sleep` inside `$(…)`', 'returns at once');
      return setStatus(X, 0);
    }
    addNotice(
      X,
      'unsupported-syntax',
      `\`${launch.argv[0] ?? ''}\` inside \`$(…)\``,
      'treated as succeeding with no output',
    );
    return setStatus(X, 0);
  }
  if (launch.daemonize) {
    // The program forks a daemon and its foreground process returns 0 at once.
    const daemonParent =
      inst.main === proc.id && inPlace
        ? null
        : sys.shareProcessNamespace
          ? sys.sandbox.pauseProc
          : inst.main;
    spawn(sys, inst, daemonParent, launch.argv, launch.prog, launch.wakeAtMs);
    if (inPlace) {
      sh.frames = [];
      exitProc(sys, proc, 0);
      return 'exit';
    }
    return setStatus(X, 0);
  }
  if (inPlace) {
    proc.argv = launch.argv;
    proc.prog = launch.prog;
    if (launch.prog.kind === 'sh') launch.prog.execId = sh.execId;
    proc.wakeAtMs = launch.wakeAtMs;
    return 'block';
  }
  const child = spawn(sys, inst, proc.id, launch.argv, launch.prog, launch.wakeAtMs);
  sh.wait = { kind: 'child', pid: child.id };
  return 'block';
}

function builtin(
  X: Exec,
  name: string,
  args: string[],
  io: IO,
  node: Extract<Node, { t: 'cmd' }>,
): StepResult {
  const { sys, sh, proc } = X;
  const out = (t: string) => write(X, io.out, t, 'stdout');
  const err = (t: string) => write(X, io.err, t, 'stderr');
  switch (name) {
    case 'true':
    case ':':
      return setStatus(X, 0);
    case 'false':
      return setStatus(X, 1);
    case 'echo': {
      let a = args;
      let newline = true;
      let escapes = X.inst.userland !== 'busybox' ? false : false;
      while (a[0] && /^-[neE]+$/.test(a[0])) {
        if (a[0].includes('n')) newline = false;
        if (a[0].includes('e')) escapes = true;
        a = a.slice(1);
      }
      let text = a.join(' ');
      if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      out(newline ? `${text}\n` : text);
      return setStatus(X, 0);
    }
    case 'printf': {
      const fmt = args[0] ?? '';
      let k = 1;
      const text = fmt
        .replace(/%(-?\d*)([sdi%])/g, (_m, _w: string, c: string) =>
          c === '%' ? '%' : c === 's' ? (args[k++] ?? '') : String(Number(args[k++] ?? 0) || 0),
        )
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t');
      out(text);
      return setStatus(X, 0);
    }
    case 'exit': {
      const code = args[0] === undefined ? sh.status : Number(args[0]) & 255;
      if (X.sync) {
        sh.frames = [];
        sh.status = Number.isFinite(code) ? code : 2;
        return 'exit';
      }
      sh.frames = [];
      exitProc(sys, proc, Number.isFinite(code) ? code : 2);
      return 'exit';
    }
    case 'trap': {
      if (args.length === 0) {
        for (const [sig, h] of Object.entries(sh.traps)) out(`trap -- '${h}' ${sig}\n`);
        return setStatus(X, 0);
      }
      const action = args[0]!;
      const sigs = args.slice(1);
      const reset = action === '-' || (sigs.length === 0 && signalFromName(action) !== undefined);
      for (const s of reset && sigs.length === 0 ? [action] : sigs) {
        const sig = signalFromName(s);
        if (sig === undefined) {
          err(`trap: ${s}: bad trap\n`);
          return setStatus(X, 1);
        }
        const key = sig === 'EXIT' ? 'EXIT' : sig.slice(3);
        if (sig === 'SIGKILL' || sig === 'SIGSTOP') continue; // cannot be caught
        if (reset) delete sh.traps[key];
        else {
          sh.traps[key] = action;
          if (key === 'EXIT')
            addNotice(
              X,
              'unsupported-syntax',
              '`trap … EXIT`',
              'the handler is not run when the shell exits',
            );
        }
      }
      return setStatus(X, 0);
    }
    case 'wait': {
      if (X.sync) return setStatus(X, 0);
      const ids: number[] = [];
      let doneCode = 0;
      for (const a of args) {
        const pid = Number(a.replace(/^%/, ''));
        const p = sys.procs.find((q) => q.parent === proc.id && q.pid === pid);
        if (p) ids.push(p.id);
        else if (sh.done[String(pid)] !== undefined) doneCode = sh.done[String(pid)]!;
        else return setStatus(X, 127);
      }
      if (args.length && ids.length === 0) return setStatus(X, doneCode);
      sh.wait = { kind: 'wait', pids: args.length ? ids : 'all' };
      proc.wakeAtMs = sys.nowMs; // resolves at once if nothing is left to wait for
      return 'block';
    }
    case 'exec': {
      if (args.length === 0) {
        // `exec >file`: redirect the shell itself.
        const f = sh.frames[0];
        if (f) {
          f.out = io.out;
          f.err = io.err;
        }
        return setStatus(X, 0);
      }
      const launch = programFor(X, args);
      if (launch.kind === 'prog') return startProgram(X, launch, true, io);
      const envVars: Record<string, string> = {};
      for (const k of sh.exported) if (sh.vars[k] !== undefined) envVars[k] = sh.vars[k]!;
      if (!hasExecutable(sys, X.inst, args[0]!)) {
        err(`${shName(X)}: exec: ${args[0]}: not found\n`);
        sh.frames = [];
        exitProc(sys, proc, 127);
        return 'exit';
      }
      const code = runTool(X, basename(args[0]!), args.slice(1), io, envVars);
      if (code === undefined) {
        addNotice(
          X,
          'assumed-behaviour',
          `program \`${args[0]}\``,
          'assumed to run until stopped (exits 143 on SIGTERM)',
        );
        proc.argv = args;
        proc.prog = { kind: 'idle', termCode: null };
        proc.wakeAtMs = null;
        return 'block';
      }
      sh.frames = [];
      if (X.sync) {
        sh.status = code;
        return 'exit';
      }
      exitProc(sys, proc, code);
      return 'exit';
    }
    case 'export':
    case 'readonly':
    case 'local': {
      for (const a of args) {
        if (a === '-p' || a === '-n') continue;
        const eq = a.indexOf('=');
        const k = eq === -1 ? a : a.slice(0, eq);
        if (eq !== -1) sh.vars[k] = a.slice(eq + 1);
        if (name === 'export' && !sh.exported.includes(k)) sh.exported = [...sh.exported, k];
      }
      for (const a of node.assigns) void a;
      return setStatus(X, 0);
    }
    case 'unset':
      for (const a of args) {
        if (a.startsWith('-')) continue;
        delete sh.vars[a];
        sh.exported = sh.exported.filter((k) => k !== a);
      }
      return setStatus(X, 0);
    case 'set': {
      for (const a of args) {
        const m = /^([-+])([a-z]+)$/.exec(a);
        if (!m) continue;
        for (const ch of m[2]!) {
          if (ch === 'e' || ch === 'x') {
            if (m[1] === '-') sh.vars[`-${ch}`] = '1';
            else delete sh.vars[`-${ch}`];
          } else if (ch !== 'u' && ch !== 'o') {
            addNotice(X, 'unsupported-option', `\`set ${a}\``, 'ignored');
          }
        }
      }
      if (args.includes('-o') && args.includes('pipefail'))
        addNotice(X, 'unsupported-option', '`set -o pipefail`', 'ignored');
      return setStatus(X, 0);
    }
    case 'cd':
    case 'pwd':
    case 'ulimit':
    case 'umask':
      if (name === 'pwd') out('/\n');
      return setStatus(X, 0);
    case 'shift': {
      const n = Number(args[0] ?? 1);
      sh.args = [sh.args[0] ?? 'sh', ...sh.args.slice(1 + n)];
      return setStatus(X, 0);
    }
    case 'break':
    case 'continue': {
      let levels = Number(args[0] ?? 1);
      while (sh.frames.length > 0) {
        const top = sh.frames[sh.frames.length - 1]!;
        const n = sh.nodes[top.n]!;
        if (n.t === 'loop' || n.t === 'for') {
          levels--;
          if (levels <= 0) {
            if (name === 'break') {
              sh.frames.pop();
            } else if (n.t === 'loop') {
              top.pc = 0;
            }
            break;
          }
          sh.frames.pop();
          continue;
        }
        if (top.kind === 'trap') break;
        sh.frames.pop();
      }
      sh.status = 0;
      return 'next';
    }
    case 'return':
      addNotice(X, 'unsupported-syntax', '`return` outside a function', 'treated as `exit`');
      sh.frames = [];
      if (!X.sync) exitProc(sys, proc, Number(args[0] ?? sh.status));
      return 'exit';
    case 'read':
      // stdin of a container is not attached unless `stdin: true`: read sees end of file.
      if (io.stdin) {
        const line = io.stdin.split('\n')[0] ?? '';
        if (args[0]) sh.vars[args[0].startsWith('-') ? (args[1] ?? 'REPLY') : args[0]] = line;
        return setStatus(X, 0);
      }
      return setStatus(X, 1);
    case 'eval':
    case '.':
    case 'source': {
      let src = args.join(' ');
      if (name !== 'eval') {
        const rd = readFile(sys, X.inst, args[0] ?? '');
        if (!rd.ok) {
          err(`${shName(X)}: .: ${args[0] ?? ''}: not found\n`);
          return setStatus(X, X.inst.userland === 'busybox' ? 2 : 127);
        }
        src = rd.content;
      }
      try {
        const r = parseInto(sh.nodes, src);
        push(sh, r.root);
        return 'next';
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        err(`${shName(X)}: syntax error: ${e.message}\n`);
        return setStatus(X, 2);
      }
    }
    case 'kill':
      return setStatus(X, killBuiltin(X, args, io));
    case 'test':
    case '[': {
      const a = name === '[' ? (args[args.length - 1] === ']' ? args.slice(0, -1) : null) : args;
      if (a === null) {
        err('[: missing ]\n');
        return setStatus(X, 2);
      }
      return setStatus(X, testExpr(X, a));
    }
    case 'type':
    case 'command':
      if (args[0] === '-v' && args[1]) {
        const ok = BUILTINS.has(args[1]) || hasExecutable(X.sys, X.inst, args[1]);
        if (ok) out(`${BUILTINS.has(args[1]) ? args[1] : `/bin/${args[1]}`}\n`);
        return setStatus(X, ok ? 0 : 1);
      }
      if (name === 'command' && args.length) {
        addNotice(
          X,
          'unsupported-option',
          '`command CMD`',
          'the command is not run; treated as succeeding',
        );
      }
      return setStatus(X, 0);
    default:
      return setStatus(X, 0);
  }
}

function killBuiltin(X: Exec, args: string[], io: IO): number {
  const { sys, proc } = X;
  let sig: Signal = 'SIGTERM';
  let rest = args;
  if (rest[0] === '-l') {
    write(
      X,
      io.out,
      `${Object.keys(SIGNAL_NUMBERS)
        .map((s) => s.slice(3))
        .join(' ')}\n`,
      'stdout',
    );
    return 0;
  }
  if (rest[0] === '-s' && rest[1]) {
    const s = signalFromName(rest[1]);
    if (!s || s === 'EXIT') return 1;
    sig = s;
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('-') && rest[0] !== '--') {
    const s = signalFromName(rest[0].slice(1));
    if (!s || s === 'EXIT') {
      write(X, io.err, `kill: bad signal name '${rest[0].slice(1)}'\n`, 'stderr');
      return 1;
    }
    sig = s;
    rest = rest.slice(1);
  }
  let status = 0;
  for (const a of rest) {
    const target =
      a === '%1' && X.sh.lastBg !== null
        ? sys.procs.find((p) => p.parent === proc.id && p.pid === X.sh.lastBg)
        : visibleProcs(sys, proc).find((p) => String(p.pid) === a);
    if (!target || target.state === 'zombie') {
      write(X, io.err, `kill: can't kill pid ${a}: No such process\n`, 'stderr');
      status = 1;
      continue;
    }
    signalProc(sys, target, sig, `${proc.container} PID ${proc.pid}`);
  }
  return status;
}

function testExpr(X: Exec, a: string[]): number {
  const { sys, inst } = X;
  if (a.length === 0) return 1;
  if (a[0] === '!') return testExpr(X, a.slice(1)) === 0 ? 1 : 0;
  const ai = a.indexOf('-a');
  if (ai > 0)
    return testExpr(X, a.slice(0, ai)) === 0 && testExpr(X, a.slice(ai + 1)) === 0 ? 0 : 1;
  const oi = a.indexOf('-o');
  if (oi > 0)
    return testExpr(X, a.slice(0, oi)) === 0 || testExpr(X, a.slice(oi + 1)) === 0 ? 0 : 1;
  if (a.length === 1) return a[0] !== '' ? 0 : 1;
  if (a.length === 2) {
    const [op, v] = a as [string, string];
    switch (op) {
      case '-z':
        return v === '' ? 0 : 1;
      case '-n':
        return v !== '' ? 0 : 1;
      case '-e':
      case '-f':
      case '-s':
      case '-r':
      case '-w':
      case '-x': {
        const rd = readFile(sys, inst, v);
        if (op === '-e') return rd.ok || isDirPath(X, v) ? 0 : 1;
        if (op === '-s') return rd.ok && rd.content.length > 0 ? 0 : 1;
        return rd.ok ? 0 : 1;
      }
      case '-d':
        return isDirPath(X, v) ? 0 : 1;
      default:
        addNotice(X, 'unsupported-option', `\`test ${op}\``, 'treated as false');
        return 1;
    }
  }
  const [l, op, r] = a as [string, string, string];
  const nl = Number(l);
  const nr = Number(r);
  switch (op) {
    case '=':
    case '==':
      return l === r ? 0 : 1;
    case '!=':
      return l !== r ? 0 : 1;
    case '-eq':
      return nl === nr ? 0 : 1;
    case '-ne':
      return nl !== nr ? 0 : 1;
    case '-lt':
      return nl < nr ? 0 : 1;
    case '-le':
      return nl <= nr ? 0 : 1;
    case '-gt':
      return nl > nr ? 0 : 1;
    case '-ge':
      return nl >= nr ? 0 : 1;
    default:
      addNotice(X, 'unsupported-option', `\`test … ${op} …\``, 'treated as false');
      return 1;
  }
}

function isDirPath(X: Exec, p: string): boolean {
  const rd = readFile(X.sys, X.inst, p);
  return !rd.ok && rd.error === 'EISDIR';
}
