/**
 * Draws the toolbar icon at every size into public/icon/ (PNG, no dependencies):
 * a blue rounded square with two lines of "text", the second with a dotted
 * underline — Backstory's mark. Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size: number): Buffer {
  const S = 4; // supersampling for smooth edges
  return png(size, (px, py) => {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const x = (px + (sx + 0.5) / S) / size;
        const y = (py + (sy + 0.5) / S) / size;
        const c = shade(x, y);
        acc = acc.map((v, i) => v + c[i]);
      }
    }
    return acc.map((v) => Math.round(v / (S * S))) as [number, number, number, number];
  });
}

function shade(x: number, y: number): number[] {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const white = [255, 255, 255, 255];
  const yellow = [250, 204, 21, 255];
  if (y > 0.26 && y < 0.38 && x > 0.2 && x < 0.8) return white;
  if (y > 0.46 && y < 0.58 && x > 0.2 && x < 0.62) return white;
  if (y > 0.68 && y < 0.78 && x > 0.2 && x < 0.62 && Math.floor((x - 0.2) / 0.105) % 2 === 0) return yellow;
  return [29, 78, 216, 255];
}

mkdirSync('public/icon', { recursive: true });
for (const s of SIZES) writeFileSync(`public/icon/${s}.png`, icon(s));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
