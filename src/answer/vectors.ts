/** Sparse vectors over interned features, unit length, for cosine similarity by inverted index. */
export type Vec = Map<number, number>;

export class Features {
  private readonly ids = new Map<string, number>();
  /** In how many documents (entries) each feature occurs. */
  readonly df: number[] = [];

  id(feature: string, create: boolean): number | undefined {
    let id = this.ids.get(feature);
    if (id === undefined && create) {
      id = this.ids.size;
      this.ids.set(feature, id);
      this.df.push(0);
    }
    return id;
  }

  /** Counts each distinct feature of one document once. */
  addDocument(features: Iterable<string>): void {
    for (const f of new Set(features)) {
      const id = this.id(f, true)!;
      this.df[id] = this.df[id]! + 1;
    }
  }
}

/** IDF-weighted binary vector of the features known to `space`, normalised to unit length; `norm` is its length before. */
export function vectorOf(features: readonly string[], space: Features, idf: (id: number) => number): Vec & { norm: number } {
  const v: Vec = new Map();
  for (const f of features) {
    const id = space.id(f, false);
    if (id !== undefined) v.set(id, idf(id));
  }
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, w] of v) v.set(k, w / norm);
  return Object.assign(v, { norm });
}

/** feature → [document, weight] postings, for scoring every document against a query in one pass. */
export class InvertedIndex {
  private readonly postings = new Map<number, { doc: number; w: number }[]>();

  add(doc: number, v: Vec): void {
    for (const [id, w] of v) {
      const list = this.postings.get(id) ?? [];
      list.push({ doc, w });
      this.postings.set(id, list);
    }
  }

  /** Cosine of `query` with every document it shares a feature with (the others stay 0). */
  scores(query: Vec, out: Float64Array): Float64Array {
    out.fill(0);
    for (const [id, qw] of query) for (const p of this.postings.get(id) ?? []) out[p.doc] = out[p.doc]! + qw * p.w;
    return out;
  }
}
