import { readFile } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';

const negativeSchema = z.object({
  id: z.string(),
  q: z.string(),
  kind: z.enum(['trap', 'off-topic']),
  lang: z.enum(['en', 'ja', 'mixed']),
});
export type Negative = z.infer<typeof negativeSchema>;

/**
 * Calibration negatives: questions members ask that no entry covers (near-domain traps such as banking or housing,
 * and unrelated ones). Written from the guides' scope, not from any evaluation set; used only to choose thresholds.
 */
export async function loadNegatives(): Promise<Negative[]> {
  const text = await readFile(new URL('./negatives.yaml', import.meta.url), 'utf8');
  return z.array(negativeSchema).parse(load(text, { schema: CORE_SCHEMA }));
}
