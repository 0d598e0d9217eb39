/** Every page the product has (app.json, subpackages included) gets a preview from `npm start`. */
import * as fs from 'fs';
import * as path from 'path';
import { PREVIEW_STATES } from '../../harness/preview/states';

interface AppJson {
  pages: string[];
  subpackages?: Array<{ root: string; pages: string[] }>;
}

function pagesOfApp(): string[] {
  const app = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../miniprogram/app.json'), 'utf8'),
  ) as AppJson;
  const sub = (app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
  return [...app.pages, ...sub];
}

describe('previews', () => {
  it.each(pagesOfApp())('%s has at least one preview state', (route) => {
    expect(PREVIEW_STATES.map((s) => s.route)).toContain(route);
  });
});
