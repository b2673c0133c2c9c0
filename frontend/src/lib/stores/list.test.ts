import { describe, expect, it, vi } from 'vitest';
import { ListStore, resetAreaStores } from './list.svelte';

interface Item {
  id: number;
  name: string;
}

function fakeApi() {
  let rows: Item[] = [{ id: 1, name: 'first' }];
  let next = 2;
  return {
    list: vi.fn(async () => rows.map((r) => ({ ...r }))),
    save: vi.fn(async (item: Item) => {
      if (item.name === '') throw { code: 'invalid', message: 'Please fill in this field.', field: 'name' };
      const saved = { ...item, id: item.id || next++ };
      rows = [saved, ...rows.filter((r) => r.id !== saved.id)];
      return saved;
    }),
    remove: vi.fn(async (id: number) => {
      rows = rows.filter((r) => r.id !== id);
    }),
  };
}

describe('ListStore', () => {
  it('loads, creates, updates and removes records', async () => {
    const api = fakeApi();
    const store = new ListStore<Item>(api);
    await store.load();
    expect(store.loaded).toBe(true);
    expect(store.items.map((i) => i.name)).toEqual(['first']);

    const created = await store.save({ id: 0, name: 'second' });
    expect(created.id).toBe(2);
    expect(store.items.map((i) => i.name)).toEqual(['second', 'first']);

    await store.save({ id: 1, name: 'first, renamed' });
    expect(store.find(1)?.name).toBe('first, renamed');

    await store.remove(2);
    expect(api.remove).toHaveBeenCalledWith(2);
    expect(store.items.map((i) => i.id)).toEqual([1]);
  });

  it('rejects with the AppError Go gave and keeps the list as it was', async () => {
    const store = new ListStore<Item>(fakeApi());
    await store.load();
    await expect(store.save({ id: 0, name: '' })).rejects.toEqual({
      code: 'invalid',
      message: 'Please fill in this field.',
      field: 'name',
    });
    expect(store.items).toHaveLength(1);
  });

  it('treats a null list from Go as empty', async () => {
    const store = new ListStore<Item>({
      list: async () => null,
      save: async (x) => x,
      remove: async () => {},
    });
    await store.load();
    expect(store.items).toEqual([]);
  });

  it('forgets everything when another portfolio opens', async () => {
    const store = new ListStore<Item>(fakeApi());
    await store.load();
    resetAreaStores();
    expect(store.items).toEqual([]);
    expect(store.loaded).toBe(false);
  });
});
