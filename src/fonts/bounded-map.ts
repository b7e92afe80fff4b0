/**
 * A Map that keeps at most `limit` entries, dropping the oldest insertion first. Process-wide
 * caches use it so a batch of 5,000 releases holds no more than one of 500: new words,
 * subsets and shapes keep arriving with every release, and an unbounded map grows with them.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  /**
   * The keys, oldest first, walked as they are dropped. A new iterator per drop would step over
   * every entry dropped before it (V8 keeps them as holes until it rehashes the table): ~2 µs a
   * set at 4,000 entries and ~7 µs at 10,000, against ~0.3 µs.
   */
  private oldest: Iterator<K> | undefined;

  constructor(readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.dropOldest();
    return super.set(key, value);
  }

  private dropOldest(): void {
    // A Map's iterator goes on over entries added after it and skips deleted ones, so it
    // always yields the oldest key left; once done (nothing after it) a new one starts over.
    let next = this.oldest?.next();
    if (!next || next.done) {
      this.oldest = this.keys();
      next = this.oldest.next();
    }
    if (!next.done) this.delete(next.value);
  }
}
