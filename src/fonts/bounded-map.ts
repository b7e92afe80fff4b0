/**
 * A Map that keeps at most `limit` entries, dropping the oldest insertion first. Process-wide
 * caches use it so a batch of 5,000 releases holds no more than one of 500: new words,
 * subsets and shapes keep arriving with every release, and an unbounded map grows with them.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) {
      // Insertion order: the first key is the oldest. Dropping one at a time keeps the hot ones.
      this.delete(this.keys().next().value as K);
    }
    return super.set(key, value);
  }
}
