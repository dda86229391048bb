/**
 * Small helpers for the end-to-end suite: read what a member sees in an interaction response or a message,
 * and let the bot finish handling earlier events before asserting that it stayed quiet.
 */
import { expect } from 'vitest';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIEmbed,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { FakePermissions, type RecordedRequest, type SentInteraction } from '../fakes/discord.js';
import type { TestBot } from '../support/bot.js';

export const EPHEMERAL = 64;

type MessageLike = Pick<APIInteractionResponseCallbackData, 'content' | 'embeds' | 'components' | 'flags'>;

/** The message data of a type-4 or type-7 response. */
export function messageOf(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (response.type !== InteractionResponseType.ChannelMessageWithSource && response.type !== InteractionResponseType.UpdateMessage) {
    throw new Error(`expected a message response (4 or 7), got type ${response.type}`);
  }
  return response.data ?? {};
}

/** Waits for the initial response and checks it is an immediate message (callback type 4, not a deferral). */
export async function replyTo(t: TestBot, i: SentInteraction): Promise<APIInteractionResponseCallbackData> {
  const response = await t.fake.waitForResponse(i.id);
  expect(response.type).toBe(4);
  return messageOf(response);
}

/** Waits for the initial response and checks it shows a modal (callback type 9); returns the modal. */
export async function formFrom(t: TestBot, i: SentInteraction): Promise<APIModalInteractionResponseCallbackData> {
  const response = await t.fake.waitForResponse(i.id);
  if (response.type !== InteractionResponseType.Modal)
    throw new Error(`expected a modal (type 9), got type ${response.type}: ${JSON.stringify(response)}`);
  await handled(t, i.id); // a 👎 is recorded right after its form is shown
  return response.data;
}

/** The "what went wrong" form a 👎 opens. */
export const DOWNVOTE_FORM_TITLE = 'What went wrong? (optional)';

export const isEphemeral = (m: Pick<MessageLike, 'flags'>): boolean => ((m.flags ?? 0) & EPHEMERAL) !== 0;

/** Every custom_id in a message's components. */
export function customIdsOf(m: Pick<MessageLike, 'components'>): string[] {
  const ids: string[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list as { custom_id?: unknown; components?: unknown }[]) {
      if (typeof c.custom_id === 'string') ids.push(c.custom_id);
      walk(c.components);
    }
  };
  walk(m.components);
  return ids;
}

/** The options of the first select menu in a message. */
export function selectOptionsOf(m: Pick<MessageLike, 'components'>): { label: string; value: string }[] {
  const rows = (m.components ?? []) as { components?: { type: number; options?: { label: string; value: string }[] }[] }[];
  return rows.flatMap((r) => r.components ?? []).find((c) => c.type === 3)?.options ?? [];
}

/** Everything a member reads in the embeds, as one string. */
export function embedText(embeds: readonly APIEmbed[] | undefined): string {
  return (embeds ?? [])
    .flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

/** Everything a member reads in a message: content plus embeds. */
export const textOf = (m: MessageLike | APIMessage): string => [m.content ?? '', embedText(m.embeds)].join('\n');

const referencedId = (body: unknown): unknown =>
  (body as { message_reference?: { message_id?: unknown } } | null)?.message_reference?.message_id;

/** Bot requests that react to a member's message: a reply to it, a thread on it, or a message in the thread it opened. */
export function reactionsTo(t: TestBot, messageId: string): RecordedRequest[] {
  return t.fake.requests.filter(
    (r) =>
      r.method === 'POST' &&
      (r.path.includes(`/${messageId}/`) || r.path.startsWith(`/channels/${messageId}/`) || referencedId(r.body) === messageId),
  );
}

/**
 * Lets the bot finish what it was sent so far: a fresh member mentions the bot with a real question in #general, and
 * this waits until the bot has acted on it. Events are handled in order, so anything sent earlier has been handled.
 */
export async function settle(t: TestBot): Promise<void> {
  const m = t.fake.userMessage(t.fake.channels.general.id, 'how do I ask for a raise without seeming pushy?', {
    mentionBot: true,
    author: t.fake.user('sentinel'),
  });
  await t.fake.waitForRequest((r) => r.status < 300 && reactionsTo(t, m.id).includes(r));
}

/** Polls until `probe` returns a value (for log lines, which the fake cannot signal). */
export async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `/config <subcommand> channel:<id>` as a moderator (a channel option, type 7). */
export function configChannel(
  t: TestBot,
  subcommand: 'add-help-channel' | 'remove-help-channel',
  channelId: string,
  permissions: string = FakePermissions.manageGuild,
): Promise<APIInteractionResponseCallbackData> {
  return replyTo(
    t,
    t.fake.slash('config', [{ name: 'channel', type: ApplicationCommandOptionType.Channel, value: channelId }], {
      subcommand,
      permissions,
    }),
  );
}

/**
 * Waits until the bot has finished with an interaction or a message, including work done after replying (such as
 * queueing an unanswered question), by watching its log for the final line.
 */
export function handled(t: TestBot, id: string): Promise<true> {
  const done = (l: Record<string, unknown>) =>
    (l.interactionId === id && l.msg === 'interaction handled') || (l.messageId === id && l.msg === 'help-channel question answered');
  return until(() => t.logs.lines().some(done) || undefined, `the bot to finish handling ${id}`);
}
