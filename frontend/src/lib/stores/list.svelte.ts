// A list of records of one area, kept in step with Go after each change.
import { call } from '../errors';

/** ListApi is the three bound calls every record area has. */
export interface ListApi<T> {
  list: () => Promise<T[] | null>;
  save: (item: T) => Promise<T>;
  remove: (id: number) => Promise<void>;
}

/** Resettable is a store that forgets its data when another portfolio opens. */
export interface Resettable {
  reset(): void;
}

const registry: Resettable[] = [];

/** registerResettable adds a store that is not a ListStore to those resetAreaStores empties. */
export function registerResettable(store: Resettable): void {
  registry.push(store);
}

/** resetAreaStores empties every area store, so nothing of one portfolio shows in another. */
export function resetAreaStores(): void {
  for (const store of registry) store.reset();
}

/** ListStore holds the records of one area; its methods reject with an AppError. */
export class ListStore<T extends { id: number }> implements Resettable {
  items = $state.raw<T[]>([]);
  loaded = $state(false);
  loading = $state(false);

  #api: ListApi<T>;

  constructor(api: ListApi<T>) {
    this.#api = api;
    registerResettable(this);
  }

  /** load fetches the whole list in the order Go gives it. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      this.items = (await call(() => this.#api.list())) ?? [];
      this.loaded = true;
    } finally {
      this.loading = false;
    }
  }

  /** save creates (id 0) or updates a record, then reloads so the order stays Go's. */
  async save(item: T): Promise<T> {
    const saved = await call(() => this.#api.save(item));
    await this.load();
    return saved;
  }

  /** remove deletes a record and drops it from the list. */
  async remove(id: number): Promise<void> {
    await call(() => this.#api.remove(id));
    this.items = this.items.filter((item) => item.id !== id);
  }

  /** find returns the record with id, if loaded. */
  find(id: number): T | undefined {
    return this.items.find((item) => item.id === id);
  }

  reset(): void {
    this.items = [];
    this.loaded = false;
  }
}
