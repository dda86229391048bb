import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type Interaction,
} from 'discord.js';
import { exportFileName, exportText, queueExport } from '../curation/export.js';
import type { QueueItem } from '../curation/queue.js';
import { REASON_LABELS, type Reason } from '../curation/reasons.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent, UserError } from './errors.js';
import { fitEmbed, truncate } from './limits.js';
import { escapeText, NO_MENTIONS } from './render.js';

/** Items per page of `/config queue show` (one row of "done" buttons). */
export const PAGE_SIZE = 5;

/** Moderators only, checked again on every use (buttons of an ephemeral message included). */
export function requireManager(interaction: Interaction): string {
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('Only members with the **Manage Server** permission can use `/config`.', 'missing-permission');
  }
  return interaction.guildId;
}

const reasonsText = (reasons: Partial<Record<Reason, number>>) =>
  Object.entries(reasons)
    .map(([r, n]) => `${REASON_LABELS[r as Reason]} ×${n}`)
    .join(', ');

/** One item as curators see it: member text (question, comments) escaped and shortened. */
export function itemLines(item: QueueItem, n: number): string {
  const head = `**${n}.** ${item.kind === 'downvoted' ? '👎' : '❔'} ×${item.count} ${item.entryId ? `${escapeText(item.entryId)} ` : ''}— ${escapeText(truncate(item.question, 150))}`;
  const why = [reasonsText(item.reasons), ...item.comments.slice(0, 2).map((c) => `“${escapeText(truncate(c, 120))}”`)].filter(Boolean);
  const closest = item.kind === 'unanswered' ? `closest: ${item.closest ? escapeText(item.closest) : 'no entry'}` : '';
  return [head, ...(why.length > 0 ? [`  ${why.join(' · ')}`] : []), ...(closest ? [`  ${closest}`] : [])].join('\n');
}

const button = (
  custom_id: string,
  label: string,
  style: ButtonStyle.Success | ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent => ({ type: ComponentType.Button, custom_id, label, style, disabled });
const row = (components: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> => ({
  type: ComponentType.ActionRow,
  components,
});

/** Page `page` (clamped) of the open items: the embed, a "done" button per item and ◀ ▶. Ids carry all state. */
export function queuePage(items: readonly QueueItem[], page: number, note?: string) {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const embed: APIEmbed = fitEmbed({
    title: `Curator queue (${items.length}) · page ${p + 1}/${pages}`,
    description: shown.map((item, i) => itemLines(item, p * PAGE_SIZE + i + 1)).join('\n') || 'Nothing waiting. 🎉',
    footer: { text: 'Done removes an item (asked again later, it comes back). /config queue export gives them all as JSON.' },
  });
  const components = [
    ...(shown.length > 0
      ? [row(shown.map((item, i) => button(`cq:d:${item.id}:${p}`, `Done ${p * PAGE_SIZE + i + 1}`, ButtonStyle.Success)))]
      : []),
    row([
      button(`cq:p:${Math.max(0, p - 1)}:prev`, '◀ Previous', ButtonStyle.Secondary, p === 0),
      button(`cq:p:${p + 1}:next`, 'Next ▶', ButtonStyle.Secondary, p >= pages - 1),
    ]),
  ];
  return { content: note ?? '', embeds: [embed], components, allowedMentions: NO_MENTIONS };
}

/** `/config queue export`: the open items as a JSON attachment (the same document as the CLI's `queue --json`). */
export function exportReply(guildId: string, items: readonly QueueItem[]) {
  const doc = queueExport(guildId, items);
  return {
    content: `${doc.items.length} open item(s), newest first.`,
    files: [{ attachment: Buffer.from(exportText(doc), 'utf8'), name: exportFileName(guildId) }],
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral as const,
  };
}

/** ◀ ▶ and "done" on a queue page: `cq:p:<page>:<prev|next>`, `cq:d:<itemId>:<page>`. The page is shown afresh. */
export const queueButtons: ComponentHandler = {
  prefix: 'cq',
  type: 'button',
  async handle(interaction, ctx, log) {
    const m = /^cq:(?:p:(\d{1,4}):(?:prev|next)|d:(\d{1,20}):(\d{1,4}))$/.exec(interaction.customId);
    if (!m) throw new ExpiredComponent();
    const guildId = requireManager(interaction);
    let note: string | undefined;
    if (m[2] !== undefined) {
      const removed = await ctx.queue.done(guildId, m[2]);
      log.info({ removed }, 'queue item done');
      note = removed > 0 ? 'Marked done.' : 'That item had already left the queue.';
    }
    await interaction.update(queuePage(await ctx.queue.list(guildId), Number(m[1] ?? m[3]), note));
  },
};
