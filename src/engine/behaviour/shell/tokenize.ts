/**
 * The shell tokenizer: turns `sh -c` text into words (with their quoted,
 * variable, command-substitution and arithmetic parts kept apart, so that
 * expansion happens later, at run time) and operators.
 *
 * Covers the POSIX shell's quoting rules that Kubernetes manifests use:
 * single quotes, double quotes with `$`/backquote inside, backslash escapes,
 * `#` comments, `$VAR`, `${VAR}`, `${VAR:-default}`, `$(...)`, backquotes
 * and `$((...))`.
 */

/** One piece of a word. `q` = it came from inside quotes (no field splitting). */
export type WordPart =
  | { k: 'lit'; v: string; q: boolean }
  | { k: 'var'; name: string; q: boolean; op?: string; arg?: WordPart[] }
  | { k: 'sub'; src: string; q: boolean }
  | { k: 'arith'; src: string; q: boolean };

export type Token =
  | { t: 'word'; parts: WordPart[]; raw: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'redir'; op: string; fd: number | null; pos: number }
  | { t: 'eof'; pos: number };

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];
const REDIRS = ['>>', '>&', '<<', '<&', '&>', '>|', '<', '>'];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set([
  '?',
  '$',
  '!',
  '#',
  '@',
  '*',
  '-',
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
]);

/** Finds the index just past the `)` closing a `$(` or `((` opened before `start`. */
function matchParen(src: string, start: number, depth0: number): number {
  let depth = depth0;
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end === -1) throw new ShellSyntaxError('unterminated quoted string', i);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i = skipDouble(src, i + 1);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new ShellSyntaxError('unexpected end of file (expecting ")")', start);
}

/** Index just past the closing `"` of a double-quoted string starting at `i` (after the quote). */
function skipDouble(src: string, i: number): number {
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i + 1;
    if (c === '$' && src[i + 1] === '(') {
      i = matchParen(src, i + 2, 1);
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end === -1) throw new ShellSyntaxError('unterminated quoted string', i);
      i = end + 1;
      continue;
    }
    i++;
  }
  throw new ShellSyntaxError('unterminated quoted string', i);
}

/** Reads a `$…` expansion at `i` (pointing at `$`). Returns the part and the next index. */
function readDollar(src: string, i: number, q: boolean): { part: WordPart; next: number } {
  const c = src[i + 1];
  if (c === '(' && src[i + 2] === '(') {
    const end = matchParen(src, i + 3, 2);
    return { part: { k: 'arith', src: src.slice(i + 3, end - 2), q }, next: end };
  }
  if (c === '(') {
    const end = matchParen(src, i + 2, 1);
    return { part: { k: 'sub', src: src.slice(i + 2, end - 1), q }, next: end };
  }
  if (c === '{') {
    const end = src.indexOf('}', i + 2);
    if (end === -1) throw new ShellSyntaxError('bad substitution', i);
    const body = src.slice(i + 2, end);
    if (body.startsWith('#') && body.length > 1) {
      return { part: { k: 'var', name: body.slice(1), q, op: 'len' }, next: end + 1 };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$!#@*0-9-])(:?[-=+?]|#|%)?(.*)$/s.exec(body);
    if (!m) throw new ShellSyntaxError('bad substitution', i);
    const part: WordPart = { k: 'var', name: m[1]!, q };
    if (m[2]) {
      part.op = m[2];
      part.arg = tokenizeWordText(m[3] ?? '', true);
    }
    return { part, next: end + 1 };
  }
  if (c !== undefined && NAME_START.test(c)) {
    let j = i + 1;
    while (j < src.length && NAME_CHAR.test(src[j]!)) j++;
    return { part: { k: 'var', name: src.slice(i + 1, j), q }, next: j };
  }
  if (c !== undefined && SPECIAL_PARAMS.has(c)) {
    return { part: { k: 'var', name: c, q }, next: i + 2 };
  }
  return { part: { k: 'lit', v: '$', q }, next: i + 1 };
}

function pushLit(parts: WordPart[], v: string, q: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.k === 'lit' && last.q === q) last.v += v;
  else parts.push({ k: 'lit', v, q });
}

/** Parses the inside of a double-quoted string (or a `${x:-…}` argument) into parts. */
export function tokenizeWordText(text: string, q: boolean): WordPart[] {
  const parts: WordPart[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== '\n') pushLit(parts, text[i + 1]!, q);
      i += 2;
    } else if (c === '$') {
      const { part, next } = readDollar(text, i, q);
      parts.push(part);
      i = next;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1) throw new ShellSyntaxError('unterminated quoted string', i);
      parts.push({ k: 'sub', src: text.slice(i + 1, end), q });
      i = end + 1;
    } else {
      pushLit(parts, c, q);
      i++;
    }
  }
  return parts;
}

/** Splits shell source into tokens. Throws ShellSyntaxError on unterminated quotes. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    // A redirection, optionally preceded by a file descriptor digit (`2>&1`).
    const fdMatch = /^(\d)(?=[<>])/.exec(src.slice(i, i + 2));
    const at = fdMatch ? i + 1 : i;
    const redir = REDIRS.find((r) => src.startsWith(r, at));
    if (redir) {
      out.push({ t: 'redir', op: redir, fd: fdMatch ? Number(fdMatch[1]) : null, pos: i });
      i = at + redir.length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op, pos: i });
      i += op.length;
      continue;
    }
    // A word: runs until unquoted blank or operator character.
    const start = i;
    const parts: WordPart[] = [];
    while (i < src.length) {
      const d = src[i]!;
      if (' \t\r\n;&|()<>'.includes(d)) break;
      if (d === '\\') {
        if (i + 1 < src.length) {
          if (src[i + 1] !== '\n') pushLit(parts, src[i + 1]!, true);
          i += 2;
        } else {
          i++;
        }
      } else if (d === "'") {
        const end = src.indexOf("'", i + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated quoted string', i);
        pushLit(parts, src.slice(i + 1, end), true);
        if (end === i + 1) parts.push({ k: 'lit', v: '', q: true });
        i = end + 1;
      } else if (d === '"') {
        const end = skipDouble(src, i + 1);
        const inner = tokenizeWordText(src.slice(i + 1, end - 1), true);
        if (inner.length === 0) parts.push({ k: 'lit', v: '', q: true });
        for (const p of inner) {
          if (p.k === 'lit') pushLit(parts, p.v, true);
          else parts.push(p);
        }
        i = end;
      } else if (d === '$') {
        const { part, next } = readDollar(src, i, false);
        if (part.k === 'lit') pushLit(parts, part.v, false);
        else parts.push(part);
        i = next;
      } else if (d === '`') {
        const end = src.indexOf('`', i + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated quoted string', i);
        parts.push({ k: 'sub', src: src.slice(i + 1, end), q: false });
        i = end + 1;
      } else {
        pushLit(parts, d, false);
        i++;
      }
    }
    out.push({ t: 'word', parts, raw: src.slice(start, i), pos: start });
  }
  out.push({ t: 'eof', pos: src.length });
  return out;
}

/** The literal text of a word if it has no expansions and no quotes (reserved words must be plain). */
export function plainWord(tok: Token | undefined): string | undefined {
  if (!tok || tok.t !== 'word') return undefined;
  if (tok.parts.length !== 1) return undefined;
  const p = tok.parts[0]!;
  return p.k === 'lit' && !p.q ? p.v : undefined;
}
