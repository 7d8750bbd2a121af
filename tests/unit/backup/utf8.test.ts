import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Byte, NotUtf8Error, readUtf8 } from '../../../utils/utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
/** A Blob that streams in pieces of `size` bytes (odd, so characters fall across pieces). */
function inPieces(input: Uint8Array<ArrayBuffer>, size = 65_537): Blob {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  for (let at = 0; at < input.length; at += size) parts.push(input.slice(at, at + size));
  return new Blob(parts);
}
/** `input` with `byte` written at `at`. */
function withByte(input: Uint8Array<ArrayBuffer>, at: number, byte: number): Uint8Array<ArrayBuffer> {
  const copy = input.slice();
  copy[at] = byte;
  return copy;
}

describe('firstInvalidUtf8Byte', () => {
  it('finds nothing wrong in well-formed text, whatever its characters', () => {
    expect(firstInvalidUtf8Byte(utf8('plain ASCII'))).toBe(-1);
    expect(firstInvalidUtf8Byte(utf8('Café · Ωmega · 漢字 · 👩‍❤️‍👨 · 🇺🇦 · \u{10FFFF}'))).toBe(-1);
    expect(firstInvalidUtf8Byte(bytes())).toBe(-1);
  });

  it.each([
    ['a byte that never starts a character', bytes(0x41, 0xff, 0x41), 1],
    ['a continuation byte on its own', bytes(0x41, 0x42, 0x80), 2],
    ['an overlong two-byte form', bytes(0xc0, 0x80), 0],
    ['an overlong three-byte form', bytes(0x41, 0xe0, 0x80, 0x80), 1],
    ['an overlong four-byte form', bytes(0xf0, 0x80, 0x80, 0x80), 0],
    ['a surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['beyond U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short by an ASCII byte: at its first byte', bytes(0x41, 0xe2, 0x82, 0x41), 1],
    ['a sequence cut short by the end', bytes(0x41, 0x42, 0xf0, 0x9f, 0x98), 2],
    ['a Latin-1 "é" (Windows spreadsheets)', bytes(0x43, 0x61, 0x66, 0xe9, 0x2c), 3],
  ])('%s', (_name, input, offset) => {
    expect(firstInvalidUtf8Byte(input)).toBe(offset);
    expect(() => decodeUtf8(input)).toThrow(NotUtf8Error);
  });

  it('agrees with the browser’s own decoder on random bytes: well-formed exactly when it decodes, and well-formed up to the offset', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (input: Uint8Array) => {
      try {
        strict.decode(input);
        return true;
      } catch {
        return false;
      }
    };
    for (let run = 0; run < 3_000; run++) {
      // Mostly valid text with a few stray bytes, so that both answers come up often.
      const text = utf8(Array.from({ length: 1 + Math.floor(random() * 12) }, () => String.fromCodePoint(Math.floor(random() ** 3 * 0x10ffff) & ~0x800)).join(''));
      const input = Uint8Array.from(text, (b) => (random() < 0.03 ? Math.floor(random() * 256) : b));
      const offset = firstInvalidUtf8Byte(input);
      expect(offset === -1).toBe(decodes(input));
      if (offset >= 0) expect(decodes(input.subarray(0, offset))).toBe(true);
    }
  });
});

describe('decodeUtf8 and readUtf8', () => {
  it('decode well-formed text, dropping a byte order mark as Blob.text() does', async () => {
    const input = bytes(0xef, 0xbb, 0xbf, ...utf8('{"title":"Café"}'));
    expect(decodeUtf8(input)).toBe('{"title":"Café"}');
    expect(await readUtf8(new Blob([input]))).toBe(await new Blob([input]).text());
    expect(await readUtf8(new Blob([input]), () => undefined)).toBe('{"title":"Café"}');
  });

  it('name the offset and the byte in words the reader can act on', () => {
    const error = (() => {
      try {
        decodeUtf8(bytes(...utf8('x'.repeat(1_233)), 0xff));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(NotUtf8Error);
    expect(error).toMatchObject({ offset: 1_233, byte: 0xff });
    expect((error as Error).message).toBe(
      'This file isn’t UTF-8 text: the byte at offset 1,233 (0xFF) isn’t valid UTF-8, so nothing was read from it. Save the file as UTF-8 and choose it again.',
    );
  });

  it('read piece by piece, report progress, and keep characters split between pieces', async () => {
    // Large enough to come in several pieces, with four-byte characters across every boundary.
    const text = '🙂'.repeat(100_000) + 'é'.repeat(50_001);
    const fractions: number[] = [];
    expect(await readUtf8(inPieces(utf8(text)), (f) => fractions.push(f))).toBe(text);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.at(-1)).toBe(1);
  });

  it('find the first bad byte in the whole file when a later piece fails, also when a sequence starts in the piece before', async () => {
    const good = utf8('🙂'.repeat(100_000));
    for (const at of [0, 5, 65_535, 65_536, 65_537, 131_073, good.length - 4]) {
      // The four-byte character starting at or before `at` loses its second byte: the decoder may notice only in the next piece.
      const start = at - (at % 4);
      const input = withByte(good, start + 1, 0x41);
      await expect(readUtf8(inPieces(input), () => undefined)).rejects.toMatchObject({ offset: start, byte: 0xf0 });
      await expect(readUtf8(new Blob([input]))).rejects.toMatchObject({ offset: start, byte: 0xf0 });
    }
    // A lone bad byte in a later piece.
    await expect(readUtf8(inPieces(withByte(utf8('a'.repeat(300_000)), 200_000, 0xfe)), () => undefined)).rejects.toMatchObject({ offset: 200_000, byte: 0xfe });
    // Cut short by the end of the file.
    await expect(readUtf8(inPieces(good.subarray(0, good.length - 2)), () => undefined)).rejects.toMatchObject({ offset: good.length - 4 });
  });
});
