/**
 * Interaction routes (test-infra §1.5): `POST /interactions/:id/:token/callback` with the 3-second
 * deadline, double-acknowledgement and per-type checks, and the interaction webhook (`PATCH @original`,
 * follow-ups) with the 15-minute token lifetime, and modals (type 9, checked in `discord-limits-modal.ts`). Not
 * modelled (rejected loudly): `with_response=true`, fetching or deleting a response.
 */
import {
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIInteractionResponse,
  type APIMessage,
  type APIMessageInteractionMetadata,
} from 'discord-api-types/v10';
import { applyBody, makeMessage } from './discord-messages.js';
import { FormErrors, checkAutocomplete, isRecord } from './discord-limits.js';
import { checkModal } from './discord-limits-modal.js';
import { vetMessage } from './discord-rest-channels.js';
import { apiError, ok, type Route, type RouteContext, type RouteResult } from './discord-rest.js';
import type { FakeState, InteractionRecord } from './discord-state.js';

/**
 * Callback types Discord accepts per interaction type: a modal (9) answers a command or a component, never a modal
 * submit, which is answered with a message.
 */
const ALLOWED: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5],
};

function metadata(state: FakeState, rec: InteractionRecord): APIMessageInteractionMetadata | undefined {
  const user = rec.payload.member?.user ?? rec.payload.user ?? state.memberUser;
  const owners = rec.payload.authorizing_integration_owners;
  if (rec.payload.type === InteractionType.ApplicationCommand) {
    return { id: rec.id, type: InteractionType.ApplicationCommand, user, authorizing_integration_owners: owners };
  }
  if (rec.payload.type === InteractionType.MessageComponent) {
    return {
      id: rec.id,
      type: InteractionType.MessageComponent,
      user,
      authorizing_integration_owners: owners,
      interacted_message_id: rec.payload.message.id,
    };
  }
  return undefined;
}

/** A message authored by the application's webhook, as interaction responses and follow-ups are. */
function responseMessage(state: FakeState, rec: InteractionRecord, data: unknown, extraFlags = 0): APIMessage {
  const base = makeMessage({
    id: state.nextId(),
    channelId: rec.channelId,
    author: state.botUser,
    timestamp: state.iso(),
    type: rec.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
  });
  const message = applyBody(base, data);
  message.flags = (message.flags ?? 0) | extraFlags;
  message.webhook_id = state.applicationId;
  message.application_id = state.applicationId;
  const meta = metadata(state, rec);
  if (meta) message.interaction_metadata = meta;
  return message;
}

function reject(state: FakeState, rec: InteractionRecord, errors: FormErrors): RouteResult {
  state.violation(`${rec.label} callback rejected: ${errors.lines.join('; ')}`);
  return { status: 400, body: errors.body() };
}

function validate(state: FakeState, rec: InteractionRecord, body: Record<string, unknown>): RouteResult | undefined {
  const type = body.type;
  const allowed = ALLOWED[rec.payload.type] ?? [];
  if (typeof type !== 'number' || !allowed.includes(type)) {
    const errors = new FormErrors();
    errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', `Callback type ${String(type)} is not valid for ${rec.label}`);
    return reject(state, rec, errors);
  }
  const response = type as InteractionResponseType;
  if (response === InteractionResponseType.ChannelMessageWithSource || response === InteractionResponseType.UpdateMessage) {
    return vetMessage(
      state,
      `${rec.label} callback type ${type}`,
      body.data,
      response === InteractionResponseType.ChannelMessageWithSource,
      ['data'],
    );
  }
  if (response === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const errors = checkAutocomplete(body.data);
    return errors.empty ? undefined : reject(state, rec, errors);
  }
  if (response === InteractionResponseType.Modal) {
    const errors = checkModal(body.data);
    return errors.empty ? undefined : reject(state, rec, errors);
  }
  return undefined;
}

/** Creates the message side effects of an accepted initial response. */
function applyResponse(state: FakeState, rec: InteractionRecord, response: APIInteractionResponse): void {
  const component = 'message' in rec.payload ? rec.payload.message : undefined;
  switch (response.type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      rec.original = state.putMessage(responseMessage(state, rec, response.data));
      state.echo(GatewayDispatchEvents.MessageCreate, rec.original);
      break;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const ephemeral = (response.data?.flags ?? 0) & MessageFlags.Ephemeral;
      rec.original = state.putMessage(responseMessage(state, rec, {}, MessageFlags.Loading | ephemeral));
      state.echo(GatewayDispatchEvents.MessageCreate, rec.original);
      break;
    }
    case InteractionResponseType.DeferredMessageUpdate:
      rec.original = component;
      break;
    case InteractionResponseType.UpdateMessage:
      if (component) {
        rec.original = state.putMessage({ ...applyBody(component, response.data), edited_timestamp: state.iso() });
        state.echo(GatewayDispatchEvents.MessageUpdate, rec.original);
      }
      break;
    default:
      break;
  }
  rec.ephemeral = rec.original !== undefined && state.isEphemeral(rec.original);
}

