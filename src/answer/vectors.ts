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

/** feature → (documents, weights) postings in typed arrays, for scoring every document against a query in one pass. */
export class InvertedIndex {
  private readonly building = new Map<number, { docs: number[]; ws: number[] }>();
  private postings: Map<number, { docs: Int32Array; ws: Float64Array }> | undefined;

  add(doc: number, v: Vec): void {
    if (this.postings) throw new Error('the index is frozen once it has scored a query');
    for (const [id, w] of v) {
      const list = this.building.get(id) ?? { docs: [], ws: [] };
      list.docs.push(doc);
      list.ws.push(w);
      this.building.set(id, list);
    }
  }

  /** Cosine of `query` with every document it shares a feature with (the others stay 0). */
  scores(query: Vec, out: Float64Array): Float64Array {
    this.postings ??= new Map([...this.building].map(([id, l]) => [id, { docs: Int32Array.from(l.docs), ws: Float64Array.from(l.ws) }]));
    out.fill(0);
    for (const [id, qw] of query) {
      const p = this.postings.get(id);
      if (!p) continue;
      const { docs, ws } = p;
      for (let i = 0; i < docs.length; i++) out[docs[i]!] = out[docs[i]!]! + qw * ws[i]!;
    }
    return out;
  }
}
