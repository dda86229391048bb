/** What was read for one fact: a value, or words that name it without a clear value (never a guess). */
export type Fact<V> =
  { kind: 'value'; value: V; text: string } | { kind: 'unclear'; reason: UnclearReason; text: string; values: string[] };

/** Why a fact mentioned in the question was not read (texts: knowledge/understand.yaml `unclear`). */
export type UnclearReason = 'range' | 'estimate' | 'conflict' | 'monthly' | 'small' | 'goal' | 'not_held' | 'several' | 'roles';

export const value = <V>(v: V, text: string): Fact<V> => ({ kind: 'value', value: v, text });
export const unclear = <V>(reason: UnclearReason, text: string, values: readonly unknown[] = []): Fact<V> => ({
  kind: 'unclear',
  reason,
  text,
  values: values.map(String),
});

/**
 * One fact from every place it was mentioned: nothing, one value (said once or said the same way twice), or unclear —
 * the first unclear mention, or a conflict when two mentions disagree.
 */
export function settle<V>(found: readonly Fact<V>[]): Fact<V> | undefined {
  const first = found[0];
  if (!first) return undefined;
  const doubtful = found.find((f) => f.kind === 'unclear');
  if (doubtful) return doubtful;
  const values = [...new Set(found.map((f) => (f.kind === 'value' ? f.value : undefined)))];
  if (values.length === 1) return first;
  return unclear('conflict', found.map((f) => f.text).join(' / '), values);
}

export const isValue = <V>(f: Fact<V> | undefined): f is Extract<Fact<V>, { kind: 'value' }> => f?.kind === 'value';
