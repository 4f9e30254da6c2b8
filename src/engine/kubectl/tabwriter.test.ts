import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GET_TABWRITER, Tabwriter, tabwrite } from './tabwriter.ts';

describe('Tabwriter (Go text/tabwriter)', () => {
  it.each([
    ['a\tb\tc\naaa\tbb\tc\n', 'a    b   c\naaa  bb  c\n'],
    // A line without a tab ends every column block.
    ['k:\tv\nsection\nlonger key:\tv\n', 'k:  v\nsection\nlonger key:  v\n'],
    // A column block ends at the first line without a cell in that column.
    ['a\tb\tc\nxx\tyyyy\n\tz\tw\n', 'a   b  c\nxx  yyyy\n    z  w\n'],
    // The text after the last tab is never padded, even when empty.
    ['x\t\n', 'x  \n'],
    // Widths count code points.
    ['é\tx\nab\ty\n', 'é   x\nab  y\n'],
  ])('%j', (input, expected) => {
    expect(tabwrite(input)).toBe(expected);
  });

  it('RememberWidths keeps a column as wide as it ever was', () => {
    const w = new Tabwriter(GET_TABWRITER, true);
    w.write('A\tB\nlong-value\tx\n');
    w.flush();
    w.write('s\ty\n');
    expect(w.toString()).toBe('A            B\nlong-value   x\ns            y\n');
  });

  it('every line keeps its text and grows only by spaces', () => {
    const cell = fc.stringMatching(/^[a-z]{0,6}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        (rows) => {
          const input = rows.map((r) => r.join('\t')).join('\n') + '\n';
          const out = tabwrite(input).split('\n');
          rows.forEach((r, i) => {
            expect(out[i]!.replace(/ /g, '')).toBe(r.join(''));
          });
        },
      ),
    );
  });
});
