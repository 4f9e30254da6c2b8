/**
 * The commands that finish at once (no simulated time passes): file tools,
 * `hostname`, `date`, `env`/`printenv`, `ps`, `ipcmk`/`ipcs`, `nslookup`,
 * `wget`/`curl`/`nc -z` and a few text filters. Each returns its exit code,
 * or undefined when the name is not one of them.
 *
 * Output formats follow BusyBox (busybox/alpine images) or GNU tools.
 */
import {
  basename,
  visibleProcs,
  ipcCreate,
  ipcsLines,
  isLocalHost,
  listenerOn,
  psLines,
  recordConnection,
} from '../namespaces.ts';
import { httpLocal, signalProc } from '../process.ts';
import { SIGNAL_NUMBERS } from '../types.ts';
import type { OutTarget, Proc, ServiceInfo, Signal } from '../types.ts';
import { isDir, listDir, makeDir, normPath, readFile, removeFile, writeFile } from '../volumes.ts';
import { addNotice, sleepDuration, write } from './interpret.ts';
import type { Exec } from './interpret.ts';

interface IO {
  out: OutTarget;
  err: OutTarget;
  stdin: string;
}

export const TOOLS = new Set([
  'cat',
  'hostname',
  'date',
  'env',
  'printenv',
  'ps',
  'ipcmk',
  'ipcs',
  'ipcrm',
  'nslookup',
  'wget',
  'curl',
  'nc',
  'touch',
  'rm',
  'mkdir',
  'ls',
  'seq',
  'grep',
  'wc',
  'head',
  'tail',
  'whoami',
  'id',
  'uname',
  'dirname',
  'basename',
  'cp',
  'mv',
  'chmod',
  'chown',
  'sync',
  'sleep',
  'apk',
  'apt-get',
  'apt',
  'yum',
  'dnf',
  'pip',
  'tee',
]);

export const CLUSTER_DNS = '10.96.0.10';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

/** A Service name as DNS would resolve it from this pod's namespace. */
export function serviceFromHost(
  host: string,
  namespace: string,
): { name: string; namespace: string } | undefined {
  const h = host.replace(/\.$/, '').toLowerCase();
  const parts = h.split('.');
  if (parts.length === 1) return { name: parts[0]!, namespace };
  if (parts.length === 2) return { name: parts[0]!, namespace: parts[1]! };
  if (parts.length === 3 && parts[2] === 'svc') return { name: parts[0]!, namespace: parts[1]! };
  if (parts.length === 5 && parts[2] === 'svc' && parts[3] === 'cluster' && parts[4] === 'local')
    return { name: parts[0]!, namespace: parts[1]! };
  return undefined;
}

export type Resolution =
  | { kind: 'local'; ip: string; via: 'localhost' | 'pod-ip' }
  | { kind: 'service'; svc: ServiceInfo; fqdn: string }
  | { kind: 'none'; fqdn: string }
  | { kind: 'external'; host: string };

/** Resolves a host name the way the pod's DNS would. */
export function resolveHost(X: Exec, host: string): Resolution {
  const { sys, ctx } = X;
  const local = isLocalHost(sys, host);
  if (local)
    return { kind: 'local', ip: local === 'localhost' ? '127.0.0.1' : sys.podIP, via: local };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const svc = ctx.cluster?.services?.(sys.namespace).find((s) => s.clusterIP === host);
    if (svc) return { kind: 'service', svc, fqdn: host };
    return { kind: 'external', host };
  }
  const ref = serviceFromHost(host, sys.namespace);
  if (!ref) return { kind: 'external', host };
  sys.serviceLookups++;
  const fqdn = `${ref.name}.${ref.namespace}.svc.cluster.local`;
  if (ref.name === 'kubernetes' && ref.namespace === 'default') {
    return {
      kind: 'service',
      svc: {
        name: 'kubernetes',
        namespace: 'default',
        clusterIP: KUBERNETES_SERVICE_IP,
        ports: [{ port: 443, name: 'https' }],
      },
      fqdn,
    };
  }
  if (!ctx.cluster?.service) {
    addNotice(
      X,
      'assumed-behaviour',
      'Service lookup',
      'no Service registry is connected: every Service is treated as absent',
    );
    return { kind: 'none', fqdn };
  }
  const svc = ctx.cluster.service(ref.name, ref.namespace);
  return svc ? { kind: 'service', svc, fqdn } : { kind: 'none', fqdn };
}

