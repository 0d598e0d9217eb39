/**
 * Lets plain Node require() TypeScript files (the pages, services and test helpers) the way jest's ts-jest does:
 * each .ts file is transpiled on load with typescript.transpileModule (CommonJS, ES2020, no type check —
 * `npm run typecheck` does that). Use with `node -r ./scripts/register-ts.js some-script.ts`.
 */
const fs = require('fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
};

function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
}

/**
 * Resolution order matters: miniprogram-simulate require()s '<page>/index' without an extension, and a page has
 * index.json next to index.ts. Node tries extensions in insertion order, so '.ts' must come before '.json' or Node
 * would load the page's JSON instead of its code. '.js' stays first so packages shipping both keep their .js.
 */
function registerTs(extensions) {
  const later = Object.entries(extensions).filter(([ext]) => ext !== '.js' && ext !== '.ts');
  for (const [ext] of later) Reflect.deleteProperty(extensions, ext);
  extensions['.ts'] = compileTs;
  for (const [ext, handler] of later) extensions[ext] = handler;
}

registerTs(require.extensions);
// stack traces point at the .ts lines (inline source maps above)
process.setSourceMapsEnabled(true);

// `#contract` (server/package.json "imports") names the built contract under server/dist; run from TypeScript
// sources (the server's tests start src/dev.ts and other scripts this way), it is the contract's source.
const Module = require('module');
const path = require('path');
const CONTRACT_SOURCE = path.join(__dirname, '..', 'miniprogram', 'contract', 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveContract(request, ...rest) {
  return resolveFilename.call(this, request === '#contract' ? CONTRACT_SOURCE : request, ...rest);
};
