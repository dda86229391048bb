import { ComponentType, MessageFlags, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { rulesView } from '../answer/view.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { RuleCommand } from '../kb/understand.js';
import type { Inputs } from '../understand/decide.js';
import { FILL_BUTTON, FILL_FORM, FORM_FIELDS, formText, packInputs, readFormValue, REQUIRED, unpackInputs } from '../understand/form.js';
import { rulesReply } from '../understand/reply.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent } from './errors.js';
import { truncate } from './limits.js';
import { answerMessage, questionFromEmbed } from './render.js';

/**
 * Completing a question read as a command's request: the button under a missing-facts reply opens a form with what
 * was read already filled in; the submitted form gets the command's answer, privately. Custom ids carry the understood
 * values (`fill:<packed>`, `fill-form:<packed>`), so nothing is kept on the server.
 */
const BUTTON = FILL_BUTTON;
const FORM = FILL_FORM;

/** The form: one text input per fact of the command (knowledge/understand.yaml `facts`), prefilled with what was read. */
export function fillForm(
  command: RuleCommand,
  inputs: Inputs,
  kb: Pick<KnowledgeBase, 'understand'>,
): APIModalInteractionResponseCallbackData {
  const help = kb.understand.facts[command] as Record<string, { label: string; placeholder: string }>;
  return {
    custom_id: `${FORM}:${packInputs(command, inputs)}`,
    title: `/${command}`,
    components: FORM_FIELDS[command].map((flag, i) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: flag,
          label: help[flag]!.label,
          placeholder: help[flag]!.placeholder,
          style: TextInputStyle.Short,
          required: i < REQUIRED[command],
          max_length: 100,
          ...(inputs[flag] === undefined ? {} : { value: formText(inputs[flag]) }),
        },
      ],
    })),
  };
}

const unpack = (customId: string, prefix: string) =>
  customId.startsWith(`${prefix}:`) ? unpackInputs(customId.slice(prefix.length + 1)) : undefined;

export const fillButtons: ComponentHandler = {
  prefix: BUTTON,
  type: 'button',
  async handle(interaction, ctx) {
    const packed = unpack(interaction.customId, BUTTON);
    if (!packed) throw new ExpiredComponent();
    await interaction.showModal(fillForm(packed.command, packed.inputs, ctx.knowledge().kb));
  },
};

export const fillForms: ComponentHandler = {
  prefix: FORM,
  type: 'modal',
  async handle(interaction, ctx, log) {
    const packed = unpack(interaction.customId, FORM);
    if (!packed) throw new ExpiredComponent('form');
    const { kb } = ctx.knowledge();
    const inputs: Inputs = { ...packed.inputs };
    for (const flag of FORM_FIELDS[packed.command]) {
      const field = interaction.fields.fields.get(flag);
      const typed = field && 'value' in field ? String(field.value) : '';
      const value = readFormValue(kb.understand, flag, typed);
      if (value === undefined) delete inputs[flag];
      else inputs[flag] = value;
    }
    const reply = rulesReply(kb, { command: packed.command, inputs, missing: [] });
    log.info({ command: reply.command, complete: reply.run !== undefined }, 'form for a question read as a command answered');
    const question = questionFromEmbed(interaction.message?.embeds[0]) ?? `/${packed.command}`;
    await interaction.reply({ ...answerMessage(rulesView(kb, reply, []), truncate(question, 200), kb), flags: MessageFlags.Ephemeral });
  },
};
