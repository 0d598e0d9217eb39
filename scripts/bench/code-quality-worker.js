/**
 * Child process (forked by code-quality.ts): runs miniprogram-ci's checkCodeQuality and its dependency analyser
 * on a compiled copy of the project and sends the result to the parent over IPC.
 *
 * A child because miniprogram-ci's analyser starts a chokidar watcher on every folder it scans and never closes
 * it (checkCodeQuality keeps no handle on it), which would keep the caller's process alive; it also prints
 * progress lines that we do not want in the bench output.
 *
 * No network: checkCodeQuality only reads project.config.json, app.json and the files. The appid is a dummy
 * and the "upload key" a throwaway RSA key made here in memory (never written to disk): ci.Project requires
 * one, nothing in this path signs or sends anything.
 */
const { generateKeyPairSync } = require('crypto');
const path = require('path');

function throwawayPrivateKey() {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    // pkcs1 ("BEGIN RSA PRIVATE KEY") is the format of the upload keys the mp console hands out.
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return privateKey;
}

/** Dependency graph as DevTools' analyser sees it: reachable files, plus every import it could not resolve. */
async function analyseGraph(root) {
  const { Analyzer } = require('miniprogram-ci/dist/common/code-analyse');
  const problems = [];
  const recorder = {
    name: 'wmpf-bench-recorder',
    onDepResolveFailed(dep, error) {
      const from = dep.originModule ? dep.originModule.path : '?';
      problems.push(
        `${from}: cannot resolve "${dep.request}" (${error && error.message ? error.message : error})`,
      );
    },
    onModuleBuildFailed(module, _cost, error) {
      problems.push(`${module.path}: ${error && error.message ? error.message : error}`);
    },
  };
  const analyzer = new Analyzer({ root, type: 'miniprogram', plugins: [recorder] });
  try {
    await analyzer.analyse();
    const serialized = analyzer.serialize();
    const reachable = (serialized ? serialized.files : [])
      .filter((f) => f.moduleId !== null && f.moduleId !== undefined)
      .map((f) => ({ path: f.path, size: f.size }));
    return { reachable, problems };
  } finally {
    analyzer.destroy();
  }
}

async function main() {
  const copyDir = process.argv[2];
  const miniprogramRoot = process.argv[3];
  if (!copyDir || !miniprogramRoot)
    throw new Error('usage: code-quality-worker.js <copyDir> <miniprogramRoot>');
  const ci = require('miniprogram-ci');
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: copyDir,
    privateKey: throwawayPrivateKey(),
  });
  // checkCodeQuality turns an item whose handler throws into a PASS and only console.errors the error.
  const checkerErrors = [];
  const consoleError = console.error;
  console.error = (...args) =>
    checkerErrors.push(args.map((a) => (a && a.message ? a.message : String(a))).join(' '));
  let items;
  try {
    items = await ci.checkCodeQuality(project);
  } finally {
    console.error = consoleError;
  }
  const graph = await analyseGraph(path.posix.join(copyDir.replace(/\\/g, '/'), miniprogramRoot));
  return { items, checkerErrors, graph };
}

main().then(
  (result) => process.send({ ok: true, result }, () => process.exit(0)),
  (error) =>
    process.send({ ok: false, error: error && error.stack ? error.stack : String(error) }, () =>
      process.exit(1),
    ),
);
