import { z } from 'zod';

/** Longest draft accepted; the prompt asks for about 1,200 characters so a good answer never comes near it. */
export const MAX_DRAFT_CHARS = 1800;
export const RESPONSE_FORMAT_NAME = 'kb_grounded_draft';

const fields = {
  answer: z.string().describe('The answer in concise Discord Markdown, written only from the context entries.'),
  cited_ids: z.array(z.string()).describe('Exact ids of every context entry the answer relies on.'),
  context_sufficient: z.boolean().describe('false when the context entries do not answer the question.'),
};

/** What the model must return. Validated here, on our side, whatever the server claims to enforce. */
export const draftSchema = z.object({
  ...fields,
  answer: fields.answer.max(MAX_DRAFT_CHARS),
});
export type DraftOutput = z.infer<typeof draftSchema>;

/**
 * The schema sent on the wire. It leaves out `maxLength`: OpenAI's strict mode supports only a subset of JSON Schema,
 * and llama.cpp turns a length bound into a grammar with one rule per character. The length is checked by `draftSchema`.
 */
function wireSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(z.strictObject(fields), { target: 'draft-7' });
  return schema;
}

export const DRAFT_JSON_SCHEMA: Readonly<Record<string, unknown>> = wireSchema();

/** `response_format` for chat completions: the portable structured-output path (OpenAI, Ollama, llama.cpp, vLLM). */
export function draftResponseFormat() {
  return {
    type: 'json_schema' as const,
    json_schema: { name: RESPONSE_FORMAT_NAME, strict: true, schema: { ...DRAFT_JSON_SCHEMA } },
  };
}

export type ParsedDraft = { ok: true; value: DraftOutput } | { ok: false; problem: string };

/** Local models sometimes wrap JSON in a Markdown fence even when asked not to. */
function unfence(text: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return m?.[1] ?? text;
}

/** JSON.parse + zod, so servers that return plain JSON content (without the SDK's `.parse()` support) work too. */
export function parseDraft(content: string): ParsedDraft {
  let json: unknown;
  try {
    json = JSON.parse(unfence(content));
  } catch {
    return { ok: false, problem: 'content is not JSON' };
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, problem: `content does not match the schema (${where})` };
  }
  return { ok: true, value: parsed.data };
}
