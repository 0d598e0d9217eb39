/**
 * Runs an npm script's command under a Node this project supports (package.json engines: 22.17+ or 24+). On an older
 * Node — Node 20 has no Node-API 10, which better-sqlite3 13 needs — it takes .nvmrc's Node from the npm registry's
 * `node` package (cached; .ci/node-lts bin) and runs the command with it first on the PATH, so that the README's two
 * commands work with nothing but some Node and the registry. Plain CommonJS: it must start on any Node.
 *   node scripts/with-node-lts.js '<shell command>'     (one argument: run by the shell, e.g. with &&)
 *   node scripts/with-node-lts.js <program> <args ...>  (npm's extra arguments stay as they were given)
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major >= 24 || (major === 22 && minor >= 17);
const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/with-node-lts.js <command ...>');
  process.exit(2);
}

const env = { ...process.env };
if (!supported) {
  const wanted = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
  console.log(
    `Node ${process.version} is older than this project needs (22.17+ or 24): using Node ${wanted} from npm`,
  );
  const bin = execFileSync('bash', [path.join(root, '.ci', 'node-lts'), 'bin', wanted], {
    encoding: 'utf8',
  }).trim();
  env.PATH = `${bin}${path.delimiter}${env.PATH ?? ''}`;
}
const options = { cwd: process.cwd(), env, stdio: 'inherit' };
const result =
  args.length === 1
    ? spawnSync(args[0], { ...options, shell: true })
    : spawnSync(args[0], args.slice(1), { ...options, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
