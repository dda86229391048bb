/**
 * What a Discord client sends when a member submits a modal the bot showed (`fake.submitModal`): the labels' text
 * inputs and string selects with the member's values, wrapped as Discord wraps them (components reference,
 * "Label Interaction Response Structure"). The values are checked as the client checks them before it lets the
 * member submit — required fields, lengths, options — so a test cannot submit what no member could.
 */
import { ComponentType, type APIModalInteractionResponseCallbackData, type APIModalSubmissionComponent } from 'discord-api-types/v10';
import { charCount, isRecord } from './discord-limits-form.js';

/** By component custom_id: text for a text input, the chosen option values for a string select. */
export type ModalValues = Readonly<Record<string, string | readonly string[]>>;

interface Field {
  type: ComponentType.TextInput | ComponentType.StringSelect;
  customId: string;
  raw: Record<string, unknown>;
  /** In an action row (the older layout) rather than a label: submitted in an action row too. */
  legacy: boolean;
}

function fieldsOf(modal: APIModalInteractionResponseCallbackData): Field[] {
  return modal.components.flatMap((top): Field[] => {
    const row = isRecord(top) && Array.isArray(top.components) ? (top.components[0] as unknown) : undefined;
    const c = isRecord(top) && isRecord(top.component) ? top.component : isRecord(row) ? row : undefined;
    if (!c || typeof c.custom_id !== 'string' || (c.type !== ComponentType.TextInput && c.type !== ComponentType.StringSelect)) return [];
    return [{ type: c.type, customId: c.custom_id, raw: c, legacy: c === row }];
  });
}

function textValue(f: Field, value: string | readonly string[] | undefined): string {
  if (value !== undefined && typeof value !== 'string') throw new Error(`fake discord: ${f.customId} is a text input; give it text`);
  const text = value ?? '';
  const n = charCount(text);
  const required = f.raw.required !== false;
  const min = typeof f.raw.min_length === 'number' ? f.raw.min_length : 0;
  const max = typeof f.raw.max_length === 'number' ? f.raw.max_length : 4000;
  if (required && n === 0) throw new Error(`fake discord: the client requires ${f.customId} before submitting`);
  if (n > 0 && (n < min || n > max))
    throw new Error(`fake discord: the client keeps ${f.customId} within ${min}–${max} characters (got ${n})`);
  return text;
}

function selectValues(f: Field, value: string | readonly string[] | undefined): string[] {
  if (typeof value === 'string') throw new Error(`fake discord: ${f.customId} is a select menu; give it a list of values`);
  const values = [...(value ?? [])];
  const offered = (Array.isArray(f.raw.options) ? f.raw.options : []).map((o) => (isRecord(o) ? o.value : undefined));
  const unknown = values.filter((v) => !offered.includes(v));
  if (unknown.length > 0) throw new Error(`fake discord: ${f.customId} offers no option ${unknown.join(', ')}`);
  const required = f.raw.required !== false;
  const min = typeof f.raw.min_values === 'number' ? f.raw.min_values : 1;
  const max = typeof f.raw.max_values === 'number' ? f.raw.max_values : 1;
  if (values.length === 0 && !required) return values;
  if (values.length < min || values.length > max)
    throw new Error(`fake discord: the client lets ${f.customId} take ${min}–${max} values (got ${values.length})`);
  return values;
}

/** The `data` of the MODAL_SUBMIT interaction for `modal` filled in with `values`. */
export function modalSubmission(
  modal: APIModalInteractionResponseCallbackData,
  values: ModalValues,
): { custom_id: string; components: APIModalSubmissionComponent[] } {
  const fields = fieldsOf(modal);
  const stray = Object.keys(values).filter((id) => !fields.some((f) => f.customId === id));
  if (stray.length > 0) throw new Error(`fake discord: the modal has no field ${stray.join(', ')}`);
  const components = fields.map((f, i): APIModalSubmissionComponent => {
    const component =
      f.type === ComponentType.TextInput
        ? { type: ComponentType.TextInput as const, id: 2 * i + 2, custom_id: f.customId, value: textValue(f, values[f.customId]) }
        : { type: ComponentType.StringSelect as const, id: 2 * i + 2, custom_id: f.customId, values: selectValues(f, values[f.customId]) };
    if (f.legacy) return { type: ComponentType.ActionRow, id: 2 * i + 1, components: [component] } as APIModalSubmissionComponent;
    return { type: ComponentType.Label, id: 2 * i + 1, component };
  });
  return { custom_id: modal.custom_id, components };
}
