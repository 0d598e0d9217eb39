import { listPatch } from '../../miniprogram/utils/list-patch';

const row = (id: string, note = '') => ({ id, name: id.toUpperCase(), note });

describe('listPatch', () => {
  it('sends only the rows that changed, by path', () => {
    const prev = [row('a'), row('b'), row('c')];
    const next = [row('a'), row('b', 'changed'), row('c'), row('d')];
    expect(listPatch('rows', prev, next)).toEqual({ 'rows[1]': row('b', 'changed'), 'rows[3]': row('d') });
  });

  it('returns null when nothing changed', () => {
    expect(listPatch('rows', [row('a')], [row('a')])).toBeNull();
  });

  it('sends a shorter list whole (setData cannot truncate by path)', () => {
    expect(listPatch('rows', [row('a'), row('b')], [row('b')])).toEqual({ rows: [row('b')] });
  });

  it('treats an added or removed field as a change', () => {
    expect(listPatch('items', [{ id: 'a' }], [{ id: 'a', extra: 1 }])).toEqual({
      'items[0]': { id: 'a', extra: 1 },
    });
  });
});
