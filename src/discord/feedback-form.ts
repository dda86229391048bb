import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ModalSubmitInteraction } from 'discord.js';
import { COMMENT_MAX, isReason, REASON_LABELS, REASONS, type Because } from '../curation/reasons.js';
import type { FeedbackKind } from '../curation/votes.js';

/**
 * The 👎 form ("what went wrong?"). Its custom id names the member it was shown to, so nobody can submit a form
 * for another member's vote; the message it explains comes with the submission (the message of the 👎 button).
 */
const FORM_ID = /^fbw:(\d{1,20}):(k|l|r):([a-z0-9][a-z0-9-]*)$/;
export const REASON_FIELD = 'reason';
export const COMMENT_FIELD = 'comment';

export const formId = (userId: string, kind: FeedbackKind, entryId: string): string => `fbw:${userId}:${kind}:${entryId}`;

export function parseFormId(customId: string): { userId: string; kind: FeedbackKind; entryId: string } | undefined {
  const m = FORM_ID.exec(customId);
  return m ? { userId: m[1]!, kind: m[2] as FeedbackKind, entryId: m[3]! } : undefined;
}

/** The modal shown for a 👎: a required choice of reason and an optional comment (≤ COMMENT_MAX characters). */
export function reasonForm(userId: string, kind: FeedbackKind, entryId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: formId(userId, kind, entryId),
    title: 'What went wrong? (optional)',
    components: [
      {
        type: ComponentType.Label,
        label: 'What was wrong with the answer?',
        description: 'Your 👎 is counted already; this helps the curators fix it.',
        component: {
          type: ComponentType.StringSelect,
          custom_id: REASON_FIELD,
          placeholder: 'Choose one',
          options: REASONS.map((value) => ({ label: REASON_LABELS[value], value })),
        },
      },
      {
        type: ComponentType.Label,
        label: 'Anything to add? (optional)',
        component: {
          type: ComponentType.TextInput,
          custom_id: COMMENT_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: COMMENT_MAX,
        },
      },
    ],
  };
}

/** What the member chose and wrote; undefined when the submission carries no known reason (forged or outdated). */
export function submittedBecause(interaction: ModalSubmitInteraction): Because | undefined {
  const fields = interaction.fields.fields;
  const reasonField = fields.get(REASON_FIELD);
  const commentField = fields.get(COMMENT_FIELD);
  const reason = reasonField && 'values' in reasonField ? reasonField.values?.[0] : undefined;
  const comment = commentField && 'value' in commentField && typeof commentField.value === 'string' ? commentField.value : undefined;
  return isReason(reason) ? { reason, comment } : undefined;
}
