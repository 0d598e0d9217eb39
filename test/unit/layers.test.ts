/**
 * The layers (README "Code layout"): a page's or component's view module (its index.ts) reaches store state only
 * through mobx-miniprogram-bindings and imports no service at runtime; only services touch wx, wmpf and
 * requirePlugin. A subpackage keeps its store and the services only it uses beside its page, because code ships in
 * the package whose folder holds it; its view module follows the same rule.
 */
import * as fs from 'fs';
import * as path from 'path';

const MP = path.join(__dirname, '../../miniprogram');

function tsFiles(folder: string): string[] {
  return (fs.readdirSync(path.join(MP, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

const source = (file: string) => fs.readFileSync(path.join(MP, file), 'utf8');

/** Runtime imports (not `import type`) of a file, as written. */
function runtimeImports(file: string): string[] {
  return [...source(file).matchAll(/^import\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
}

const viewModules = [...tsFiles('pages'), ...tsFiles('packages'), ...tsFiles('components')].filter(
  (file) => path.basename(file) === 'index.ts',
);

describe('layers', () => {
  it('finds the view modules of every page and component', () => {
    expect(viewModules.length).toBeGreaterThanOrEqual(8);
  });

  it.each(viewModules)('%s imports no service at runtime', (file) => {
    const services = runtimeImports(file).filter((spec) => /(^|\/)platform\//.test(spec));
    expect(services).toEqual([]);
  });

  it.each(viewModules.filter((file) => source(file).includes('appStores')))(
    '%s binds the stores with mobx-miniprogram-bindings',
    (file) => {
      expect(runtimeImports(file)).toContain('mobx-miniprogram-bindings');
    },
  );

  it('lets only services (and the simulator, never shipped) touch wx, wmpf or requirePlugin', () => {
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
        source(file)
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
          .some((line) => /\bwx\.|\bwmpf\.|\brequirePlugin\(/.test(line)),
      );
    expect(others).toEqual([]);
  });
});
