/**
 * A small synchronous DEFLATE decoder (RFC 1951, raw: no zlib or gzip wrapper), so a share
 * link opens before the first render and in browsers without DecompressionStream. It follows
 * the canonical-Huffman walk of zlib's reference decoder: short and clear rather than fast, which
 * is plenty for a few kilobytes of link. Output is capped to guard against decompression bombs.
 */

export class InflateError extends Error {}

const MAX_BITS = 15;

interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++;
  counts[0] = 0;
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym]!;
    if (len !== 0) symbols[offsets[len]!++] = sym;
  }
  return { counts, symbols };
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

let fixed: { lit: Huffman; dist: Huffman } | undefined;
function fixedTables() {
  if (!fixed) {
    const lit = new Uint8Array(288);
    lit.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixed = { lit: huffman(lit), dist: huffman(new Uint8Array(30).fill(5)) };
  }
  return fixed;
}

export function inflateRaw(input: Uint8Array, maxOutput = 1 << 20): Uint8Array {
  let pos = 0;
  let bitBuf = 0;
  let bitCnt = 0;
  let out = new Uint8Array(Math.min(maxOutput, Math.max(1024, input.length * 4)));
  let outLen = 0;

  const bits = (n: number): number => {
    while (bitCnt < n) {
      if (pos >= input.length) throw new InflateError('unexpected end of data');
      bitBuf |= input[pos++]! << bitCnt;
      bitCnt += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };

  const decode = (h: Huffman): number => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= bits(1);
      const count = h.counts[len]!;
      if (code - count < first) return h.symbols[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalid Huffman code');
  };

  const reserve = (n: number) => {
    if (outLen + n > maxOutput) throw new InflateError('output too large');
    if (outLen + n <= out.length) return;
    const grown = new Uint8Array(Math.min(maxOutput, Math.max(out.length * 2, outLen + n)));
    grown.set(out.subarray(0, outLen));
    out = grown;
  };

  const codes = (lit: Huffman, dist: Huffman) => {
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        reserve(1);
        out[outLen++] = sym;
      } else if (sym === 256) {
        return;
      } else {
        const li = sym - 257;
        if (li >= LENGTH_BASE.length) throw new InflateError('invalid length code');
        const length = LENGTH_BASE[li]! + bits(LENGTH_EXTRA[li]!);
        const di = decode(dist);
        if (di >= DIST_BASE.length) throw new InflateError('invalid distance code');
        const distance = DIST_BASE[di]! + bits(DIST_EXTRA[di]!);
        if (distance > outLen) throw new InflateError('distance too far back');
        reserve(length);
        for (let i = 0; i < length; i++, outLen++) out[outLen] = out[outLen - distance]!;
      }
    }
  };

  const dynamicTables = () => {
    const nlen = bits(5) + 257;
    const ndist = bits(5) + 1;
    const ncode = bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('bad table counts');
    const lengths = new Uint8Array(nlen + ndist);
    const clen = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) clen[CODE_LENGTH_ORDER[i]!] = bits(3);
    const lencode = huffman(clen);
    let i = 0;
    while (i < nlen + ndist) {
      const sym = decode(lencode);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (sym === 16) {
        if (i === 0) throw new InflateError('repeat with no previous length');
        value = lengths[i - 1]!;
        repeat = 3 + bits(2);
      } else if (sym === 17) repeat = 3 + bits(3);
      else repeat = 11 + bits(7);
      if (i + repeat > nlen + ndist) throw new InflateError('too many lengths');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new InflateError('no end-of-block code');
    return { lit: huffman(lengths.subarray(0, nlen)), dist: huffman(lengths.subarray(nlen)) };
  };

  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCnt = 0;
      if (pos + 4 > input.length) throw new InflateError('unexpected end of data');
      const len = input[pos]! | (input[pos + 1]! << 8);
      const nlen = input[pos + 2]! | (input[pos + 3]! << 8);
      pos += 4;
      if (len !== (~nlen & 0xffff)) throw new InflateError('stored block length mismatch');
      if (pos + len > input.length) throw new InflateError('unexpected end of data');
      reserve(len);
      out.set(input.subarray(pos, pos + len), outLen);
      outLen += len;
      pos += len;
    } else if (type === 1) {
      const t = fixedTables();
      codes(t.lit, t.dist);
    } else if (type === 2) {
      const t = dynamicTables();
      codes(t.lit, t.dist);
    } else throw new InflateError('invalid block type');
  }
  if (pos !== input.length) throw new InflateError('data after the end of the stream');
  // Encoders pad the last byte with zeros; refusing other padding makes every edit detectable.
  if (bitBuf !== 0) throw new InflateError('non-zero padding after the last block');
  return out.slice(0, outLen);
}

/** The simplest valid DEFLATE stream: stored (uncompressed) blocks. Used when CompressionStream is missing. */
export function deflateRawStored(input: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(input.length / 0xffff));
  const out = new Uint8Array(input.length + blocks * 5);
  let o = 0;
  for (let b = 0; b < blocks; b++) {
    const chunk = input.subarray(b * 0xffff, (b + 1) * 0xffff);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = chunk.length & 0xff;
    out[o++] = chunk.length >>> 8;
    out[o++] = ~chunk.length & 0xff;
    out[o++] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, o);
    o += chunk.length;
  }
  return out;
}
