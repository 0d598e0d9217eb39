import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MP_ROOT, PROJECT_ROOT } from '../../harness/package/files';
import {
  effectiveAppId,
  TOURIST_APPID,
  withoutPlugins,
  writeDevtoolsVariant,
} from '../../harness/package/devtools-variant';

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the DevTools project without a plugin-enabled AppID (docs/devtools.md)', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'devtools-variant-')), 'out');
    writeDevtoolsVariant(dir);
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('declares no plugin and keeps everything else of app.json', () => {
    const source = readJson(path.join(MP_ROOT, 'app.json'));
    const copy = readJson(path.join(dir, 'miniprogram', 'app.json'));
    expect(source.plugins).toBeDefined();
    expect(copy.plugins).toBeUndefined();
    expect(copy).toEqual(withoutPlugins(source));
    expect(copy.pages).toEqual(source.pages);
    expect(copy.subpackages).toEqual(source.subpackages);
  });

  it('drops a plugin declared by a subpackage too', () => {
    const app = {
      pages: ['a'],
      subpackages: [{ root: 'b', pages: ['c'], plugins: { p: { version: '1' } } }],
    };
    expect(withoutPlugins(app)).toEqual({ pages: ['a'], subpackages: [{ root: 'b', pages: ['c'] }] });
  });

  it('is a DevTools project on the placeholder AppID with the same settings and compile modes', () => {
    const source = readJson(path.join(PROJECT_ROOT, 'project.config.json'));
    const copy = readJson(path.join(dir, 'project.config.json'));
    expect(copy.appid).toBe(TOURIST_APPID);
    expect(copy.miniprogramRoot).toBe(source.miniprogramRoot);
    expect(copy.condition).toEqual(source.condition);
    expect((copy.setting as Record<string, unknown>).useCompilerPlugins).toEqual(['typescript']);
  });

  it('holds every other file of miniprogram/ unchanged, miniprogram_npm included', () => {
    const files = (root: string, rel = ''): string[] =>
      fs.readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
        const child = path.join(rel, e.name);
        return e.isDirectory() ? files(root, child) : [child];
      });
    const source = files(MP_ROOT).filter((f) => f !== 'app.json');
    expect(source.some((f) => f.startsWith('miniprogram_npm'))).toBe(true);
    for (const file of source) {
      expect(
        fs
          .readFileSync(path.join(dir, 'miniprogram', file))
          .equals(fs.readFileSync(path.join(MP_ROOT, file))),
      ).toBe(true);
    }
  });

  it('reads the AppID DevTools uses: project.private.config.json over project.config.json', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appid-'));
    fs.writeFileSync(path.join(root, 'project.config.json'), JSON.stringify({ appid: TOURIST_APPID }));
    expect(effectiveAppId(root)).toBe(TOURIST_APPID);
    fs.writeFileSync(
      path.join(root, 'project.private.config.json'),
      JSON.stringify({ appid: 'wx0123456789abcdef' }),
    );
    expect(effectiveAppId(root)).toBe('wx0123456789abcdef');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
