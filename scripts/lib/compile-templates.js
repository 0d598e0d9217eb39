/**
 * Compiles every WXML and WXSS file under miniprogram/ with the official WeChat compilers (wcc / wcsc, shipped
 * by miniprogram-compiler, a dependency of miniprogram-simulate). A syntax error throws with the compiler's message.
 */
const path = require('path');
const fs = require('fs');
const { wxmlToJs, wxssToJs } = require('miniprogram-compiler');
const { MP_ROOT } = require('./paths');

function listFiles(dir, ext, acc = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listFiles(full, ext, acc);
    } else if (entry.name.endsWith(ext)) {
      acc.push(full);
    }
  }
  return acc;
}

function compileTemplates() {
  const wxml = listFiles(MP_ROOT, '.wxml');
  const wxss = listFiles(MP_ROOT, '.wxss');
  wxmlToJs(MP_ROOT, { maxBuffer: 64 * 1024 * 1024 });
  // wcsc reports broken WXSS with an unhelpful message; compile our own files one by one to name the culprit.
  const ours = wxss.filter((f) => !f.includes(`${path.sep}miniprogram_npm${path.sep}`));
  for (const file of ours) {
    const rel = path.relative(MP_ROOT, file).replace(/\\/g, '/');
    try {
      wxssToJs(MP_ROOT, { wxssList: [rel], maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      throw new Error(`WXSS compile error in miniprogram/${rel}: ${err && err.message ? err.message : err}`, {
        cause: err,
      });
    }
  }
  wxssToJs(MP_ROOT, { maxBuffer: 64 * 1024 * 1024 });
  return { wxmlCount: wxml.length, wxssCount: wxss.length };
}

module.exports = { compileTemplates };
