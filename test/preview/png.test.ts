import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { crc32, deflateSync } from 'zlib';
import { countColours, decodePng, pngSize } from '../../scripts/preview/png';
import { isBlank } from '../../scripts/preview/screenshot';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG from already filtered scanlines (each starting with its filter byte). */
function rgbPng(width: number, height: number, scanlines: number[][]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(scanlines.flat()))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function tempPng(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'png-test-')), 'x.png');
  fs.writeFileSync(file, buf);
  return file;
}

describe('PNG decoding for the blank check', () => {
  it('undoes the None, Sub, Up, Average and Paeth filters', () => {
    // 2×5 image; every row decodes to pixels (10,20,30) and (40,60,80)
    const png = rgbPng(2, 5, [
      [0, 10, 20, 30, 40, 60, 80],
      [1, 10, 20, 30, 30, 40, 50], // Sub: second pixel minus first
      [2, 0, 0, 0, 0, 0, 0], // Up: same as the row above
      [3, 5, 10, 15, 15, 20, 25], // Average of left and up
      [4, 0, 0, 0, 0, 0, 0], // Paeth: predicts the row above here
    ]);
    const decoded = decodePng(png);
    expect(pngSize(png)).toEqual({ width: 2, height: 5 });
    expect(decoded.channels).toBe(3);
    for (let y = 0; y < 5; y++) {
      expect([...decoded.pixels.subarray(y * 6, y * 6 + 6)]).toEqual([10, 20, 30, 40, 60, 80]);
    }
    expect(countColours(decoded)).toBe(2);
  });

  it('tells a single-colour image from a drawn one', () => {
    const blank = rgbPng(2, 2, [
      [0, 244, 245, 247, 244, 245, 247],
      [2, 0, 0, 0, 0, 0, 0],
    ]);
    const drawn = rgbPng(2, 2, [
      [0, 244, 245, 247, 244, 245, 247],
      [0, 244, 245, 247, 31, 35, 41],
    ]);
    expect(isBlank(tempPng(blank))).toBe(true);
    expect(isBlank(tempPng(drawn))).toBe(false);
  });

  it('rejects what is not a PNG Chromium writes', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow('not a PNG file');
  });
});
