/**
 * The shell parser: tokens → a flat AST (nodes in an array, children by
 * index) so that an interpreter can keep a program counter over it as plain,
 * structured-clonable data, and append trap handlers or substitutions later.
 *
 * Grammar (a subset of POSIX sh):
 *   list     := and_or ((';' | '&' | NL) and_or)*
 *   and_or   := pipeline (('&&' | '||') NL* pipeline)*
 *   pipeline := ['!'] command ('|' NL* command)*
 *   command  := simple | '(' list ')' | '{' list '}' | if | while | until | for   [redirs]
 * Constructs outside the subset (`case`, functions, here-documents) become a
 * `noop` node and are reported in `unsupported`, never guessed.
 */
import { plainWord, ShellSyntaxError, tokenize } from './tokenize.ts';
import type { Token, WordPart } from './tokenize.ts';

export type Word = WordPart[];

export interface Redir {
  op: string;
  fd: number | null;
  target: Word;
}

export type Node =
  | {
      t: 'cmd';
      assigns: Array<{ name: string; value: Word }>;
      words: Word[];
      redirs: Redir[];
      src: string;
    }
  | { t: 'list'; items: number[]; bg: boolean[] }
  | { t: 'andor'; items: number[]; ops: Array<'&&' | '||'> }
  | { t: 'pipe'; items: number[]; neg: boolean }
  | { t: 'loop'; until: boolean; cond: number; body: number }
  | { t: 'if'; conds: number[]; thens: number[]; else: number | null }
  | { t: 'for'; name: string; items: Word[] | null; body: number }
  | { t: 'subshell'; body: number }
  | { t: 'group'; body: number }
  | { t: 'redir'; body: number; redirs: Redir[] }
  | { t: 'noop'; what: string };

export interface Unsupported {
  what: string;
  pos: number;
}

export interface ParseResult {
  root: number;
  unsupported: Unsupported[];
}

const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

class Parser {
  private i = 0;
  readonly unsupported: Unsupported[] = [];

