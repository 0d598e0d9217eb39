/**
 * The device's contacts page and the family behind it (real WXML compiler and Vant, simulated device and backend):
 * who was added recently is marked new, the person at the device removes a contact after a confirmation, and a
 * device the backend does not accept says why.
 */
import { SIMULATED_PHONE_OPEN_ID } from '../../miniprogram/simulator/family-scenario';
import { find, renderPage, textAll, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatform, type TestPlatformOptions } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';
/** The fake clock's start (test/helpers/fake-clock.ts). */
const NOW = 1_700_000_000_000;
const HOUR = 60 * 60 * 1000;

async function open(options: TestPlatformOptions = {}): Promise<TestPlatform & { comp: Rendered }> {
  const t = installTestPlatform(options);
  const { comp } = await renderPage(ROUTE);
  await t.clock.runAll();
  await viewUpdated();
  return { ...t, comp };
}

const rowNames = (comp: Rendered) =>
  comp.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n));
const newNames = (comp: Rendered) =>
  rowNames(comp).filter((_, i) => comp.querySelector(`#contact-list >>> #row-${i} .row__new`));

async function tap(t: TestPlatform, comp: Rendered, selector: string) {
  find(comp, selector).dispatchEvent('tap');
  await t.clock.runAll();
  await viewUpdated();
}

describe('contacts page: new family members', () => {
  it('marks the contacts added in the last 24 hours as new', async () => {
    const { comp } = await open({
      scenario: (s) => {
        s.contacts[0].addedAt = NOW - 2 * HOUR;
        s.contacts[1].addedAt = NOW - 25 * HOUR;
        s.contacts.push({
          openId: SIMULATED_PHONE_OPEN_ID,
          name: '小丽',
          bindStatus: 1,
          addedAt: NOW - 60_000,
        });
      },
    });
    expect(newNames(comp)).toEqual(['妈妈', '小丽']);
    expect(textOf(find(comp, '#contact-list >>> #row-0'))).toContain('新');
  });
});

describe('contacts page: removing a contact', () => {
  it('asks first, then removes the person at the backend and from the list', async () => {
    const t = await open();
    await tap(t, t.comp, '#contact-list >>> #row-1');
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__title'))).toBe('给 爸爸 打电话');

    await tap(t, t.comp, '#person-sheet >>> #sheet-remove');
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__title'))).toBe('删除「爸爸」？');
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__explain'))).toContain(
      '爸爸 不能再和这台设备通话',
    );
    expect(t.comp.querySelector('#person-sheet >>> #sheet-video')).toBeUndefined();
    expect(t.sim.backend.log).not.toContain('removeContact');

    await tap(t, t.comp, '#person-sheet >>> #confirm-remove');
    expect(t.sim.backend.log).toContain('removeContact');
    expect(rowNames(t.comp)).not.toContain('爸爸');
    expect(rowNames(t.comp)).toHaveLength(6);
    expect(t.scenario.contacts.map((c) => c.openId)).not.toContain('o-sim-dad');
    expect((find(t.comp, '#person-sheet').data as { sheet: { show: boolean } }).sheet.show).toBe(false);
    expect(t.router.history).toEqual([]);

    // gone after a restart too (the cache was updated), even offline
    t.scenario.contactsFailure = { kind: 'network', errMsg: 'offline' };
    const again = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    expect(rowNames(again.comp)).not.toContain('爸爸');
  });

  it('keeps the contact when the person changes their mind', async () => {
    const t = await open();
    await tap(t, t.comp, '#contact-list >>> #row-0');
    await tap(t, t.comp, '#person-sheet >>> #sheet-remove');
    await tap(t, t.comp, '#person-sheet >>> #cancel-remove');
    expect(textOf(t.comp.querySelector('#person-sheet >>> .sheet__title'))).toBe('给 妈妈 打电话');
    expect(t.sim.backend.log).not.toContain('removeContact');
    expect(rowNames(t.comp)).toContain('妈妈');
  });

  it('says why a removal failed, keeps the contact, and removes them on a second try', async () => {
    const t = await open({
      scenario: (s) => (s.family!.backendFailures.removeContact = { kind: 'timeout' }),
    });
    await tap(t, t.comp, '#contact-list >>> #row-0');
    await tap(t, t.comp, '#person-sheet >>> #sheet-remove');
    await tap(t, t.comp, '#person-sheet >>> #confirm-remove');
    expect(textOf(t.comp.querySelector('#person-sheet >>> #remove-error'))).toBe(
      '没有删除成功：连接不上服务',
    );
    expect(rowNames(t.comp)).toContain('妈妈');

    t.scenario.family!.backendFailures = {};
    await tap(t, t.comp, '#person-sheet >>> #confirm-remove');
    expect(rowNames(t.comp)).not.toContain('妈妈');
    expect(t.comp.querySelector('#person-sheet >>> #remove-error')).toBeUndefined();
  });

  it('a double tap on "remove" sends one request', async () => {
    const t = await open();
    await tap(t, t.comp, '#contact-list >>> #row-0');
    await tap(t, t.comp, '#person-sheet >>> #sheet-remove');
    find(t.comp, '#person-sheet >>> #confirm-remove').dispatchEvent('tap');
    find(t.comp, '#person-sheet >>> #confirm-remove').dispatchEvent('tap');
    await t.clock.runAll();
    await viewUpdated();
    expect(t.sim.backend.log.filter((op) => op === 'removeContact')).toHaveLength(1);
  });
});

describe('contacts page: a device the backend does not accept', () => {
  it.each<[string, (s: Parameters<NonNullable<TestPlatformOptions['scenario']>>[0]) => void, string, string]>(
    [
      ['no device secret', (s) => (s.device.secret = undefined), '这台设备还没有开通家人服务', '设备密钥'],
      ['a wrong clock', (s) => (s.device.clockOffsetMs = 10 * 60 * 1000), '设备的时间不对', '相差约 10 分钟'],
      [
        'a secret the service does not know',
        (s) => (s.device.secret = 'd3JvbmctZGV2aWNlLXNlY3JldC0wMDAwMDAwMDAwMDA'),
        '服务不认识这台设备',
        '检查设备密钥',
      ],
    ],
  )('says what is wrong with %s', async (_label, scenario, title, hint) => {
    const { comp } = await open({ scenario });
    const empty = find(comp, '#empty');
    expect(textAll(empty, '.van-empty__description')).toBe(title);
    expect(textOf(empty)).toContain(hint);
  });
});

describe('contacts page: the saved list while the backend refuses the device', () => {
  it('says why the saved list is shown (the device clock), not "no network"', async () => {
    const t = await open();
    t.scenario.device.clockOffsetMs = -20 * 60 * 1000;
    const again = await renderPage(ROUTE);
    await t.clock.runAll();
    await viewUpdated();
    expect(rowNames(again.comp)).toHaveLength(7);
    expect(textAll(again.comp, '.notice')).toContain('设备的时间不对，显示的是上次保存的联系人');
  });
});
