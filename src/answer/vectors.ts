/** Sparse vectors over interned features: sorted-free parallel arrays of ids and weights, unit length. */
export interface Vec {
  ids: Int32Array;
  ws: Float64Array;
  /** Length before normalising (for recall). */
  norm: number;
}

/** Where feature ids are listed: an array, or the current row of `Rows`. */
export interface Sink {
  push(id: number): unknown;
}

export class Features {
  /** Per feature id, the last call that listed it: distinct ids without a Set per call. */
  private readonly seen: number[];
  private call = 0;

  /** `ids`: feature → id, ids 0 … size − 1 (a restored index's; a new one by default). */
  constructor(readonly ids = new Map<string, number>()) {
    this.seen = new Array<number>(ids.size).fill(0);
  }

  /** The distinct ids of `features`, in order of first occurrence, interning new ones (added to `out`). */
  intern<T extends Sink>(features: readonly string[], out: T): T {
    return this.distinct(features, true, out);
  }

  /** The distinct ids of the known features among `features`, in order of first occurrence. */
  known(features: readonly string[]): number[] {
    return this.distinct(features, false, []);
  }

  get size(): number {
    return this.ids.size;
  }

  /**
   * `intern` for features given in groups (an analyzer's GramParts): a group's ids are looked up once and kept in
   * `cache` under the group (the same array wherever its word occurs).
   */
  internParts(parts: readonly (string | readonly string[])[], cache: Map<readonly string[], number[]>, out: Sink): void {
    const call = ++this.call;
    // Indexed loops: start-up runs these ~300,000 times, mostly before the JIT optimises them, and until then `for…of`
    // over an array makes an iterator result per element (interning measured ~15 % faster).
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (typeof part === 'string') {
        this.take(this.internOne(part), call, out);
        continue;
      }
      let ids = cache.get(part);
      if (ids === undefined) {
        ids = part.map((f) => this.internOne(f));
        cache.set(part, ids);
      }
      for (let i = 0; i < ids.length; i++) this.take(ids[i]!, call, out);
    }
  }

  private internOne(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(feature, id);
      this.seen.push(0);
    }
    return id;
  }

  /** Adds `id` to `out` unless this call has listed it already. */
  private take(id: number, call: number, out: Sink): void {
    if (this.seen[id] === call) return;
    this.seen[id] = call;
    out.push(id);
  }

  private distinct<T extends Sink>(features: readonly string[], add: boolean, out: T): T {
    const call = ++this.call;
    for (let i = 0; i < features.length; i++) {
      const f = features[i]!;
      const id = add ? this.internOne(f) : this.ids.get(f);
      if (id !== undefined) this.take(id, call, out);
    }
    return out;
  }
}

/** IDF-weighted binary vector of feature ids (`weights`: per feature id), normalised to unit length. */
export function vectorOf(ids: readonly number[], weights: ArrayLike<number>): Vec {
  const ws = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = weights[ids[i]!]!;
    ws[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < ws.length; i++) ws[i] = ws[i]! / norm;
  return { ids: Int32Array.from(ids), ws, norm };
}

/**
 * Many documents' sparse vectors, row after row in flat typed arrays (row d: positions start[d] … start[d + 1] − 1),
 * so indexing thousands of phrasings makes no array per phrasing.
 */
export class Rows implements Sink {
  ids: Int32Array;
  ws: Float64Array;
  readonly start: number[] = [0];
  length = 0;

  /** `capacity`: how many features all rows hold together, when known (the arrays grow as needed). */
  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
    this.ws = new Float64Array(capacity);
  }

  get count(): number {
    return this.start.length - 1;
  }

  /** Adds a feature to the current row. */
  push(id: number, w = 0): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(Math.max(1024, this.length * 2));
      const ws = new Float64Array(ids.length);
      ids.set(this.ids);
      ws.set(this.ws);
      [this.ids, this.ws] = [ids, ws];
    }
    this.ids[this.length] = id;
    this.ws[this.length++] = w;
  }

  /** Ends the current row. */
  end(): void {
    this.start.push(this.length);
  }

  /** Each row IDF-weighted (`weights`: per feature id) and normalised to unit length, as `vectorOf`: the lengths before. */
  weigh(weights: ArrayLike<number>): Float64Array {
    const { ids, ws, start } = this; // in locals: a cold process runs this before the JIT optimises it
    const norms = new Float64Array(this.count);
    for (let d = 0; d < norms.length; d++) {
      const [from, to] = [start[d]!, start[d + 1]!];
      let norm = 0;
      for (let i = from; i < to; i++) {
        const w = weights[ids[i]!]!;
        ws[i] = w;
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (let i = from; i < to; i++) ws[i] = ws[i]! / norm;
      norms[d] = norm;
    }
    return norms;
  }
}

/** An inverted index's arrays: feature f's documents and weights are at start[f] … start[f + 1] − 1. */
export interface Postings {
  start: Int32Array;
  docs: Int32Array;
  ws: Float64Array;
}

/**
 * feature → (documents, weights) postings in compressed rows (one typed array each), built once from all documents'
 * vectors, for scoring every document against a query in one pass.
 */
export class InvertedIndex {
  private readonly start: Int32Array;
  private readonly docs: Int32Array;
  private readonly ws: Float64Array;

  constructor(readonly postings: Postings) {
    ({ start: this.start, docs: this.docs, ws: this.ws } = postings);
  }

  /** The postings of `rows` (documents in row order) over `features` feature ids. */
  static of(features: number, rows: Rows): InvertedIndex {
    const { ids, ws: weights, start } = rows; // in locals: a cold process runs this before the JIT optimises it
    const count = new Int32Array(features + 1);
    for (let i = 0; i < rows.length; i++) count[ids[i]! + 1] = count[ids[i]! + 1]! + 1;
    for (let f = 0; f < features; f++) count[f + 1] = count[f + 1]! + count[f]!;
    const docs = new Int32Array(count[features]!);
    const ws = new Float64Array(count[features]!);
    const fill = Int32Array.from(count.subarray(0, features));
    for (let doc = 0; doc < rows.count; doc++) {
      for (let i = start[doc]!, end = start[doc + 1]!; i < end; i++) {
        const id = ids[i]!;
        const at = fill[id]!;
        fill[id] = at + 1;
        docs[at] = doc;
        ws[at] = weights[i]!;
      }
    }
    return new InvertedIndex({ start: count, docs, ws });
  }

  /** Cosine of `query` with every document it shares a feature with (the others stay 0). */
  scores(query: Vec, out: Float64Array): Float64Array {
    out.fill(0);
    for (let q = 0; q < query.ids.length; q++) {
      const id = query.ids[q]!;
      if (id + 1 >= this.start.length) continue;
      const qw = query.ws[q]!;
      for (let i = this.start[id]!; i < this.start[id + 1]!; i++) out[this.docs[i]!] = out[this.docs[i]!]! + qw * this.ws[i]!;
    }
    return out;
  }
}
