import { z } from 'zod';

/** Building blocks shared by the three rule-table schemas (ids and texts are schema.ts's `slug` and `text`). */
export const confidenceSchema = z.enum(['official', 'secondary', 'unverified'], {
  error: 'must be one of official, secondary, unverified (as in sources.yaml)',
});
export type Confidence = z.infer<typeof confidenceSchema>;

/** A Problem-friendly report of ids used twice in one list. */
export function duplicateIds(items: readonly { id: string }[], field: string): { field: string; message: string }[] {
  const seen = new Set<string>();
  const out: { field: string; message: string }[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push({ field: `${field}.${i}.id`, message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return out;
}
