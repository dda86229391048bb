import { z } from 'zod';
import type { Facts } from './facts.js';
import type { Problem } from './problems.js';
import type { Guide, Source } from './schema.js';

/**
 * What knowledge texts may refer to: in a rule's `sources`, an id from knowledge/sources.yaml or `guide-id#section-id`
 * from knowledge/guides.yaml; in any text, a `{{fact}}` from knowledge/facts.yaml. Built from the knowledge base; used
 * to validate rule tables and to render Sources sections.
 */
export interface RefIndex {
  sources: ReadonlyMap<string, { title: string; url: string; confidence: Source['confidence'] }>;
  /** Keyed by `guide-id#section-id`. */
  sections: ReadonlyMap<string, { guideId: string; guideTitle: string; sectionTitle: string }>;
  facts: Facts;
}

export function buildRefIndex(guides: Iterable<Guide>, sources: Iterable<Source>, facts: Facts): RefIndex {
  const sectionMap = new Map<string, { guideId: string; guideTitle: string; sectionTitle: string }>();
  for (const g of guides) {
    for (const [id, title] of Object.entries(g.sections))
      sectionMap.set(`${g.id}#${id}`, { guideId: g.id, guideTitle: g.title, sectionTitle: title });
  }
  const sourceMap = new Map([...sources].map((s) => [s.id, { title: s.title, url: s.url, confidence: s.confidence }] as const));
  return { sources: sourceMap, sections: sectionMap, facts };
}

/** Schema of a rule row's `sources` list: at least one reference, each shaped like a source id or a guide section. */
export const sourceRefsSchema = z
  .array(z.string().regex(/^[a-z0-9-]+(?:#[a-z0-9-]+)?$/, 'must be a source id (sources.yaml) or guide-id#section-id (guides.yaml)'))
  .min(1, 'must cite at least one source');

/** A Problem for every reference in `refs` that names no known source or guide section. */
export function refProblems(index: RefIndex, file: string, field: string, refs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  refs.forEach((ref, i) => {
    if (ref.includes('#')) {
      if (!index.sections.has(ref))
        problems.push({ file, field: `${field}.${i}`, message: `unknown guide section "${ref}" (see guides.yaml)` });
    } else if (!index.sources.has(ref)) {
      problems.push({ file, field: `${field}.${i}`, message: `unknown source "${ref}" (see sources.yaml)` });
    }
  });
  return problems;
}

/** Unique references in first-seen order. */
export function uniqueRefs(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
