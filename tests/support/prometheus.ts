/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it throws on any line that is
 * not a comment, a HELP/TYPE line or a well-formed sample, on samples of a family with no TYPE, on a family declared
 * twice, and on histograms whose buckets are not cumulative or do not end with le="+Inf" equal to _count.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  types: Map<string, string>;
  /** The value of the one sample with this name and exactly these labels (undefined when absent). */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** The sum over every sample with this name whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(?:,|$)/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`malformed labels in: ${line}`);
    const name = m[1]!;
    if (name in labels) throw new Error(`duplicate label ${name} in: ${line}`);
    labels[name] = m[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  // As Prometheus reads them (Go's ParseFloat): Inf, Infinity and NaN in any case, optionally signed.
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special) return special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`malformed value in: ${line}`);
  return Number(text);
}

const familyOf = (name: string, types: Map<string, string>) => {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined;
    if (base && (types.get(base) === 'histogram' || types.get(base) === 'summary')) return base;
  }
  return name;
};

const matches = (labels: Record<string, string>, wanted: Record<string, string>) =>
  Object.entries(wanted).every(([k, v]) => labels[k] === v);
const key = (labels: Record<string, string>) => JSON.stringify(Object.entries(labels).sort());

function checkHistograms(samples: Sample[], types: Map<string, string>): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const series = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
      const { le: _le, ...rest } = s.labels;
      series.set(key(rest), [...(series.get(key(rest)) ?? []), s]);
    }
    for (const [labels, buckets] of series) {
      const counts = buckets.map((b) => b.value);
      if (counts.some((c, i) => i > 0 && c < counts[i - 1]!)) throw new Error(`${family}${labels}: buckets are not cumulative`);
      const last = buckets.at(-1)!;
      if (last.labels.le !== '+Inf') throw new Error(`${family}${labels}: the last bucket is not le="+Inf"`);
      const { le: _le, ...rest } = last.labels;
      const count = samples.find((s) => s.name === `${family}_count` && key(s.labels) === key(rest));
      if (count?.value !== last.value) throw new Error(`${family}${labels}: _count differs from the +Inf bucket`);
    }
  }
}

export function parsePrometheus(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const helped = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta;
      if (!new RegExp(`^${NAME}$`).test(name!)) throw new Error(`malformed metric name in: ${line}`);
      if (kind === 'TYPE') {
        if (types.has(name!)) throw new Error(`TYPE declared twice for ${name}`);
        if (!TYPES.has(rest!)) throw new Error(`unknown type in: ${line}`);
        types.set(name!, rest!);
      } else if (helped.has(name!)) throw new Error(`HELP given twice for ${name}`);
      else helped.add(name!);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`malformed sample line: ${line}`);
    const sample = { name: m[1]!, labels: m[2] ? parseLabels(m[2], line) : {}, value: parseValue(m[3]!, line) };
    if (!types.has(familyOf(sample.name, types))) throw new Error(`sample before (or without) its TYPE line: ${line}`);
    samples.push(sample);
  }
  checkHistograms(samples, types);
  return {
    samples,
    types,
    value: (name, labels = {}) => samples.find((s) => s.name === name && key(s.labels) === key(labels))?.value,
    sum: (name, labels = {}) => samples.filter((s) => s.name === name && matches(s.labels, labels)).reduce((a, s) => a + s.value, 0),
  };
}