function callback({ state, params, query, body }: RouteContext): RouteResult {
  const rec = state.interactions.get(params.id ?? '');
  if (!rec || rec.token !== params.token) {
    state.violation(`callback for unknown interaction ${params.id ?? '?'}`);
    return apiError(404, 10062, 'Unknown interaction');
  }
  if (query.get('with_response') === 'true') {
    state.violation(`${rec.label}: with_response=true is not modelled by the fake`);
    return apiError(400, 0, 'with_response=true is not modelled (fake)');
  }
  if (rec.response !== undefined) {
    state.violation(`${rec.label} (${rec.id}): acknowledged twice`);
    return apiError(400, 40060, 'Interaction has already been acknowledged.');
  }
  const age = state.now() - rec.createdAt;
  if (age > state.deadlineMs) {
    rec.deadlineFlagged = true;
    state.violation(`${rec.label} (${rec.id}): initial response after ${age} ms (deadline ${state.deadlineMs} ms)`);
    return apiError(404, 10062, 'Unknown interaction');
  }
  if (!isRecord(body)) {
    const errors = new FormErrors();
    errors.add([], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return reject(state, rec, errors);
  }
  const rejected = validate(state, rec, body);
  if (rejected) return rejected;
  const response = body as unknown as APIInteractionResponse;
  rec.response = response;
  rec.respondedAt = state.now();
  applyResponse(state, rec, response);
  state.notify();
  return ok();
}

/** Resolves the interaction behind a webhook token, enforcing the application id and the token lifetime. */
function tokenOwner({ state, params }: RouteContext, where: string): InteractionRecord | RouteResult {
  if (params.app !== state.applicationId) {
    state.violation(`${where}: webhook path uses ${params.app ?? '?'} instead of application id ${state.applicationId}`);
    return apiError(404, 10015, 'Unknown Webhook');
  }
  const rec = state.interactionByToken(params.token ?? '');
  if (!rec) {
    state.violation(`${where}: unknown interaction token`);
    return apiError(404, 10015, 'Unknown Webhook');
  }
  const age = state.now() - rec.createdAt;
  if (age > state.tokenLifetimeMs) {
    state.violation(`${rec.label} (${rec.id}): ${where} after the token expired (${Math.round(age / 1000)} s old)`);
    return apiError(401, 50027, 'Invalid Webhook Token');
  }
  if (rec.response === undefined) {
    state.violation(`${rec.label} (${rec.id}): ${where} before the initial response`);
    return apiError(404, 10015, 'Unknown Webhook');
  }
  return rec;
}

function target(rec: InteractionRecord, id: string): APIMessage | RouteResult {
  const message = id === '@original' ? rec.original : rec.followUps.find((f) => f.message.id === id)?.message;
  return message ?? apiError(404, 10008, 'Unknown Message');
}

function editMessage(ctx: RouteContext): RouteResult {
  const { state, params, body } = ctx;
  const rec = tokenOwner(ctx, `edit of ${params.message ?? '?'}`);
  if ('status' in rec) return rec;
  const message = target(rec, params.message ?? '');
  if ('status' in message) return message;
  const rejected = vetMessage(state, `${rec.label} edit of ${params.message ?? '?'}`, body, false);
  if (rejected) return rejected;
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const edited = applyBody(message, body);
  edited.flags = (edited.flags ?? 0) & ~MessageFlags.Loading;
  if (!wasLoading) edited.edited_timestamp = state.iso();
  state.putMessage(edited);
  if (params.message === '@original') {
    rec.original = edited;
    rec.edits.push(body);
    rec.editedAt = state.now();
  } else {
    const entry = rec.followUps.find((f) => f.message.id === edited.id);
    if (entry) entry.message = edited;
  }
  state.echo(GatewayDispatchEvents.MessageUpdate, edited);
  return ok(edited);
}

export function interactionRoutes(): Route[] {
  return [
    { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: callback },
    { method: 'PATCH', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handle: editMessage },
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handle: (ctx) => {
        const { state, query, body } = ctx;
        const rec = tokenOwner(ctx, 'follow-up');
        if ('status' in rec) return rec;
        const rejected = vetMessage(state, `${rec.label} follow-up`, body, true);
        if (rejected) return rejected;
        const message = state.putMessage(responseMessage(state, rec, body));
        rec.followUps.push({ body, message });
        state.echo(GatewayDispatchEvents.MessageCreate, message);
        state.notify();
        return query.get('wait') === 'true' ? ok(message) : ok();
      },
    },
  ];
}
