import { find, load, simulate, textOf } from '../../harness/pages';

describe('<contact-avatar>', () => {
  const id = load('components/contact-avatar/index');

  function mount(props: Record<string, unknown>) {
    const comp = simulate.render(id, props);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  }

  it('shows the picture when there is one', () => {
    const comp = mount({ name: '妈妈', src: 'https://example.com/mum.png' });
    expect(comp.querySelector('.avatar__image')).toBeTruthy();
    expect(comp.querySelector('.avatar__initials')).toBeUndefined();
  });

  it('falls back to the initials when the picture fails to load', async () => {
    const comp = mount({ name: 'Anna Schmidt', src: 'https://example.com/broken.png' });
    find(comp, '.avatar__image').dispatchEvent('error');
    await simulate.sleep(0);
    expect(comp.querySelector('.avatar__image')).toBeUndefined();
    expect(textOf(find(comp, '.avatar__initials'))).toBe('AS');
  });

  it('shows the first character of a Chinese name without a picture, on a stable colour', () => {
    const first = mount({ name: '妈妈' });
    const again = mount({ name: '妈妈' });
    expect(textOf(find(first, '.avatar__initials'))).toBe('妈');
    expect(first.data.color).toBe(again.data.color);
  });
});
