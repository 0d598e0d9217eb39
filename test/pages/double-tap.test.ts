/**
 * Two taps on Video within 50 ms open ONE calling page, even when the calling page the first tap opened has already
 * shown (its onShow) before the second tap reaches the contacts page, as during WeChat's page transition.
 */
import { find, renderPage, simulate, viewUpdated } from '../../harness/pages';
import { installTestPlatform } from '../../harness/platform';

it('two taps on Video within 50 ms open one calling page', async () => {
  const t = installTestPlatform();
  const contacts = await renderPage('pages/contacts/index');
  await t.clock.runAll();
  await viewUpdated();
  const video = () => find(contacts.comp, '#contact-list >>> #row-0 .call-btn--video');

  video().dispatchEvent('tap');
  await viewUpdated();
  expect(t.router.history).toHaveLength(1);
  // the calling page opens and shows while the contacts page still takes taps (the transition)
  const url = new URL(`https://x${t.router.history[0].url}`);
  await renderPage(url.pathname.replace(/^\//, ''), Object.fromEntries(url.searchParams));
  await simulate.sleep(30);
  video().dispatchEvent('tap');
  await viewUpdated();
  expect(t.router.history).toHaveLength(1);

  // back on the contacts page: it can open a calling page again
  void contacts.page.onShow?.();
  video().dispatchEvent('tap');
  await viewUpdated();
  expect(t.router.history).toHaveLength(2);
});