function parseUrl(raw: string): {
  host: string;
  port: number | null;
  path: string;
  scheme: string;
} {
  let rest = raw;
  let scheme = 'http';
  const m = /^([a-z]+):\/\//i.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const slash = rest.indexOf('/');
  const hostPort = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '/' : rest.slice(slash);
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort);
  return { host: hp?.[1] ?? hostPort, port: hp?.[2] ? Number(hp[2]) : null, path, scheme };
}

/**
 * Public sites the Kubernetes docs' examples fetch (Configure Pod Initialization
 * downloads info.cern.ch): answered with a short stand-in of the page. Any other
 * host outside the cluster is unknown.
 */
const PUBLIC_SITES: Record<string, string> = {
  'info.cern.ch': [
    '<html><head></head><body><header>',
    '<title>http://info.cern.ch</title>',
    '</header>',
    '',
    '<h1>http://info.cern.ch - home of the first website</h1>',
    '</body></html>',
    '',
  ].join('\n'),
};

type Fetch =
  | { kind: 'ok'; status: number; body: string }
  | { kind: 'refused'; ip: string }
  | { kind: 'no-host' }
  | { kind: 'empty' }
  | { kind: 'external' };

function fetchUrl(X: Exec, url: string, agent: string): Fetch {
  const { sys } = X;
  const u = parseUrl(url);
  const port = u.port ?? (u.scheme === 'https' ? 443 : 80);
  const res = resolveHost(X, u.host);
  const from = X.proc.container;
  if (res.kind === 'external' && PUBLIC_SITES[u.host] !== undefined) {
    addNotice(
      X,
      'assumed-behaviour',
      `network access outside the cluster (${u.host})`,
      'answered with a stand-in of its home page',
    );
    recordConnection(sys, {
      atMs: sys.nowMs,
      from,
      to: null,
      host: u.host,
      port,
      via: 'pod-ip',
      ok: true,
      summary: `GET ${u.path} → 200`,
    });
    return { kind: 'ok', status: 200, body: PUBLIC_SITES[u.host]! };
  }
  if (res.kind === 'external') {
    addNotice(
      X,
      'unsupported-command',
      `network access outside the cluster (${u.host})`,
      'treated as an unknown host',
    );
    return { kind: 'external' };
  }
  if (res.kind === 'none') return { kind: 'no-host' };
  if (res.kind === 'local') {
    const r = httpLocal(sys, from, port, u.path, agent, res.via);
    recordConnection(sys, {
      atMs: sys.nowMs,
      from,
      to: r.container,
      host: u.host,
      port,
      via: res.via,
      ok: r.kind !== 'refused',
      summary:
        r.kind === 'response'
          ? `GET ${u.path} → ${r.status}`
          : r.kind === 'refused'
            ? 'connection refused'
            : 'empty reply',
    });
    if (r.kind === 'refused') return { kind: 'refused', ip: res.ip };
    if (r.kind === 'empty-reply') return { kind: 'empty' };
    return { kind: 'ok', status: r.status, body: r.body };
  }
  const svc = res.svc;
  let ok: boolean;
  if (X.ctx.cluster?.connect) ok = X.ctx.cluster.connect(svc, port);
  else {
    addNotice(
      X,
      'assumed-behaviour',
      `connection to Service ${svc.name}`,
      "the Service's endpoints are unknown: the connection is assumed to succeed",
    );
    ok = true;
  }
  recordConnection(sys, {
    atMs: sys.nowMs,
    from,
    to: null,
    host: u.host,
    port,
    via: 'service',
    ok,
    summary: ok ? `GET ${u.path} → 200` : 'connection refused',
  });
  if (!ok) return { kind: 'refused', ip: svc.clusterIP };
  return { kind: 'ok', status: 200, body: `(response of Service ${svc.name})\n` };
}

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
};

