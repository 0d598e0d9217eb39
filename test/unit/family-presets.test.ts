/**
 * The DevTools compile modes of adding family play what a new user would try: the phone's pairing page opened from a
 * scanned (live) code, and the device's "Add family" view with a family member who scans it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PHONE_PAIRING_QUERY, presetFor } from '../../miniprogram/simulator/presets';
import { find, renderPage, simulate, textOf, viewUpdated } from '../../harness/pages';
import { installSimulatedPlatform } from '../../harness/platform';
import { createFakeClock } from '../../harness/fake-clock';

const projectConfig = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8'),
) as { condition: { miniprogram: { list: Array<{ pathName: string; query: string }> } } };
const modes = projectConfig.condition.miniprogram.list;

function install(preset: string) {
  const { role, configure } = presetFor(preset);
  return installSimulatedPlatform({
    clock: createFakeClock(),
    role,
    scenario: configure,
    startStores: role !== 'phone',
  });
}

describe('compile mode "phone pairing"', () => {
  it('opens the pairing page with the live code the simulated backend holds', () => {
    expect(modes).toContainEqual(
      expect.objectContaining({ pathName: 'packages/phone/pairing/index', query: PHONE_PAIRING_QUERY }),
    );
  });

  it('lets a family member agree, give a name and be added', async () => {
    const t = install('phone-pairing');
    const query = Object.fromEntries(new URLSearchParams(PHONE_PAIRING_QUERY));
    const { comp } = await renderPage('packages/phone/pairing/index', query);
    await t.clock.runAll();
    await simulate.sleep(0);
    expect(textOf(comp.querySelector('#device-name'))).toBe('奶奶家的通话屏');
    (comp.instance as unknown as { onNameChange(e: { detail: string }): void }).onNameChange({
      detail: '小丽',
    });
    find(comp, '#agree').dispatchEvent('click');
    await t.clock.runAll();
    await simulate.sleep(0);
    expect(textOf(comp.querySelector('#done'))).toContain('添加好了');
  });
});

describe('compile mode "family scans the code"', () => {
  it('opens Add family, where 小丽 is added a few seconds later', async () => {
    expect(modes).toContainEqual(
      expect.objectContaining({ pathName: 'packages/add-family/index', query: 'sim=family-scans' }),
    );
    const t = install('family-scans');
    const { comp } = await renderPage('packages/add-family/index');
    await t.clock.advance(1000);
    await viewUpdated();
    expect(comp.querySelector('#added')).toBeFalsy();
    await t.clock.advance(8000 + 3000 + 1000);
    await viewUpdated();
    expect(textOf(comp.querySelector('#added'))).toContain('刚刚添加了「小丽」');
    expect(comp.querySelector('#code-image')).toBeTruthy();
    // nobody scans the new code
    const contacts = t.scenario.contacts.length;
    await t.clock.advance(30_000);
    expect(t.scenario.contacts).toHaveLength(contacts);
  });
});
