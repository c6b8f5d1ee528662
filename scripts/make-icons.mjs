#!/usr/bin/env node
// Draws the app and tray icons into build/ as PNGs with nothing but node:zlib, so packaging needs
// no image tool and no extra dependency. Shapes are signed-distance functions, 4×4 supersampled.
// Run: npm run icons (the PNGs are committed; rerun only when the look changes).
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = new URL('../build/', import.meta.url).pathname;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
/** RGBA Float32 pixels (0..1, premultiplied-free) → PNG bytes. */
function png(size, px) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size * 4; x++) raw[y * (size * 4 + 1) + 1 + x] = Math.round(Math.min(1, Math.max(0, px[y * size * 4 + x])) * 255);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Signed distance helpers in a unit square (0..1), negative inside.
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const box = (x0, y0, x1, y1, r = 0) => (x, y) => {
  const dx = Math.max(x0 + r - x, x - x1 + r, 0), dy = Math.max(y0 + r - y, y - y1 + r, 0);
  const inside = Math.min(Math.max(x0 + r - x, x - x1 + r, y0 + r - y, y - y1 + r), 0);
  return Math.hypot(dx, dy) + inside - r;
};
const union = (...fs) => (x, y) => Math.min(...fs.map((f) => f(x, y)));
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

// The key: a ring bow, a shaft and two teeth — "credentials", readable at 16 px.
const key = (s = 1, ox = 0, oy = 0) => {
  const t = (f) => (x, y) => f((x - ox) / s, (y - oy) / s) * s;
  return t(union(minus(circle(0.3, 0.5, 0.2), circle(0.3, 0.5, 0.085)), box(0.46, 0.44, 0.92, 0.56), box(0.74, 0.56, 0.82, 0.7), box(0.84, 0.56, 0.92, 0.66)));
};

/** Renders layers [{ sdf, rgba }] painted in order. */
function render(size, layers) {
  const px = new Float32Array(size * size * 4);
  const ss = 4;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const { sdf, rgba } of layers) {
      let cover = 0;
      for (let j = 0; j < ss; j++) for (let i = 0; i < ss; i++) if (sdf((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size) <= 0) cover++;
      const ca = (cover / (ss * ss)) * rgba[3];
      if (ca === 0) continue;
      const na = ca + a * (1 - ca);
      r = (rgba[0] * ca + r * a * (1 - ca)) / na; g = (rgba[1] * ca + g * a * (1 - ca)) / na; b = (rgba[2] * ca + b * a * (1 - ca)) / na; a = na;
    }
    px.set([r, g, b, a], (y * size + x) * 4);
  }
  return png(size, px);
}

const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255, a];
const BRAND = hex('#e22d3b'); // Twilio-ish red, for the app icon tile
const WHITE = hex('#ffffff');

// App icon: white key on a red rounded tile.
const appIcon = (size) => render(size, [{ sdf: box(0.06, 0.06, 0.94, 0.94, 0.2), rgba: BRAND }, { sdf: key(0.8, 0.1, 0.1), rgba: WHITE }]);
mkdirSync(join(out, 'icons'), { recursive: true });
writeFileSync(join(out, 'icon.png'), appIcon(1024));
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(out, 'icons', `${s}x${s}.png`), appIcon(s));

// Tray: the key plus a badge in the lower right that tells the state apart by shape as well as
// colour (colour alone fails colour-blind users and macOS template images are monochrome).
const badgeArea = circle(0.78, 0.78, 0.22);
const badges = {
  ok: null,
  warning: union(box(0.745, 0.6, 0.815, 0.8, 0.02), circle(0.78, 0.9, 0.04)), // "!"
  error: union(box(0.6, 0.745, 0.96, 0.815, 0.02), box(0.745, 0.6, 0.815, 0.96, 0.02)), // "+" turned below into "×"
  paused: union(box(0.67, 0.62, 0.74, 0.94, 0.02), box(0.82, 0.62, 0.89, 0.94, 0.02)), // "||"
};
const rot45 = (f) => (x, y) => { const c = Math.SQRT1_2, dx = x - 0.78, dy = y - 0.78; return f(0.78 + c * dx - c * dy, 0.78 + c * dx + c * dy); };
badges.error = rot45(badges.error);
const colours = { ok: hex('#2e9e5b'), warning: hex('#e0a100'), error: hex('#d93025'), paused: hex('#8a8a8a') };

mkdirSync(join(out, 'tray'), { recursive: true });
for (const [state, mark] of Object.entries(badges)) {
  const body = key(0.92, -0.02, -0.06);
  for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
    // Windows/Linux: coloured key, white mark on a coloured disc.
    const colour = mark ? [{ sdf: minus(body, circle(0.78, 0.78, 0.28)), rgba: colours[state] }, { sdf: badgeArea, rgba: colours[state] }, { sdf: mark, rgba: WHITE }]
      : [{ sdf: body, rgba: colours.ok }];
    writeFileSync(join(out, 'tray', `${state}${suffix}.png`), render(size, colour));
    // macOS template: black + alpha only; the system tints it for light and dark menu bars.
    const black = hex('#000000');
    const tpl = mark ? [{ sdf: minus(minus(body, circle(0.78, 0.78, 0.28)), circle(0.78, 0.78, 0.28)), rgba: black }, { sdf: minus(badgeArea, mark), rgba: black }]
      : [{ sdf: body, rgba: black }];
    writeFileSync(join(out, 'tray', `${state}Template${suffix}.png`), render(size, tpl));
  }
}
console.log(`icons written to ${out}`);