  constructor(
    private readonly toks: Token[],
    private readonly nodes: Node[],
    private readonly src: string,
  ) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }

  private add(n: Node): number {
    this.nodes.push(n);
    return this.nodes.length - 1;
  }

  private isOp(v: string, tok: Token = this.peek()): boolean {
    return tok.t === 'op' && tok.v === v;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private fail(tok: Token): never {
    const text =
      tok.t === 'eof'
        ? 'unexpected end of file'
        : `unexpected "${tok.t === 'word' ? tok.raw : tok.t === 'op' ? (tok.v === '\n' ? 'newline' : tok.v) : tok.op}"`;
    throw new ShellSyntaxError(text, tok.pos);
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    if (plainWord(this.peek()) !== word) this.fail(this.peek());
    this.i++;
  }

  /** A list up to EOF, `)` or a reserved word that closes a compound command. */
  list(): number {
    const items: number[] = [];
    const bg: boolean[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.t === 'eof' || this.isOp(')') || this.isOp(';;')) break;
      const w = plainWord(tok);
      if (w !== undefined && LIST_END.has(w)) break;
      items.push(this.andOr());
      bg.push(false);
      const sep = this.peek();
      if (this.isOp(';', sep) || this.isOp('\n', sep)) {
        this.i++;
      } else if (this.isOp('&', sep)) {
        bg[bg.length - 1] = true;
        this.i++;
      } else {
        break;
      }
    }
    return this.add({ t: 'list', items, bg });
  }

  private andOr(): number {
    const items = [this.pipeline()];
    const ops: Array<'&&' | '||'> = [];
    while (this.isOp('&&') || this.isOp('||')) {
      ops.push((this.peek() as { v: '&&' | '||' }).v);
      this.i++;
      this.skipNewlines();
      items.push(this.pipeline());
    }
    return items.length === 1 ? items[0]! : this.add({ t: 'andor', items, ops });
  }

  private pipeline(): number {
    let neg = false;
    if (plainWord(this.peek()) === '!') {
      neg = true;
      this.i++;
    }
    const items = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      items.push(this.command());
    }
    return items.length === 1 && !neg ? items[0]! : this.add({ t: 'pipe', items, neg });
  }

  private command(): number {
    const tok = this.peek();
    const w = plainWord(tok);
    let node: number;
    if (this.isOp('(')) {
      this.i++;
      const body = this.list();
      if (!this.isOp(')')) this.fail(this.peek());
      this.i++;
      node = this.add({ t: 'subshell', body });
    } else if (w === '{') {
      this.i++;
      const body = this.list();
      this.expectWord('}');
      node = this.add({ t: 'group', body });
    } else if (w === 'if') {
      node = this.ifClause();
    } else if (w === 'while' || w === 'until') {
      this.i++;
      const cond = this.list();
      this.expectWord('do');
      const body = this.list();
      this.expectWord('done');
      node = this.add({ t: 'loop', until: w === 'until', cond, body });
    } else if (w === 'for') {
      node = this.forClause();
    } else if (w === 'case') {
      node = this.skipCase();
    } else if (w !== undefined && LIST_END.has(w)) {
      this.fail(tok);
    } else if (
      tok.t === 'word' &&
      this.isOp('(', this.toks[this.i + 1]) &&
      this.isOp(')', this.toks[this.i + 2])
    ) {
      // name() { ...; } — a function definition.
      this.unsupported.push({ what: `function definition \`${tok.raw}()\``, pos: tok.pos });
      this.i += 3;
      this.skipNewlines();
      this.command();
      return this.add({ t: 'noop', what: `function ${tok.raw}` });
    } else {
      return this.simple();
    }
    const redirs = this.redirs();
    return redirs.length ? this.add({ t: 'redir', body: node, redirs }) : node;
  }

  private ifClause(): number {
    this.i++; // if
    const conds: number[] = [];
    const thens: number[] = [];
    let elseBody: number | null = null;
    conds.push(this.list());
    this.expectWord('then');
    thens.push(this.list());
    for (;;) {
      this.skipNewlines();
      const w = plainWord(this.peek());
      if (w === 'elif') {
        this.i++;
        conds.push(this.list());
        this.expectWord('then');
        thens.push(this.list());
      } else if (w === 'else') {
        this.i++;
        elseBody = this.list();
      } else if (w === 'fi') {
        this.i++;
        break;
      } else {
        this.fail(this.peek());
      }
    }
    return this.add({ t: 'if', conds, thens, else: elseBody });
  }

  private forClause(): number {
    this.i++; // for
    const nameTok = this.peek();
    const name = plainWord(nameTok);
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.fail(nameTok);
    this.i++;
    this.skipNewlines();
    let items: Word[] | null = null;
    if (plainWord(this.peek()) === 'in') {
      this.i++;
      items = [];
      while (this.peek().t === 'word') {
        items.push((this.peek() as { parts: WordPart[] }).parts);
        this.i++;
      }
    }
    if (this.isOp(';') || this.isOp('\n')) this.i++;
    this.expectWord('do');
    const body = this.list();
    this.expectWord('done');
    return this.add({ t: 'for', name, items, body });
  }

  private skipCase(): number {
    const start = this.peek();
    this.unsupported.push({ what: '`case … esac`', pos: start.pos });
    let depth = 0;
    let atCommand = true;
    while (this.peek().t !== 'eof') {
      const tok = this.peek();
      const w = plainWord(tok);
      if (w === 'case' && atCommand) depth++;
      if (w === 'esac') {
        depth--;
        this.i++;
        if (depth === 0) return this.add({ t: 'noop', what: 'case' });
        continue;
      }
      atCommand = tok.t === 'op' || w === 'in' || w === 'then' || w === 'do';
      this.i++;
    }
    throw new ShellSyntaxError('unexpected end of file (expecting "esac")', start.pos);
  }

  private redirs(): Array<Redir> {
    const out: Redir[] = [];
    while (this.peek().t === 'redir') {
      out.push(this.redir());
    }
    return out;
  }

  private redir(): Redir {
    const r = this.peek() as Extract<Token, { t: 'redir' }>;
    this.i++;
    const target = this.peek();
    if (target.t !== 'word') this.fail(target);
    this.i++;
    if (r.op === '<<') {
      this.unsupported.push({ what: 'here-document `<<`', pos: r.pos });
    }
    return { op: r.op, fd: r.fd, target: target.parts };
  }

  private simple(): number {
    const startTok = this.peek();
    const assigns: Array<{ name: string; value: Word }> = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    let end = startTok.pos;
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'redir') {
        redirs.push(this.redir());
        end = this.toks[this.i - 1]!.pos + (this.toks[this.i - 1] as { raw?: string }).raw!.length;
        continue;
      }
      if (tok.t !== 'word') break;
      const first = tok.parts[0];
      const m = words.length === 0 && first?.k === 'lit' && !first.q ? ASSIGN.exec(first.v) : null;
      if (m) {
        const lit = first as Extract<WordPart, { k: 'lit' }>;
        const rest: WordPart[] = [
          { ...lit, v: lit.v.slice(m[0].length) },
          ...tok.parts.slice(1),
        ].filter((p) => !(p.k === 'lit' && p.v === '' && !p.q));
        assigns.push({ name: m[1]!, value: rest });
      } else {
        words.push(tok.parts);
      }
      end = tok.pos + tok.raw.length;
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.fail(this.peek());
    return this.add({ t: 'cmd', assigns, words, redirs, src: this.src.slice(startTok.pos, end) });
  }

  finish(): void {
    const tok = this.peek();
    if (tok.t !== 'eof') this.fail(tok);
  }
}

/**
 * Parses `src`, appending nodes to `nodes` (so a running program can grow its
 * AST with trap handlers). Throws ShellSyntaxError like the shell would.
 */
export function parseInto(nodes: Node[], src: string): ParseResult {
  const toks = tokenize(src);
  const p = new Parser(toks, nodes, src);
  const root = p.list();
  p.finish();
  return { root, unsupported: p.unsupported };
}

export interface Script {
  nodes: Node[];
  root: number;
}

export function parse(src: string): Script & { unsupported: Unsupported[] } {
  const nodes: Node[] = [];
  const r = parseInto(nodes, src);
  return { nodes, root: r.root, unsupported: r.unsupported };
}

/** The source text of a word, for messages (`$HOME` stays `$HOME`). */
export function wordText(w: Word): string {
  return w
    .map((p) =>
      p.k === 'lit'
        ? p.v
        : p.k === 'var'
          ? `$${p.name}`
          : p.k === 'sub'
            ? `$(${p.src})`
            : `$((${p.src}))`,
    )
    .join('');
}
