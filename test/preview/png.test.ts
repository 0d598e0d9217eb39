import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';
import { isBlank } from '../../harness/preview/screenshot';

/** A 2×2 PNG file with these RGBA pixels. */
function pngFile(pixels: number[][]): string {
  const png = new PNG({ width: 2, height: 2 });
  png.data = Buffer.from(pixels.flat());
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'png-test-')), 'x.png');
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}

describe('blank screenshot check', () => {
  const background = [244, 245, 247, 255];

  it('calls a single-colour image blank', () => {
    expect(isBlank(pngFile([background, background, background, background]))).toBe(true);
  });

  it('calls an image with one different pixel drawn', () => {
    expect(isBlank(pngFile([background, background, background, [31, 35, 41, 255]]))).toBe(false);
  });

  it('rejects a file that is not a PNG', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'png-test-')), 'x.png');
    fs.writeFileSync(file, 'GIF89a');
    expect(() => isBlank(file)).toThrow();
  });
});
