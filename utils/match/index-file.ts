/**
 * The compiled index as bytes: the file the build writes (index.bin), which the content script reads
 * from the package, its tables on one buffer the page views in place (ADR 0002).
 */
import type { CompiledIndex, CompiledTables } from './compiled';

/** Bumped whenever the layout below changes. */
export const COMPILED_VERSION = 5;

/** The packaged file's path in the extension (web-accessible to content scripts only through a dynamic URL in Chromium). */
export const INDEX_FILE = 'index.bin';

const INT32 = ['firstChild', 'rest', 'terminal', 'root2', 'wide', 'patternStart', 'patternAliases', 'aliasEntity', 'stringStart'] as const;
const UINT16 = ['edge', 'pool', 'fold'] as const;
const UINT8 = ['noBoundary', 'aliasFlags', 'entityType', 'kind'] as const;
const ORDER = [...INT32, ...UINT16, ...UINT8] as const;
const HEADER = 2 + ORDER.length;

/**
 * The index as one file: a little-endian Uint32 byte length of the JSON head ({v, types, context, period, hints}),
 * the Uint32 byte length of the strings (UTF-8), then the head, the strings and the tables, each
 * starting on a 4-byte boundary.
 */
export function encodeIndexFile(c: CompiledIndex): Uint8Array {
  // UTF-8 gives back the same string only when it holds no lone surrogate: offsets depend on it.
  if (typeof c.strings === 'string' && /\p{Cs}/u.test(c.strings)) throw new Error('an entity or alias holds a lone surrogate');
  const enc = new TextEncoder();
  const head = enc.encode(JSON.stringify({ v: c.v, types: c.types, context: c.context, period: c.period, hints: c.hints }));
  const strings = typeof c.strings === 'string' ? enc.encode(c.strings) : c.strings;
  const tables = typeof c.bin === 'string' ? fromBase64(c.bin) : c.bin;
  const pad = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(8 + pad(head.length) + pad(strings.length) + tables.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.length, true);
  view.setUint32(4, strings.length, true);
  out.set(head, 8);
  out.set(strings, 8 + pad(head.length));
  out.set(tables, 8 + pad(head.length) + pad(strings.length));
  return out;
}

export function decodeIndexFile(buffer: ArrayBuffer): CompiledIndex {
  const view = new DataView(buffer);
  const headLength = view.getUint32(0, true);
  const stringsLength = view.getUint32(4, true);
  const pad = (n: number) => (n + 3) & ~3;
  const dec = new TextDecoder();
  const head = JSON.parse(dec.decode(new Uint8Array(buffer, 8, headLength))) as Pick<CompiledIndex, 'v' | 'types' | 'context' | 'period' | 'hints'>;
  if (head.v !== COMPILED_VERSION) throw new Error(`index file version ${String(head.v)}, expected ${String(COMPILED_VERSION)}`);
  const stringsAt = 8 + pad(headLength);
  // Left as bytes: a page decodes the few strings it needs (the entities it found), never all 0.8 MB.
  const strings = new Uint8Array(buffer, stringsAt, stringsLength);
  return { ...head, strings, bin: new Uint8Array(buffer, stringsAt + pad(stringsLength)) };
}

/** All tables on one buffer: a header of lengths, then Int32, Uint16 and Uint8 arrays, each 4-byte aligned. */
export function encodeTables(t: CompiledTables): Uint8Array {
  let bytes = HEADER * 4;
  for (const name of ORDER) bytes += (t[name].byteLength + 3) & ~3;
  const out = new Uint8Array(bytes);
  const header = new Int32Array(out.buffer, 0, HEADER);
  header[0] = COMPILED_VERSION;
  header[1] = ORDER.length;
  let offset = HEADER * 4;
  ORDER.forEach((name, k) => {
    const a = t[name];
    header[2 + k] = a.length;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += (a.byteLength + 3) & ~3;
  });
  return out;
}

/** Views on the buffer: no copy, no rebuild. */
export function decodeTables(bytes: Uint8Array): CompiledTables {
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const header = new Int32Array(buf.buffer, buf.byteOffset, HEADER);
  if (header[0] !== COMPILED_VERSION || header[1] !== ORDER.length)
    throw new Error(`compiled index version ${header[0]}, expected ${String(COMPILED_VERSION)}`);
  let offset = buf.byteOffset + HEADER * 4;
  const out: Partial<Record<(typeof ORDER)[number], Int32Array | Uint16Array | Uint8Array>> = {};
  ORDER.forEach((name, k) => {
    const n = header[2 + k];
    const Ctor = (INT32 as readonly string[]).includes(name) ? Int32Array : (UINT16 as readonly string[]).includes(name) ? Uint16Array : Uint8Array;
    out[name] = new Ctor(buf.buffer as ArrayBuffer, offset, n);
    offset += (n * Ctor.BYTES_PER_ELEMENT + 3) & ~3;
  });
  return out as CompiledTables;
}

type Base64 = { toBase64?: () => string };
type FromBase64 = { fromBase64?: (s: string) => Uint8Array };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64).toBase64;
  if (native) return native.call(bytes);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Native where the browser has it (Chromium 140+, Firefox 133+): a few hundred µs per MB. */
export function fromBase64(s: string): Uint8Array {
  const native = (Uint8Array as unknown as FromBase64).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
