import { z } from 'zod';
import type { Problem } from './problems.js';
import { slug, text } from './schema.js';

/**
 * knowledge/facts.yaml: legal details and thresholds that more than one text states (a deadline, a fine, a score that
 * counts as N1). Entries and rule tables write `{{fact-id}}` and get the value, so each fact has one home.
 */
export const factSchema = z.strictObject({
  /** What texts show; a number stays a number where a rule table needs one (`bjt_min: "{{bjt-n1}}"`). */
  value: z.union([text(80), z.number()]),
  /** What the value is, for curators. */
  about: text(300),
  /** Ids from sources.yaml. */
  sources: z.array(slug).min(1, 'must cite at least one source'),
});
export type Fact = z.infer<typeof factSchema>;
export const factsSchema = z.record(slug, factSchema);
export type Facts = ReadonlyMap<string, Fact>;

const PLACEHOLDER = /\{\{\s*([a-z0-9-]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-z0-9-]+)\s*\}\}$/;

/** Fills `{{fact-id}}` placeholders and remembers which facts were used (a fact no text uses is reported). */
export interface FactFiller {
  text(value: string, file: string, field: string): Filled<string>;
  /** Every string inside parsed YAML; a string that is only a placeholder becomes the fact's value itself. */
  data(value: unknown, file: string): Filled<unknown>;
  readonly used: ReadonlySet<string>;
}
export interface Filled<T> {
  value: T;
  /** One per unknown fact. */
  problems: Problem[];
}

export function factFiller(facts: Facts): FactFiller {
  const used = new Set<string>();
  const fill = (problems: Problem[]) => {
    const lookup = (name: string, file: string, field: string): Fact | undefined => {
      const fact = facts.get(name);
      if (fact) used.add(name);
      else problems.push({ file, field, message: `unknown fact {{${name}}} (facts.yaml lists ${[...facts.keys()].join(', ')})` });
      return fact;
    };
    const text = (value: string, file: string, field: string) =>
      value.replace(PLACEHOLDER, (whole, name: string) => String(lookup(name, file, field)?.value ?? whole));
    const data = (value: unknown, file: string, field: string): unknown => {
      if (typeof value === 'string') {
        const whole = WHOLE.exec(value);
        return whole ? (lookup(whole[1] ?? '', file, field)?.value ?? value) : text(value, file, field);
      }
      const at = (key: string | number) => (field ? `${field}.${key}` : String(key));
      if (Array.isArray(value)) return value.map((v, i) => data(v, file, at(i)));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, data(v, file, at(k))]));
      return value;
    };
    return { text, data };
  };
  return {
    text(value, file, field) {
      const problems: Problem[] = [];
      return { value: fill(problems).text(value, file, field), problems };
    },
    data(value, file) {
      const problems: Problem[] = [];
      return { value: fill(problems).data(value, file, ''), problems };
    },
    used,
  };
}
