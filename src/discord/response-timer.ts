import { RESTEvents, type Client } from 'discord.js';
import type { InteractionType, Metrics } from '../ops/metrics.js';

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback/;

export interface ResponseTimer {
  /** An interaction arrived at `at` (performance.now()). */
  received(id: string, type: InteractionType, at: number): void;
  /** Its handling is over (answered or not): stop waiting for its first response. */
  done(id: string): void;
}

/**
 * Time to first response: from the moment an interaction reached this process to Discord accepting its first
 * response (reply, deferral, update or autocomplete choices), read from the REST client's responses, so it covers
 * every way a handler can answer.
 */
export function trackFirstResponses(client: Client, metrics: Pick<Metrics, 'firstResponse'>): ResponseTimer {
  const pending = new Map<string, { type: InteractionType; at: number }>();
  client.rest.on(RESTEvents.Response, (request, response) => {
    const id = CALLBACK.exec(request.path)?.[1];
    const started = id === undefined ? undefined : pending.get(id);
    if (!started || response.status >= 300) return;
    pending.delete(id!);
    metrics.firstResponse(started.type, (performance.now() - started.at) / 1000);
  });
  return {
    received: (id, type, at) => void pending.set(id, { type, at }),
    done: (id) => void pending.delete(id),
  };
}
