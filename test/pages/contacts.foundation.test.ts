import { find, renderPage, textAll, textOf } from '../helpers/load';

describe('contacts page (foundation)', () => {
  it('renders its title and the empty state through the real van-empty component', async () => {
    const { comp } = await renderPage('pages/contacts/index');
    expect(textOf(comp.querySelector('.title'))).toBe('联系人');
    // van-empty renders the description inside its own template: proves the real Vant component was used
    expect(textAll(find(comp, '#empty'), '.van-empty__description')).toBe('还没有联系人');
  });
});
