// A list of records of one area, kept in step with Go after each change.
import { toAppError } from '../errors';

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
      this.items = (await this.#api.list()) ?? [];
      this.loaded = true;
    } catch (e) {
      throw toAppError(e);
    } finally {
      this.loading = false;
    }
  }

  /** save creates (id 0) or updates a record, then reloads so the order stays Go's. */
  async save(item: T): Promise<T> {
    let saved: T;
    try {
      saved = await this.#api.save(item);
    } catch (e) {
      throw toAppError(e);
    }
    await this.load();
    return saved;
  }

  /** remove deletes a record and drops it from the list. */
  async remove(id: number): Promise<void> {
    try {
      await this.#api.remove(id);
    } catch (e) {
      throw toAppError(e);
    }
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
