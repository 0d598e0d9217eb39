import { avatarOf } from '../../miniprogram/utils/avatar';
import { find, load, simulate, textOf } from '../../harness/pages';

type Options = { lifetimes?: { created?: () => void } };
type Instance = { setData(data: object): void };

/** Counts the setData of every <contact-avatar> created from now on (wrapping its definition before it loads). */
const avatarSetData: object[] = [];
const g = globalThis as unknown as { Component: (options: Options) => void };
const defineComponent = g.Component;
g.Component = (options: Options) => {
  const created = options.lifetimes?.created;
  defineComponent({
    ...options,
    lifetimes: {
      ...options.lifetimes,
      created(this: Instance) {
        const setData = this.setData.bind(this);
        this.setData = (data: object) => {
          avatarSetData.push(data);
          setData(data);
        };
        created?.call(this);
      },
    },
  });
};
const id = load('components/contact-avatar/index');
g.Component = defineComponent;

const listId = simulate.load({
  usingComponents: { 'contact-avatar': id },
  template:
    '<contact-avatar wx:for="{{rows}}" wx:key="name" class="avatar-of-row" name="{{item.name}}" initials="{{item.initials}}" color="{{item.color}}" />',
  properties: { rows: { type: Array, value: [] } },
});

function mount(props: Record<string, unknown>) {
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

beforeEach(() => avatarSetData.splice(0));

describe('<contact-avatar>', () => {
  it('shows the picture when there is one', () => {
    const comp = mount({ name: '妈妈', ...avatarOf('妈妈'), src: 'https://example.com/mum.png' });
    expect(comp.querySelector('.avatar__image')).toBeTruthy();
    expect(comp.querySelector('.avatar__initials')).toBeUndefined();
  });

  it('falls back to the initials when the picture fails to load', async () => {
    const comp = mount({
      name: 'Anna Schmidt',
      ...avatarOf('Anna Schmidt'),
      src: 'https://example.com/x.png',
    });
    find(comp, '.avatar__image').dispatchEvent('error');
    await simulate.sleep(0);
    expect(comp.querySelector('.avatar__image')).toBeUndefined();
    expect(textOf(find(comp, '.avatar__initials'))).toBe('AS');
    expect(avatarSetData).toEqual([{ failed: true }]);
  });

  it('shows the initials it is given on their stable colour', () => {
    const comp = mount({ name: '妈妈', ...avatarOf('妈妈') });
    expect(textOf(find(comp, '.avatar__initials'))).toBe('妈');
    expect(find(comp, '.avatar').dom?.getAttribute('style')).toContain(avatarOf('妈妈').color);
    expect(avatarOf('妈妈')).toEqual(avatarOf('妈妈'));
  });

  it('costs no setData of its own: 200 avatars render with none', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: `家人${i}`, ...avatarOf(`家人${i}`) }));
    const list = simulate.render(listId, { rows });
    list.attach(document.createElement('parent-wrapper'));
    const avatars = list.querySelectorAll('.avatar-of-row');
    expect(avatars).toHaveLength(200);
    expect(textOf(avatars[199])).toBe('家');
    expect(avatarSetData).toEqual([]);
  });
});
