/** The project's folders, and the file walk the package analysis shares. */
import * as fs from 'fs';
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const MP_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
export const NPM_DIST = path.join(MP_ROOT, 'miniprogram_npm');

/** Every file under dir (recursively) whose name ends with `ext`, skipping the folders named in `skip`. */
export function listFiles(dir: string, ext = '', skip: string[] = ['node_modules']): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .filter(
      (file) =>
        !path
          .relative(dir, file)
          .split(path.sep)
          .some((part) => skip.includes(part)),
    );
}

export function readJson<T = Record<string, unknown>>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
