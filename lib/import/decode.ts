/**
 * Byte → text for CSV imports (docs/import.md): UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM, and GBK/GB18030 as saved by Chinese Excel. Without a BOM the bytes are sniffed:
 * valid UTF-8 is UTF-8; bytes that are mostly valid UTF-8 with a few broken sequences are a
 * mixed-encoding file (decoded as UTF-8 — the broken rows carry U+FFFD and are rejected);
 * anything else is GB18030 (a superset of GBK and GB2312).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of BOM to skip. */
  bomLength: number;
  /** UTF-8 with some invalid sequences: rows holding U+FFFD are rejected. */
  mixed: boolean;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (a truncated tail is not invalid). */
function scanUtf8(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else {
      invalid++;
      i++;
      continue;
    }
    // A sequence running past the sample's end: the sample was cut mid-character.
    if (i + need >= n) break;
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multi++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

/** Decide the encoding from the first bytes of a file (pass at least 64 KiB when streaming). */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, mixed: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, mixed: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, mixed: false };
  const { multi, invalid } = scanUtf8(head);
  if (invalid === 0) return { encoding: 'utf-8', bomLength: 0, mixed: false };
  if (multi > invalid) return { encoding: 'utf-8', bomLength: 0, mixed: true };
  return { encoding: 'gb18030', bomLength: 0, mixed: false };
}

/** A streaming decoder: feed byte chunks, get text; the BOM is dropped. */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private skip: number;

  constructor(readonly guess: EncodingGuess) {
    this.decoder = new TextDecoder(guess.encoding, { fatal: false, ignoreBOM: true });
    this.skip = guess.bomLength;
  }

  push(chunk: Uint8Array): string {
    let c = chunk;
    if (this.skip > 0) {
      const drop = Math.min(this.skip, c.length);
      c = c.subarray(drop);
      this.skip -= drop;
    }
    return this.decoder.decode(c, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}

/** Decode a whole file. */
export function decodeBytes(bytes: Uint8Array): { text: string; guess: EncodingGuess } {
  const guess = detectEncoding(bytes);
  const d = new ChunkDecoder(guess);
  return { text: d.push(bytes) + d.end(), guess };
}
