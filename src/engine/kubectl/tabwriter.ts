/**
 * A port of the column algorithm of Go's `text/tabwriter`, as kubectl uses it:
 * `describe` (minwidth 0, tabwidth 8, padding 2, pad char ' ', flags 0) and the
 * `get` table printer (minwidth 6, padding 3, with the `RememberWidths` flag of
 * the fork cli-runtime vendors, so a column never narrows across flushes).
 *
 * Text is split into lines and lines into tab-terminated cells; the text after
 * the last tab of a line is not part of any column and is never padded. A
 * column block is a run of consecutive lines that all have a cell in that
 * column; its width is the widest cell plus the padding (at least minwidth).
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };

/** Display width: one per code point (Go counts runes). */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class Tabwriter {
  private buffered = '';
  private out = '';
  /** Widths remembered per column index (RememberWidths), when enabled. */
  private readonly remembered: number[] | undefined;

  constructor(
    private readonly opts: TabwriterOptions,
    rememberWidths = false,
  ) {
    this.remembered = rememberWidths ? [] : undefined;
  }

  write(text: string): void {
    this.buffered += text;
  }

  /** Formats everything written since the last flush and appends it to the output. */
  flush(): void {
    if (this.buffered === '') return;
    const text = this.buffered;
    this.buffered = '';
    const endsWithNewline = text.endsWith('\n');
    const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
    const lines = rawLines.map((l) => l.split('\t'));
    const formatted = this.format(lines);
    this.out += formatted.join('\n') + (endsWithNewline ? '\n' : '');
  }

  /** Flushes and returns all the output so far. */
  toString(): string {
    this.flush();
    return this.out;
  }

  private format(lines: string[][]): string[] {
    const widths: number[] = [];
    const result: string[] = new Array<string>(lines.length);
    const render = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const cells = lines[i]!;
        let s = '';
        cells.forEach((cell, j) => {
          s += cell;
          if (j < cells.length - 1 && j < widths.length) {
            s += ' '.repeat(Math.max(0, widths[j]! - runeWidth(cell)));
          }
        });
        result[i] = s;
      }
    };
    const block = (line0: number, line1: number): void => {
      const column = widths.length;
      let start = line0;
      for (let i = line0; i < line1; i++) {
        if (column >= lines[i]!.length - 1) continue;
        render(start, i);
        const begin = i;
        let width = this.opts.minwidth;
        for (; i < line1; i++) {
          const cells = lines[i]!;
          if (column >= cells.length - 1) break;
          width = Math.max(width, runeWidth(cells[column]!) + this.opts.padding);
        }
        if (this.remembered) {
          const prev = this.remembered[column] ?? 0;
          if (prev > width) width = prev;
          else this.remembered[column] = width;
        }
        widths.push(width);
        block(begin, i);
        widths.pop();
        start = i;
        i--; // the outer loop re-examines line i (it ended the block)
      }
      render(start, line1);
    };
    block(0, lines.length);
    return result;
  }
}

/** Formats `text` in one flush. */
export function tabwrite(text: string, opts: TabwriterOptions = DESCRIBE_TABWRITER): string {
  const w = new Tabwriter(opts);
  w.write(text);
  return w.toString();
}
