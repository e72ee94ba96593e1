/** Where a generation of {@link RecentMap} is kept: the part of `Map` it uses. */
export interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/**
 * A bounded map that forgets the least recently used keys first (5-tuples, pods, descriptions). Two generations
 * instead of an exact LRU: a Map used as an LRU (delete and re-insert on every hit) fills with deleted slots that
 * each eviction must step over, which made a million-line log spend seconds here. A key used in either generation
 * is moved to the young one; when the young one holds `capacity` (keys, or what `weigh` says its values weigh), the
 * old one (not used since) is dropped whole, so the last `capacity` are always remembered and never more than twice
 * that. A value that grows is set again, so that what it added is weighed too.
 */
export class RecentMap<V, K = string> {
  private young: KeyedStore<K, V>;
  private old: KeyedStore<K, V>;
  private youngWeight = 0;

  /** `newStore`: what a generation is kept in, a Map unless the keys have a store of their own. */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
    private readonly newStore: () => KeyedStore<K, V> = () => new Map<K, V>(),
  ) {
    this.young = newStore();
    this.old = newStore();
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    this.young.set(key, value);
    this.youngWeight += this.weigh(value);
    if (this.youngWeight >= this.capacity) {
      this.old = this.young;
      this.young = this.newStore();
      this.youngWeight = 0;
    }
  }
}
