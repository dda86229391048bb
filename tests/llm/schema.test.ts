import { describe, expect, it } from 'vitest';
import { DRAFT_JSON_SCHEMA, draftResponseFormat, MAX_DRAFT_CHARS, parseDraft } from '../../src/llm/schema.js';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: JsonSchema;
  [k: string]: unknown;
}

/** Walks every object node: strict mode needs additionalProperties false and every property required. */
function strictProblems(node: JsonSchema, path = '$'): string[] {
  const problems: string[] = [];
  if (node.type === 'object') {
    const keys = Object.keys(node.properties ?? {});
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    if ([...(node.required ?? [])].sort().join() !== [...keys].sort().join()) problems.push(`${path}: every property must be required`);
    for (const k of keys) problems.push(...strictProblems(node.properties![k]!, `${path}.${k}`));
  }
  if (node.items) problems.push(...strictProblems(node.items, `${path}[]`));
  for (const unsupported of ['maxLength', 'minLength', 'default']) if (unsupported in node) problems.push(`${path}: ${unsupported}`);
  return problems;
}

describe('draft JSON schema', () => {
  it('is strict-mode compatible and describes exactly the three fields', () => {
    const schema = DRAFT_JSON_SCHEMA as JsonSchema;
    expect(strictProblems(schema)).toEqual([]);
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['answer', 'cited_ids', 'context_sufficient']);
    expect(schema.properties?.cited_ids).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schema.properties?.context_sufficient).toMatchObject({ type: 'boolean' });
  });

  it('is sent as response_format json_schema with strict: true', () => {
    const format = draftResponseFormat();
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(format.json_schema.schema).toEqual(DRAFT_JSON_SCHEMA);
  });
});

describe('parseDraft', () => {
  const good = { answer: 'Notify within 14 days.', cited_ids: ['a'], context_sufficient: true };

  it('accepts valid JSON content, also inside a ```json fence', () => {
    expect(parseDraft(JSON.stringify(good))).toEqual({ ok: true, value: good });
    expect(parseDraft('```json\n' + JSON.stringify(good) + '\n```')).toEqual({ ok: true, value: good });
  });

  it('rejects text that is not JSON, wrong types, missing fields and over-long answers', () => {
    expect(parseDraft('Sure! Here is your answer: notify within 14 days.').ok).toBe(false);
    expect(parseDraft('{"answer": "x", "cited_ids": "a", "context_sufficient": true}').ok).toBe(false);
    expect(parseDraft('{"answer": "x", "context_sufficient": true}').ok).toBe(false);
    expect(parseDraft(JSON.stringify({ ...good, answer: 'x'.repeat(MAX_DRAFT_CHARS + 1) })).ok).toBe(false);
  });

  it('never echoes the content in its problem description', () => {
    const result = parseDraft('{"answer": "PRIVATE-TEXT", "cited_ids": 5, "context_sufficient": true}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).not.toContain('PRIVATE-TEXT');
  });
});
