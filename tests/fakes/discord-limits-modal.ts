/**
 * Modals (callback type 9), checked the way Discord checks them (docs: interactions/receiving-and-responding
 * "Modal", components/reference "Label", "Text Input", "String Select"): custom_id 1–100, title 1–45, 1–5
 * components, each a Label (label ≤ 45, description ≤ 100) holding a Text Input or a String Select, or a legacy action
 * row holding one Text Input with its own label (≤ 45). Modelled: what the bot shows. Other children and text
 * displays are rejected loudly as not modelled.
 */
import { FormErrors, checkArray, checkString, isRecord, type Path } from './discord-limits-form.js';

export const MODAL_LIMITS = { title: 45, components: 5, label: 45, labelDescription: 100, textLength: 4000, textPlaceholder: 100 } as const;

const TEXT_INPUT = 4;
const STRING_SELECT = 3;
const LABEL = 18;
const ACTION_ROW = 1;

function checkCount(errors: FormErrors, path: Path, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors.add(path, 'NUMBER_TYPE_MAX', `Must be a whole number between ${min} and ${max}.`);
  }
}

function checkTextInput(errors: FormErrors, at: Path, c: Record<string, unknown>): void {
  if (c.style !== 1 && c.style !== 2) errors.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2).');
  checkCount(errors, [...at, 'min_length'], c.min_length, 0, MODAL_LIMITS.textLength);
  checkCount(errors, [...at, 'max_length'], c.max_length, 1, MODAL_LIMITS.textLength);
  checkString(errors, [...at, 'value'], c.value, MODAL_LIMITS.textLength);
  checkString(errors, [...at, 'placeholder'], c.placeholder, MODAL_LIMITS.textPlaceholder);
  if (c.label !== undefined)
    errors.add([...at, 'label'], 'COMPONENT_INVALID', 'A text input inside a label has no label of its own (not modelled)');
}

function checkStringSelect(errors: FormErrors, at: Path, c: Record<string, unknown>): void {
  const options = checkArray(errors, [...at, 'options'], c.options, 25);
  if (options.length === 0) errors.add([...at, 'options'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
  options.forEach((o, k) => {
    if (!isRecord(o)) return errors.add([...at, 'options', k], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkString(errors, [...at, 'options', k, 'label'], o.label, 100, { required: true, min: 1 });
    checkString(errors, [...at, 'options', k, 'value'], o.value, 100, { required: true, min: 1 });
    checkString(errors, [...at, 'options', k, 'description'], o.description, 100);
  });
  checkString(errors, [...at, 'placeholder'], c.placeholder, 150);
  checkCount(errors, [...at, 'min_values'], c.min_values, 0, 25);
  checkCount(errors, [...at, 'max_values'], c.max_values, 1, 25);
  if (c.disabled !== undefined) errors.add([...at, 'disabled'], 'COMPONENT_INVALID', 'Modals can not have disabled components');
  if (c.required !== false && c.min_values === 0)
    errors.add([...at, 'min_values'], 'COMPONENT_INVALID', 'min_values must be at least 1 when required');
}

function checkCustomId(errors: FormErrors, at: Path, c: Record<string, unknown>, ids: Set<string>): void {
  if (checkString(errors, [...at, 'custom_id'], c.custom_id, 100, { required: true, min: 1 }) > 0 && typeof c.custom_id === 'string') {
    if (ids.has(c.custom_id))
      errors.add([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    ids.add(c.custom_id);
  }
}

/** The older layout: an action row holding one text input that carries its own label. */
function checkLegacyRow(errors: FormErrors, at: Path, row: Record<string, unknown>, ids: Set<string>): void {
  const input = Array.isArray(row.components) && row.components.length === 1 ? (row.components[0] as unknown) : undefined;
  if (!isRecord(input) || input.type !== TEXT_INPUT)
    return errors.add([...at, 'components'], 'COMPONENT_INVALID', 'An action row in a modal holds exactly one text input');
  const ip = [...at, 'components', 0];
  checkCustomId(errors, ip, input, ids);
  checkString(errors, [...ip, 'label'], input.label, MODAL_LIMITS.label, { required: true, min: 1 });
  checkTextInput(errors, ip, { ...input, label: undefined });
}

function checkLabel(errors: FormErrors, at: Path, label: unknown, ids: Set<string>): void {
  if (isRecord(label) && label.type === ACTION_ROW) return checkLegacyRow(errors, at, label, ids);
  if (!isRecord(label) || label.type !== LABEL) {
    return errors.add(
      [...at, 'type'],
      'UNION_TYPE_CHOICES',
      'Only labels (type 18) and action rows (type 1) are modelled at the top level of a modal',
    );
  }
  checkString(errors, [...at, 'label'], label.label, MODAL_LIMITS.label, { required: true, min: 1 });
  checkString(errors, [...at, 'description'], label.description, MODAL_LIMITS.labelDescription);
  const c = label.component;
  const cp = [...at, 'component'];
  if (!isRecord(c) || (c.type !== TEXT_INPUT && c.type !== STRING_SELECT)) {
    return errors.add([...cp, 'type'], 'UNION_TYPE_CHOICES', 'Only text inputs and string selects are modelled in labels');
  }
  checkCustomId(errors, cp, c, ids);
  if (c.required !== undefined && typeof c.required !== 'boolean')
    errors.add([...cp, 'required'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  if (c.type === TEXT_INPUT) checkTextInput(errors, cp, c);
  else checkStringSelect(errors, cp, c);
}

/** Checks the `data` of a type-9 callback. */
export function checkModal(data: unknown): FormErrors {
  const errors = new FormErrors();
  if (!isRecord(data)) {
    errors.add(['data'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors;
  }
  checkString(errors, ['data', 'custom_id'], data.custom_id, 100, { required: true, min: 1 });
  checkString(errors, ['data', 'title'], data.title, MODAL_LIMITS.title, { required: true, min: 1 });
  const components = checkArray(errors, ['data', 'components'], data.components, MODAL_LIMITS.components);
  if (components.length === 0) errors.add(['data', 'components'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
  const ids = new Set<string>();
  components.forEach((label, i) => checkLabel(errors, ['data', 'components', i], label, ids));
  return errors;
}