function wget(X: Exec, args: string[], io: IO): number {
  let quiet = false;
  let outFile: string | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '--spider') spider = true;
    else if (a === '-O' || a === '--output-document') outFile = args[++i];
    else if (/^-q?O-?$/.test(a) || a === '-qO-') {
      quiet ||= a.includes('q');
      outFile = a.endsWith('-') ? '-' : args[++i];
    } else if (a.startsWith('-O')) outFile = a.slice(2);
    else if (a === '-T' || a === '-t' || a === '--timeout' || a === '-U' || a === '--header') i++;
    else if (a.startsWith('-')) continue;
    else url = a;
  }
  const err = (t: string) => write(X, io.err, `${t}\n`, 'stderr');
  if (!url) {
    err('BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] URL...');
    return 1;
  }
  const u = parseUrl(url);
  if (!quiet)
    err(
      `Connecting to ${u.host}${u.port ? `:${u.port}` : ''} (${u.host === 'localhost' ? '127.0.0.1' : u.host}${u.port ? `:${u.port}` : ':80'})`,
    );
  const r = fetchUrl(X, url, 'Wget');
  switch (r.kind) {
    case 'no-host':
    case 'external':
      err(`wget: bad address '${u.host}'`);
      return 1;
    case 'refused':
      err(`wget: can't connect to remote host (${r.ip}): Connection refused`);
      return 1;
    case 'empty':
      err('wget: error getting response: Connection reset by peer');
      return 1;
    case 'ok': {
      if (r.status >= 400) {
        err(`wget: server returned error: HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`);
        return 1;
      }
      if (spider) {
        if (!quiet) err('remote file exists');
        return 0;
      }
      const target = outFile ?? (u.path.split('/').pop() || 'index.html');
      if (target === '-') write(X, io.out, r.body, 'stdout');
      else {
        if (!quiet) err(`saving to '${target}'`);
        const w = writeFile(
          X.sys,
          X.inst,
          target.startsWith('/') ? target : `/${target}`,
          r.body,
          false,
          X.sys.nowMs,
        );
        if (!w.ok) {
          err(`wget: can't open '${target}': Read-only file system`);
          return 1;
        }
        if (!quiet) err(`'${target}' saved`);
      }
      return 0;
    }
  }
}

function curl(X: Exec, args: string[], io: IO): number {
  let silent = false;
  let showErr = false;
  let fail = false;
  let head = false;
  let outFile: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') outFile = args[++i];
    else if (
      a === '-m' ||
      a === '--max-time' ||
      a === '-H' ||
      a === '--header' ||
      a === '-X' ||
      a === '-d' ||
      a === '-w' ||
      a === '--connect-timeout'
    )
      i++;
    else if (
      a === '--fail' ||
      a === '--silent' ||
      a === '--show-error' ||
      a === '--head' ||
      a === '--include'
    ) {
      if (a === '--fail') fail = true;
      if (a === '--silent') silent = true;
      if (a === '--show-error') showErr = true;
      if (a === '--head') head = true;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showErr = true;
      if (a.includes('f')) fail = true;
      if (a.includes('I')) head = true;
      if (a.endsWith('o')) outFile = args[++i];
    } else if (!a.startsWith('-')) url = a;
  }
  const err = (t: string) => {
    if (!silent || showErr) write(X, io.err, `${t}\n`, 'stderr');
  };
  if (!url) {
    err("curl: try 'curl --help' or 'curl --manual' for more information");
    return 2;
  }
  const u = parseUrl(url);
  const port = u.port ?? 80;
  const r = fetchUrl(X, url, 'curl/8.5.0');
  switch (r.kind) {
    case 'no-host':
    case 'external':
      err(`curl: (6) Could not resolve host: ${u.host}`);
      return 6;
    case 'refused':
      err(
        `curl: (7) Failed to connect to ${u.host} port ${port} after 0 ms: Couldn't connect to server`,
      );
      return 7;
    case 'empty':
      err('curl: (52) Empty reply from server');
      return 52;
    case 'ok': {
      if (fail && r.status >= 400) {
        err(`curl: (22) The requested URL returned error: ${r.status}`);
        return 22;
      }
      const body = head ? `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\n` : r.body;
      if (outFile && outFile !== '-') writeFile(X.sys, X.inst, outFile, body, false, X.sys.nowMs);
      else write(X, io.out, body, 'stdout');
      return 0;
    }
  }
}

