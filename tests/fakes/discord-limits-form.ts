/**
 * Discord's `400 {code:50035, message:'Invalid Form Body', errors:{…}}` error shape, and the small
 * defensive helpers the limit checks share (bodies arrive from the network as `unknown`).
 */

export interface FormError {
  code: string;
  message: string;
}

export interface ErrorTree {
  _errors?: FormError[];
  [key: string]: ErrorTree | FormError[] | undefined;
}

export interface InvalidFormBody {
  code: 50035;
  message: 'Invalid Form Body';
  errors: ErrorTree;
}

/** Collects `path → error` pairs and renders them as Discord's nested `errors` object. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  /** One readable line per error, e.g. `content: Must be 2000 or fewer in length.` */
  readonly lines: string[] = [];

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node: ErrorTree = this.tree;
    for (const key of path) {
      const next = node[String(key)];
      if (next === undefined || Array.isArray(next)) {
        const created: ErrorTree = {};
        node[String(key)] = created;
        node = created;
      } else {
        node = next;
      }
    }
    (node._errors ??= []).push({ code, message });
    this.lines.push(`${path.length > 0 ? path.join('.') : '(body)'}: ${message}`);
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  body(): InvalidFormBody {
    return { code: 50035, message: 'Invalid Form Body', errors: this.tree };
  }
}

export type Path = readonly (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Discord counts characters as code points (its backend is Python), not UTF-16 units. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Checks an optional (or required) string field against `[min, max]` code points. */
export function checkString(
  errors: FormErrors,
  path: Path,
  value: unknown,
  max: number,
  { min = 0, required = false }: { min?: number; required?: boolean } = {},
): number {
  if (value === undefined || value === null) {
    if (required) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return 0;
  }
  const n = charCount(value);
  if (n > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  else if (n < min) errors.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
  return n;
}

export function checkArray(errors: FormErrors, path: Path, value: unknown, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return [];
  }
  if (value.length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return value;
}
