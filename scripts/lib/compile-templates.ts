/**
 * Compiles every WXML and WXSS under miniprogram/ with the official compiler (wcc / wcsc, shipped with
 * miniprogram-compiler, the one miniprogram-simulate uses). A syntax error throws with the compiler's message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { wxmlToJs, wxssToJs } from 'miniprogram-compiler';
import { listFiles, MP_ROOT } from '../../harness/package/files';

const maxBuffer = 64 * 1024 * 1024;

/** The stylesheets a WXSS file @imports, relative to MP_ROOT: the compiler needs them beside it. */
function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) =>
    path.relative(MP_ROOT, path.resolve(path.dirname(file), m[1])).replace(/\\/g, '/'),
  );
}

export function compileTemplates(): { wxmlCount: number; wxssCount: number } {
  const wxml = listFiles(MP_ROOT, '.wxml');
  const wxss = listFiles(MP_ROOT, '.wxss');
  wxmlToJs(MP_ROOT, { maxBuffer });
  // wcsc reports broken WXSS with an unhelpful message; compile our own files one by one to name the culprit.
  for (const file of wxss.filter((f) => !f.includes(`${path.sep}miniprogram_npm${path.sep}`))) {
    const rel = path.relative(MP_ROOT, file).replace(/\\/g, '/');
    try {
      wxssToJs(MP_ROOT, { wxssList: [rel, ...importsOf(file)], maxBuffer });
    } catch (err) {
      throw new Error(
        `WXSS compile error in miniprogram/${rel}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  }
  wxssToJs(MP_ROOT, { maxBuffer });
  return { wxmlCount: wxml.length, wxssCount: wxss.length };
}
