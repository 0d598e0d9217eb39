/**
 * The layers (docs/architecture.md): eslint.config.mjs holds who may import whom (no-restricted-imports per folder);
 * this test holds the linter to every "never" of the target layout, by linting one offending import for each, and
 * keeps the one rule a linter cannot see: only platform code (and the simulator, never shipped) touches wx, wmpf or
 * requirePlugin.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const MP = path.join(ROOT, 'miniprogram');

/** [file the import is written in, what it imports, whether the linter must refuse it] */
const CASES: Array<[string, string, boolean]> = [
  [
    'miniprogram/pages/contacts/probe.ts',
    "import { callingStore } from '../../packages/calling/setup';",
    true,
  ],
  ['miniprogram/stores/probe.ts', "import { pairingStore } from '../packages/phone/setup';", true],
  ['miniprogram/stores/probe.ts', "import '../pages/contacts/index';", true],
  ['miniprogram/i18n/probe.ts', "import { callingTexts } from '../packages/calling/messages';", true],
  ['miniprogram/platform/probe.ts', "import { t } from '../i18n/index';", true],
  ['miniprogram/platform/probe.ts', "import { appStores } from '../stores/index';", true],
  ['miniprogram/pages/contacts/probe.ts', "import { hasWmpf } from '../../platform/environment';", true],
  [
    'miniprogram/components/call-history/probe.ts',
    "import { hasWmpf } from '../../platform/environment';",
    true,
  ],
  ['miniprogram/contract/probe.ts', "import { hasWmpf } from '../platform/environment';", true],
  ['server/src/probe.ts', "import { ok } from '../../miniprogram/lib/result';", true],
  ['server/src/probe.ts', "import { isRecord } from '../../miniprogram/simulator/index';", true],
  [
    'miniprogram/pages/contacts/probe.ts',
    "import { createSimulatedPlatform } from '../../simulator/index';",
    true,
  ],
  // what is allowed
  [
    'miniprogram/pages/contacts/probe.ts',
    "import type { RoomType } from '../../platform/voip/types';",
    false,
  ],
  ['miniprogram/packages/calling/probe.ts', "import { hasWmpf } from '../../platform/environment';", false],
  ['miniprogram/stores/probe.ts', "import { hasWmpf } from '../platform/environment';", false],
  ['server/src/probe.ts', "import { API_PATHS } from '#contract';", false],
];

/** One eslint process for every case: the rule's verdict on each line as written in each file. */
function lintCases(): boolean[] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint();
    const verdicts = [];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code + '\\nexport {};\\n', { filePath });
      verdicts.push(result.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports'));
    }
    console.log(JSON.stringify(verdicts));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(CASES)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as boolean[];
}

function tsFiles(folder: string): string[] {
  return (fs.readdirSync(path.join(MP, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

describe('layers', () => {
  it('the linter refuses every arrow the layout forbids, and allows the ones it draws', () => {
    const verdicts = lintCases();
    expect(
      CASES.map(([file, code], i) => `${file}: ${code} → ${verdicts[i] ? 'refused' : 'allowed'}`),
    ).toEqual(CASES.map(([file, code, refused]) => `${file}: ${code} → ${refused ? 'refused' : 'allowed'}`));
  }, 60000);

  it('lets only platform code (and the simulator, never shipped) touch wx, wmpf or requirePlugin', () => {
    const others = [
      'pages',
      'packages',
      'components',
      'stores',
      'view-models',
      'utils',
      'i18n',
      'i18n-en',
      'lib',
      'contract',
    ]
      .flatMap(tsFiles)
      .concat(['app.ts', 'composition-root.ts', 'routes.ts', 'config.ts'])
      .filter((file) =>
        fs
          .readFileSync(path.join(MP, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
          .some((line) => /\bwx\.|\bwmpf\.|\brequirePlugin\(/.test(line)),
      );
    expect(others).toEqual([]);
  });
});