function nslookup(X: Exec, args: string[], io: IO): number {
  const name = args.find((a) => !a.startsWith('-'));
  const out = (t: string) => write(X, io.out, `${t}\n`, 'stdout');
  if (!name) {
    write(
      X,
      io.err,
      'BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n',
      'stderr',
    );
    return 1;
  }
  out(`Server:    ${CLUSTER_DNS}`);
  out(`Address 1: ${CLUSTER_DNS} kube-dns.kube-system.svc.cluster.local`);
  out('');
  const r = resolveHost(X, name);
  switch (r.kind) {
    case 'local':
      out(`Name:      ${name}`);
      out(`Address 1: ${r.ip} ${r.via === 'localhost' ? 'localhost' : X.sys.hostname}`);
      return 0;
    case 'service':
      out(`Name:      ${r.fqdn}`);
      out(`Address 1: ${r.svc.clusterIP} ${r.fqdn}`);
      return 0;
    case 'none':
      write(X, io.err, `nslookup: can't resolve '${name}'\n`, 'stderr');
      return 1;
    case 'external':
      addNotice(
        X,
        'unsupported-command',
        `DNS names outside the cluster (${name})`,
        'treated as not resolvable',
      );
      write(X, io.err, `nslookup: can't resolve '${name}'\n`, 'stderr');
      return 1;
  }
}

function ncClient(X: Exec, args: string[], io: IO): number | undefined {
  const pos = args.filter((a) => !a.startsWith('-'));
  if (!args.some((a) => /^-\w*z/.test(a)) || pos.length < 2) return undefined;
  const host = pos[0]!;
  const port = Number(pos[1]);
  const r = resolveHost(X, host);
  const { sys } = X;
  if (r.kind === 'local') {
    const l = listenerOn(sys, port, r.via);
    recordConnection(sys, {
      atMs: sys.nowMs,
      from: X.proc.container,
      to: l?.container ?? null,
      host,
      port,
      via: r.via,
      ok: !!l,
      summary: l ? 'connected' : 'connection refused',
    });
    return l ? 0 : 1;
  }
  if (r.kind === 'service') {
    const ok = X.ctx.cluster?.connect ? X.ctx.cluster.connect(r.svc, port) : true;
    recordConnection(sys, {
      atMs: sys.nowMs,
      from: X.proc.container,
      to: null,
      host,
      port,
      via: 'service',
      ok,
      summary: ok ? 'connected' : 'connection refused',
    });
    return ok ? 0 : 1;
  }
  write(X, io.err, `nc: bad address '${host}'\n`, 'stderr');
  return 1;
}

function dateText(X: Exec, fmt?: string): string {
  const d = new Date(X.sys.epochMs + X.sys.nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]!;
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ]!;
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  if (!fmt) {
    const dd =
      X.inst.userland === 'busybox'
        ? String(d.getUTCDate()).padStart(2, ' ')
        : String(d.getUTCDate()).padStart(2, ' ');
    return `${day} ${mon} ${dd} ${hms} UTC ${d.getUTCFullYear()}`;
  }
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()),
    S: p2(d.getUTCSeconds()),
    s: String(Math.floor(d.getTime() / 1000)),
    T: hms,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    a: day,
    b: mon,
    Z: 'UTC',
    z: '+0000',
    N: '000000000',
    '%': '%',
  };
  return fmt.replace(/%(.)/g, (m, c: string) => map[c] ?? m);
}

