/** Sparse vectors over interned features: sorted-free parallel arrays of ids and weights, unit length. */
export interface Vec {
  ids: Int32Array;
  ws: Float64Array;
  /** Length before normalising (for recall). */
  norm: number;
}

export class Features {
  private readonly ids = new Map<string, number>();

  id(feature: string): number | undefined {
    return this.ids.get(feature);
  }

  /** The distinct ids of `features`, interning new ones. */
  intern(features: readonly string[]): number[] {
    const out = new Set<number>();
    for (const f of features) {
      let id = this.ids.get(f);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(f, id);
      }
      out.add(id);
    }
    return [...out];
  }

  /** The distinct ids of the known features among `features`. */
  known(features: readonly string[]): number[] {
    const out = new Set<number>();
    for (const f of features) {
      const id = this.ids.get(f);
      if (id !== undefined) out.add(id);
    }
    return [...out];
  }

  get size(): number {
    return this.ids.size;
  }
}

/** IDF-weighted binary vector of feature ids, normalised to unit length. */
export function vectorOf(ids: readonly number[], weight: (id: number) => number): Vec {
  const ws = new Float64Array(ids.length);
  let norm = 0;
  ids.forEach((id, i) => {
    ws[i] = weight(id);
    norm += ws[i] * ws[i];
  });
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
    vectors.forEach((v, doc) => {
      v.ids.forEach((id, i) => {
        const at = fill[id]!;
        fill[id] = at + 1;
        this.docs[at] = doc;
        this.ws[at] = v.ws[i]!;
      });
    });
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
