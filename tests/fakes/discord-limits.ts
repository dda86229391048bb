/**
 * Discord's message, component and interaction-response limits, checked the way the real API
 * checks them. Bodies arrive from the network, so every check takes `unknown` and inspects it
 * defensively. Failures are collected in a {@link FormErrors}, which renders Discord's
 * `400 {code:50035, message:'Invalid Form Body', errors:{…}}` shape.
 *
 * Sources: discord-api-docs `resources/message.mdx` (content 2000, embeds 10 / 6000 total,
 * per-field limits, allowed_mentions), `components/reference.mdx` (5 rows × 5 buttons,
 * custom_id 100, label 80), `interactions/receiving-and-responding.mdx` (25 choices).
 * Modelled: what the bot sends — content, embeds, classic action rows of buttons and select menus,
 * autocomplete results (modals: `discord-limits-modal.ts`). Components V2 are not modelled (rejected, loudly).
 */

import { FormErrors, checkArray, checkString, charCount, isRecord, type Path } from './discord-limits-form.js';

export {
  FormErrors,
  charCount,
  checkString,
  isRecord,
  type ErrorTree,
  type FormError,
  type InvalidFormBody,
  type Path,
} from './discord-limits-form.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  choices: 25,
  choiceText: 100,
} as const;

function trimmedLength(value: unknown): number {
  return typeof value === 'string' ? charCount(value.trim()) : 0;
}