/** Runs an instant command. Returns undefined when `name` is not one. */
export function runTool(
  X: Exec,
  name: string,
  args: string[],
  io: IO,
  env: Record<string, string>,
): number | undefined {
  const { sys, inst, proc } = X;
  const out = (t: string) => write(X, io.out, t, 'stdout');
  const err = (t: string) => write(X, io.err, t, 'stderr');
  const bb = inst.userland === 'busybox';
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  switch (name) {
    case 'cat': {
      if (files.length === 0) {
        out(io.stdin);
        return 0;
      }
      let code = 0;
      for (const f of files) {
        const r = readFile(sys, inst, f);
        if (r.ok) out(r.content);
        else {
          err(
            bb
              ? `cat: can't open '${f}': ${r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`
              : `cat: ${f}: ${r.error === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`,
          );
          code = 1;
        }
      }
      return code;
    }
    case 'tee': {
      for (const f of files) writeFile(sys, inst, f, io.stdin, args.includes('-a'), sys.nowMs);
      out(io.stdin);
      return 0;
    }
    case 'hostname':
      if (args.includes('-i')) out(`${sys.podIP}\n`);
      else if (args.includes('-f'))
        out(
          `${sys.subdomain ? `${sys.hostname}.${sys.subdomain}.${sys.namespace}.svc.cluster.local` : sys.hostname}\n`,
        );
      else if (files.length) {
        err('hostname: sethostname: Operation not permitted\n');
        return 1;
      } else out(`${sys.hostname}\n`);
      return 0;
    case 'date': {
      const fmt = args.find((a) => a.startsWith('+'));
      out(`${dateText(X, fmt?.slice(1))}\n`);
      return 0;
    }
    case 'env':
    case 'printenv': {
      if (name === 'env' && files.length) {
        addNotice(
          X,
          'unsupported-option',
          '`env COMMAND`',
          'the command is not run; treated as succeeding',
        );
        return 0;
      }
      if (name === 'printenv' && files.length) {
        let code = 0;
        for (const k of files) {
          if (env[k] !== undefined) out(`${env[k]}\n`);
          else code = 1;
        }
        return code;
      }
      for (const [k, v] of Object.entries(env)) out(`${k}=${v}\n`);
      return 0;
    }
    case 'ps':
      out(`${psLines(sys, proc).join('\n')}\n`);
      return 0;
    case 'ipcmk': {
      let kind: 'shm' | 'msg' | 'sem' | undefined;
      let bytes = 0;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-M' || a === '--shmem') {
          kind = 'shm';
          bytes = parseSize(args[++i] ?? '0');
        } else if (a.startsWith('-M')) {
          kind = 'shm';
          bytes = parseSize(a.slice(2));
        } else if (a === '-Q' || a === '--queue') kind = 'msg';
        else if (a === '-S' || a === '--semaphore') {
          kind = 'sem';
          bytes = Number(args[++i] ?? 1);
        }
      }
      if (!kind) {
        err('ipcmk: bad usage\n');
        return 1;
      }
      const o = ipcCreate(sys, kind, bytes, proc.container);
      out(
        `${kind === 'shm' ? 'Shared memory' : kind === 'msg' ? 'Message queue' : 'Semaphore'} id: ${o.id}\n`,
      );
      return 0;
    }
    case 'ipcs': {
      const which = new Set<'shm' | 'sem' | 'msg'>();
      if (args.includes('-m')) which.add('shm');
      if (args.includes('-q')) which.add('msg');
      if (args.includes('-s')) which.add('sem');
      if (which.size === 0) ['msg', 'shm', 'sem'].forEach((k) => which.add(k as 'shm'));
      out(`${ipcsLines(sys, which).join('\n')}\n`);
      return 0;
    }
    case 'ipcrm': {
      const id = Number(args[args.length - 1]);
      const before = sys.ipc.length;
      sys.ipc = sys.ipc.filter((o) => o.id !== id);
      return sys.ipc.length < before ? 0 : 1;
    }
    case 'nslookup':
      return nslookup(X, args, io);
    case 'wget':
      return wget(X, args, io);
    case 'curl':
      return curl(X, args, io);
    case 'nc': {
      const c = ncClient(X, args, io);
      if (c !== undefined) return c;
      addNotice(
        X,
        'unsupported-option',
        `\`nc ${args.join(' ')}\``,
        'treated as succeeding with no output',
      );
      return 0;
    }
    case 'touch':
      for (const f of files) {
        const r = readFile(sys, inst, f);
        const w = writeFile(sys, inst, f, r.ok ? r.content : '', false, sys.nowMs);
        if (!w.ok) {
          err(`touch: ${f}: Read-only file system\n`);
          return 1;
        }
      }
      return 0;
    case 'rm': {
      let code = 0;
      const force = args.some((a) => /^-\w*f/.test(a));
      for (const f of files) {
        const r = removeFile(sys, inst, f);
        if (r === 'EROFS') {
          err(`rm: can't remove '${f}': Read-only file system\n`);
          code = 1;
        } else if (r === 'ENOENT' && !force) {
          err(
            bb
              ? `rm: can't remove '${f}': No such file or directory\n`
              : `rm: cannot remove '${f}': No such file or directory\n`,
          );
          code = 1;
        }
      }
      return code;
    }
    case 'mkdir':
      for (const f of files) {
        if (makeDir(sys, inst, f) === 'EROFS') {
          err(`mkdir: can't create directory '${f}': Read-only file system\n`);
          return 1;
        }
      }
      return 0;
    case 'ls': {
      const targets = files.length ? files : ['/'];
      let code = 0;
      for (const t of targets) {
        const rd = readFile(sys, inst, t);
        if (rd.ok) out(`${t}\n`);
        else if (isDir(sys, inst, t)) {
          const names = listDir(sys, inst, t);
          if (names.length) out(`${names.join('\n')}\n`);
        } else {
          err(
            bb
              ? `ls: ${t}: No such file or directory\n`
              : `ls: cannot access '${t}': No such file or directory\n`,
          );
          code = bb ? 1 : 2;
        }
      }
      return code;
    }
    case 'cp':
    case 'mv': {
      if (files.length < 2) return 1;
      const dest = files[files.length - 1]!;
      for (const src of files.slice(0, -1)) {
        const r = readFile(sys, inst, src);
        if (!r.ok) {
          err(`${name}: can't stat '${src}': No such file or directory\n`);
          return 1;
        }
        const target =
          isDir(sys, inst, dest) && !readFile(sys, inst, dest).ok
            ? `${normPath(dest)}/${basename(src)}`
            : dest;
        const w = writeFile(sys, inst, target, r.content, false, sys.nowMs);
        if (!w.ok) {
          err(`${name}: can't create '${target}': Read-only file system\n`);
          return 1;
        }
        if (name === 'mv') removeFile(sys, inst, src);
      }
      return 0;
    }
    case 'chmod':
    case 'chown':
    case 'sync':
      return 0;
    case 'seq': {
      const n = files.map(Number);
      const [first, last] = n.length === 1 ? [1, n[0]!] : [n[0]!, n[n.length - 1]!];
      const step = n.length === 3 ? n[1]! : 1;
      if (![first, last, step].every(Number.isFinite) || step === 0) return 1;
      const lines: string[] = [];
      for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
        lines.push(String(v));
        if (lines.length > 100_000) break;
      }
      if (lines.length) out(`${lines.join('\n')}\n`);
      return 0;
    }
    case 'grep': {
      const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
      const rest = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
      const pattern = rest[0] ?? '';
      const sources = rest.slice(1);
      const text = sources.length
        ? sources
            .map((f) => {
              const r = readFile(sys, inst, f);
              return r.ok ? r.content : '';
            })
            .join('')
        : io.stdin;
      let re: RegExp;
      try {
        re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
      } catch {
        re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      }
      const invert = flags.includes('v');
      const lines = text
        .split('\n')
        .filter((l, i, all) => !(i === all.length - 1 && l === ''))
        .filter((l) => re.test(l) !== invert);
      if (flags.includes('c')) out(`${lines.length}\n`);
      else if (!flags.includes('q') && lines.length) out(`${lines.join('\n')}\n`);
      return lines.length ? 0 : 1;
    }
    case 'wc': {
      const text = files.length
        ? files
            .map((f) => {
              const r = readFile(sys, inst, f);
              return r.ok ? r.content : '';
            })
            .join('')
        : io.stdin;
      const l = (text.match(/\n/g) ?? []).length;
      const w = text.split(/\s+/).filter(Boolean).length;
      if (args.includes('-l')) out(`${l}\n`);
      else if (args.includes('-w')) out(`${w}\n`);
      else if (args.includes('-c')) out(`${text.length}\n`);
      else
        out(
          `${String(l).padStart(7)} ${String(w).padStart(7)} ${String(text.length).padStart(7)}\n`,
        );
      return 0;
    }
    case 'head':
    case 'tail': {
      const nArg =
        args.find((_a, i) => args[i - 1] === '-n') ??
        args.find((a) => /^-\d+$/.test(a))?.slice(1) ??
        '10';
      const n = Number(nArg);
      const src = files.filter((f) => f !== nArg);
      const text = src.length
        ? src
            .map((f) => {
              const r = readFile(sys, inst, f);
              return r.ok ? r.content : '';
            })
            .join('')
        : io.stdin;
      const lines = text.replace(/\n$/, '').split('\n');
      const picked = name === 'head' ? lines.slice(0, n) : lines.slice(-n);
      if (text !== '') out(`${picked.join('\n')}\n`);
      return 0;
    }
    case 'whoami':
      out('root\n');
      return 0;
    case 'id':
      out('uid=0(root) gid=0(root) groups=0(root)\n');
      return 0;
    case 'uname':
      out(
        args.includes('-a')
          ? `Linux ${sys.hostname} 6.8.0 #1 SMP x86_64 GNU/Linux\n`
          : args.includes('-n')
            ? `${sys.hostname}\n`
            : 'Linux\n',
      );
      return 0;
    case 'basename':
      out(`${basename(files[0] ?? '')}\n`);
      return 0;
    case 'dirname': {
      const p = files[0] ?? '.';
      out(`${p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : '.'}\n`);
      return 0;
    }
    case 'sleep': {
      // Only invalid durations reach here (valid ones start a process).
      const d = sleepDuration(args[0]);
      if (d === 'invalid') {
        err(
          args[0] === undefined
            ? 'sleep: missing operand\n'
            : `sleep: invalid number '${args[0]}'\n`,
        );
        return 1;
      }
      return 0;
    }
    case 'killall':
    case 'pkill':
    case 'pidof': {
      let sig: Signal | null = 'SIGTERM';
      const names: string[] = [];
      for (const a of args) {
        if (a === '-0') sig = null;
        else if (/^-[A-Z0-9]+$/.test(a)) {
          const n = a.slice(1);
          const key = (
            /^\d+$/.test(n)
              ? Object.keys(SIGNAL_NUMBERS).find((k) => SIGNAL_NUMBERS[k as Signal] === Number(n))
              : n.startsWith('SIG')
                ? n
                : `SIG${n}`
          ) as Signal | undefined;
          if (key && key in SIGNAL_NUMBERS) sig = key;
        } else if (!a.startsWith('-')) names.push(a);
      }
      const matches = (p: Proc, n: string) => {
        const a0 = basename(p.argv[0] ?? '');
        return (
          p.state !== 'zombie' &&
          p.id !== proc.id &&
          (a0 === n || a0.startsWith(`${n}:`) || (name === 'pkill' && p.argv.join(' ').includes(n)))
        );
      };
      const found = visibleProcs(sys, proc).filter((p) => names.some((n) => matches(p, n)));
      if (name === 'pidof') {
        if (found.length)
          out(
            `${found
              .map((p) => p.pid)
              .reverse()
              .join(' ')}\n`,
          );
        return found.length ? 0 : 1;
      }
      if (found.length === 0) {
        if (name === 'killall') err(`killall: ${names[0] ?? ''}: no process killed\n`);
        return 1;
      }
      if (sig) for (const p of found) signalProc(sys, p, sig, `${proc.container} PID ${proc.pid}`);
      return 0;
    }
    case 'nginx': {
      const i = args.indexOf('-s');
      if (i === -1) {
        if (args.includes('-t')) {
          err(
            'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
          );
          return 0;
        }
        if (args.includes('-v')) {
          err('nginx version: nginx/1.27.3\n');
          return 0;
        }
        return undefined;
      }
      const action = args[i + 1] ?? '';
      const sig = (
        { quit: 'SIGQUIT', stop: 'SIGTERM', reload: 'SIGHUP', reopen: 'SIGUSR1' } as Record<
          string,
          Signal
        >
      )[action];
      const master = visibleProcs(sys, proc).find(
        (p) => p.state !== 'zombie' && p.prog.kind === 'server' && p.prog.server === 'nginx',
      );
      if (!sig) {
        err(`nginx: invalid option: "-s ${action}"\n`);
        return 1;
      }
      if (!master) {
        err(`nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
        return 1;
      }
      signalProc(sys, master, sig, `${proc.container} PID ${proc.pid}`);
      return 0;
    }
    case 'python':
    case 'python3':
    case 'node':
      // A REPL without a terminal reads end-of-file and exits 0.
      if (args.length === 0) return 0;
      return undefined;
    case 'apk':
    case 'apt-get':
    case 'apt':
    case 'yum':
    case 'dnf':
    case 'pip':
      addNotice(
        X,
        'unsupported-command',
        `package installation \`${name}\``,
        'treated as succeeding; no package is added',
      );
      return 0;
    default:
      return undefined;
  }
}

function parseSize(s: string): number {
  const m = /^(\d+)([KMG]?)$/i.exec(s);
  if (!m) return Number(s) || 0;
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()]!;
  return Number(m[1]) * mult;
}
