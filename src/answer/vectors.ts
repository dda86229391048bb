/** Sparse vectors over interned features: sorted-free parallel arrays of ids and weights, unit length. */
export interface Vec {
  ids: Int32Array;
  ws: Float64Array;
  /** Length before normalising (for recall). */
  norm: number;
}

export class Features {
  private readonly ids = new Map<string, number>();
  /** Per feature id, the last call that listed it: distinct ids without a Set per call. */
  private readonly seen: number[] = [];
  private call = 0;

  /** The distinct ids of `features`, in order of first occurrence, interning new ones. */
  intern(features: readonly string[]): number[] {
    return this.distinct(features, true);
  }

  /** The distinct ids of the known features among `features`, in order of first occurrence. */
  known(features: readonly string[]): number[] {
    return this.distinct(features, false);
  }

  get size(): number {
    return this.ids.size;
  }

  /**
   * `intern` for features given in groups (an analyzer's GramParts): a group's ids are looked up once and kept in
   * `cache` under the group (the same array wherever its word occurs).
   */
  internParts(parts: readonly (string | readonly string[])[], cache: Map<readonly string[], number[]>): number[] {
    const call = ++this.call;
    const out: number[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        this.take(this.internOne(part), call, out);
        continue;
      }
      let ids = cache.get(part);
      if (ids === undefined) {
        ids = part.map((f) => this.internOne(f));
        cache.set(part, ids);
      }
      for (const id of ids) this.take(id, call, out);
    }
    return out;
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
  private take(id: number, call: number, out: number[]): void {
    if (this.seen[id] === call) return;
    this.seen[id] = call;
    out.push(id);
  }

  private distinct(features: readonly string[], add: boolean): number[] {
    const call = ++this.call;
    const out: number[] = [];
    for (const f of features) {
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
 * feature → (documents, weights) postings in compressed rows (one typed array each), built once from all documents'
 * vectors, for scoring every document against a query in one pass.
 */
export class InvertedIndex {
  private readonly start: Int32Array;
  private readonly docs: Int32Array;
  private readonly ws: Float64Array;

  constructor(features: number, vectors: readonly Vec[]) {
    const count = new Int32Array(features + 1);
    for (const v of vectors) for (const id of v.ids) count[id + 1] = count[id + 1]! + 1;
    for (let f = 0; f < features; f++) count[f + 1] = count[f + 1]! + count[f]!;
    this.start = count;
    this.docs = new Int32Array(count[features]!);
    this.ws = new Float64Array(count[features]!);
    const fill = Int32Array.from(count.subarray(0, features));
    for (let doc = 0; doc < vectors.length; doc++) {
      const v = vectors[doc]!;
      for (let i = 0; i < v.ids.length; i++) {
        const id = v.ids[i]!;
        const at = fill[id]!;
        fill[id] = at + 1;
        this.docs[at] = doc;
        this.ws[at] = v.ws[i]!;
      }
    }
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
