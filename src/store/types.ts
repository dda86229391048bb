/**
 * The store's interface as features see it. Every write that several events (or several bot processes) can make at
 * once goes through one of the atomic primitives below; `namespace()` is plain get/set for values one writer owns.
 * Members are functions, not methods: every implementation is a set of closures, so they may be passed around unbound
 * (the monitor wraps each one).
 *
 * Keys are `feature:…` strings chosen by each feature. Put the member id right after the feature name when the data
 * is about one member (`profile:<userId>`, `vote:<userId>:<messageId>`), so `deletePrefix` can erase it.
 */

/** One typed corner of the key-value store (keyv): last write wins, so only for values a single writer owns. */
export interface Namespace<T> {
  get: (key: string) => Promise<T | undefined>;
  set: (key: string, value: T, ttlMs?: number) => Promise<void>;
  delete: (key: string) => Promise<void>;
}

/** The outcome of `claim`: either this caller holds the key now, or someone does for `remainingMs` more. */
export type Claim = { claimed: true } | { claimed: false; remainingMs: number };

export interface StoredRecord<T> {
  /** Increasing within a set: a later append has a larger id (compare as numbers). */
  id: string;
  /** When it was appended (ms since the epoch). */
  at: number;
  value: T;
}

/**
 * An append-only set of records (e.g. one server's curator queue): every append is its own record, so simultaneous
 * appends never overwrite each other. Listed newest first, in pages.
 */
export interface RecordSet<T> {
  /** Adds a record and returns its id. When the set holds more than its `max`, the oldest are dropped. */
  append: (value: T, at?: number) => Promise<string>;
  /** Newest first; `before` (an id) continues a previous page. */
  list: (options?: { limit?: number; before?: string }) => Promise<StoredRecord<T>[]>;
  get: (id: string) => Promise<StoredRecord<T> | undefined>;
  /** Replaces one record's value (e.g. to mark it done); false when it no longer exists. */
  put: (id: string, value: T) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
  count: () => Promise<number>;
  clear: () => Promise<void>;
}

export interface Store {
  namespace: <T>(name: string) => Namespace<T>;
  /**
   * SET-if-absent with an expiry: exactly one of any number of simultaneous callers gets `claimed: true` until the
   * key expires (`ttlMs`; none = forever) or is released. For cooldowns and "do this only once" across processes.
   */
  claim: (key: string, ttlMs?: number) => Promise<Claim>;
  release: (key: string) => Promise<void>;
  /**
   * Adds `by` (default 1) to a counter and returns the new value. The counter starts at 0 and, with `ttlMs`, is
   * reset that long after it was created (a fixed window, e.g. per day).
   */
  increment: (key: string, by?: number, ttlMs?: number) => Promise<number>;
  /** The live counters whose keys start with `prefix`. */
  counters: (prefix: string) => Promise<Map<string, number>>;
  /** Sets a value and returns the one it replaced, in one atomic step (e.g. a member's vote: previous → new). */
  exchange: <T>(key: string, value: T, ttlMs?: number) => Promise<T | undefined>;
  /** An append-only record set; `max` caps how many are kept (the oldest go first). */
  records: <T>(name: string, options?: { max?: number }) => RecordSet<T>;
  /** Deletes everything whose key or record-set name starts with `prefix` (namespaces included); returns how many. */
  deletePrefix: (prefix: string) => Promise<number>;
  close: () => Promise<void>;
}