function checkEmbeds(errors: FormErrors, path: Path, value: unknown): void {
  const embeds = checkArray(errors, path, value, LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = [...path, i];
    if (!isRecord(embed)) return errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkString(errors, [...at, 'title'], embed.title, LIMITS.title);
    checkString(errors, [...at, 'description'], embed.description, LIMITS.description);
    total += trimmedLength(embed.title) + trimmedLength(embed.description);
    if (isRecord(embed.footer)) {
      checkString(errors, [...at, 'footer', 'text'], embed.footer.text, LIMITS.footer, { required: true, min: 1 });
      total += trimmedLength(embed.footer.text);
    }
    if (isRecord(embed.author)) {
      checkString(errors, [...at, 'author', 'name'], embed.author.name, LIMITS.author, { required: true, min: 1 });
      total += trimmedLength(embed.author.name);
    }
    checkArray(errors, [...at, 'fields'], embed.fields, LIMITS.fields).forEach((field, j) => {
      const fp = [...at, 'fields', j];
      if (!isRecord(field)) return errors.add(fp, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      checkString(errors, [...fp, 'name'], field.name, LIMITS.fieldName, { required: true, min: 1 });
      checkString(errors, [...fp, 'value'], field.value, LIMITS.fieldValue, { required: true, min: 1 });
      total += trimmedLength(field.name) + trimmedLength(field.value);
    });
    if (embed.color !== undefined && (typeof embed.color !== 'number' || embed.color < 0 || embed.color > 0xffffff)) {
      errors.add([...at, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
  });
  if (total > LIMITS.embedTotal) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
}

/** Checks one interactive component (button / select) and registers its custom_id. */
function checkLeaf(errors: FormErrors, path: Path, c: Record<string, unknown>, ids: Set<string>): void {
  const isLinkOrPremium = c.type === 2 && (c.style === 5 || c.style === 6);
  if (c.type === 2 || (typeof c.type === 'number' && c.type >= 3 && c.type <= 8)) {
    if (!isLinkOrPremium) {
      const n = checkString(errors, [...path, 'custom_id'], c.custom_id, LIMITS.customId, { required: true, min: 1 });
      if (n > 0 && typeof c.custom_id === 'string') {
        if (ids.has(c.custom_id)) {
          errors.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
        }
        ids.add(c.custom_id);
      }
    } else if (c.style === 5) {
      checkString(errors, [...path, 'url'], c.url, 512, { required: true, min: 1 });
    }
  }
  if (c.type === 2) checkString(errors, [...path, 'label'], c.label, LIMITS.buttonLabel);
  if (c.type === 3) {
    checkArray(errors, [...path, 'options'], c.options, LIMITS.selectOptions).forEach((o, k) => {
      if (!isRecord(o)) return;
      checkString(errors, [...path, 'options', k, 'label'], o.label, 100, { required: true, min: 1 });
      checkString(errors, [...path, 'options', k, 'value'], o.value, 100, { required: true, min: 1 });
      checkString(errors, [...path, 'options', k, 'description'], o.description, 100);
    });
  }
  if (c.type !== undefined && c.type !== 1) checkString(errors, [...path, 'placeholder'], c.placeholder, 150);
}

function checkComponents(errors: FormErrors, path: Path, value: unknown): void {
  const rows = checkArray(errors, path, value, LIMITS.actionRows);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const at = [...path, i];
    if (!isRecord(row) || row.type !== 1) {
      return errors.add([...at, 'type'], 'UNION_TYPE_CHOICES', 'Top-level components must be action rows (type 1)');
    }
    const children = checkArray(errors, [...at, 'components'], row.components, LIMITS.rowButtons);
    if (children.length === 0) errors.add([...at, 'components'], 'BASE_TYPE_MIN_LENGTH', 'Must be 1 or more in length.');
    const hasSelect = children.some((c) => isRecord(c) && typeof c.type === 'number' && c.type >= 3 && c.type <= 8);
    if (hasSelect && children.length > 1) {
      errors.add([...at, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((c, j) => {
      if (isRecord(c)) checkLeaf(errors, [...at, 'components', j], c, ids);
    });
  });
}

export interface MessageCheck {
  errors: FormErrors;
  /** Discord answers an empty new message with 400 `{code:50006}`, not 50035. */
  empty: boolean;
}

/**
 * Checks a message-creating or message-editing body (channel message, callback `data` of type 4/7,
 * webhook POST/PATCH). `isNew` enables the "cannot send an empty message" rule.
 */
export function checkMessage(body: unknown, isNew: boolean, path: Path = []): MessageCheck {
  const errors = new FormErrors();
  if (!isRecord(body)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return { errors, empty: false };
  }
  checkString(errors, [...path, 'content'], body.content, LIMITS.content);
  checkEmbeds(errors, [...path, 'embeds'], body.embeds);
  checkComponents(errors, [...path, 'components'], body.components);
  const am = body.allowed_mentions;
  if (isRecord(am) && Array.isArray(am.parse)) {
    if (am.parse.includes('users') && Array.isArray(am.users)) {
      errors.add(
        [...path, 'allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["users"] and users: [ids] are mutually exclusive.',
      );
    }
    if (am.parse.includes('roles') && Array.isArray(am.roles)) {
      errors.add(
        [...path, 'allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["roles"] and roles: [ids] are mutually exclusive.',
      );
    }
  }
  const hasText = typeof body.content === 'string' && body.content.trim() !== '';
  const hasList = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  const empty =
    isNew &&
    !hasText &&
    !hasList(body.embeds) &&
    !hasList(body.components) &&
    !hasList(body.attachments) &&
    !hasList(body.sticker_ids) &&
    body.poll === undefined;
  return { errors, empty };
}

/**
 * Project rule (not a Discord rejection): every message payload must carry
 * `allowed_mentions` with `parse: []`. A missing field counts, because Discord's default parses
 * mentions. Explicit `users`/`roles` id lists are allowed as deliberate opt-ins.
 * Returns a description of the breach, or undefined.
 */
export function allowedMentionsBreach(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const am = body.allowed_mentions;
  if (am === undefined || am === null) return 'allowed_mentions missing (Discord would parse mentions)';
  if (!isRecord(am) || !Array.isArray(am.parse)) return `allowed_mentions.parse missing (got ${JSON.stringify(am)})`;
  if (am.parse.length > 0) return `allowed_mentions.parse must be [] (got ${JSON.stringify(am.parse)})`;
  return undefined;
}

/** Autocomplete result (callback type 8): ≤ 25 choices, name 1–100, string value 1–100. */
export function checkAutocomplete(data: unknown): FormErrors {
  const errors = new FormErrors();
  if (!isRecord(data) || !Array.isArray(data.choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return errors;
  }
  checkArray(errors, ['data', 'choices'], data.choices, LIMITS.choices).forEach((choice, i) => {
    const at = ['data', 'choices', i];
    if (!isRecord(choice)) return errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkString(errors, [...at, 'name'], choice.name, LIMITS.choiceText, { required: true, min: 1 });
    if (typeof choice.value === 'string') {
      checkString(errors, [...at, 'value'], choice.value, LIMITS.choiceText, { min: 1 });
    } else if (typeof choice.value !== 'number') {
      errors.add([...at, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
  return errors;
}
