import { REST, RESTEvents, type Client, type InternalRequest } from 'discord.js';

/**
 * Whether a request goes to one of this application's interaction webhooks — the edit, fetch or deletion of an
 * interaction's response and its follow-ups, `/webhooks/<application id>/<interaction token>[/...]`, which discord.js
 * sends without the bot token (`auth: false`). The bot's other webhooks (another id, or sent with the token), the
 * interaction callback (`/interactions/<id>/<token>/callback`) and every other route are not. Unknown application id
 * (before the client is ready): nothing is.
 */
export function isInteractionWebhook(request: Pick<InternalRequest, 'fullRoute' | 'auth'>, applicationId: string | undefined): boolean {
  if (applicationId === undefined || request.auth !== false) return false;
  const [, webhooks, id, token] = request.fullRoute.split('/');
  return webhooks === 'webhooks' && id === applicationId && token !== undefined && token !== '';
}

/** What the interaction REST hands on to the client's REST, so listeners (first-response timer, 401 watch) see all. */
const FORWARDED = [RESTEvents.Response, RESTEvents.RateLimited, RESTEvents.InvalidRequestWarning, RESTEvents.Debug] as const;

/**
 * Sends the requests to this application's interaction webhooks through a REST instance of their own, whose global
 * limiter does not hold them; everything else stays on the client's REST, unchanged.
 *
 * Why: Discord's rate-limit docs ("Global Rate Limit", https://discord.com/developers/docs/topics/rate-limits#global-rate-limit,
 * since discord-api-docs PR #4416) say "Interaction endpoints are not bound to the bot's Global Rate Limit", and the
 * interactions page lists the follow-up and original-response endpoints among them
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#endpoints). @discordjs/rest exempts only the
 * initial response (the callback, its BurstHandler); the edits of deferred replies and the follow-ups go through a
 * SequentialHandler that waits on the client's 50 requests/s (`globalRequestsPerSecond`), so after a burst of 1,000
 * deferred interactions the last answer reached Discord ~20 s later and the answers waited in memory meanwhile.
 *
 * Still applied on this path: per-route limits and 429s (each interaction token is its own bucket — its own major
 * parameter — as Discord counts it) and a global 429 if Discord ever sends one (`X-RateLimit-Global`). The REST is
 * built from the client's resolved options (same API URL, version, timeout, retries, agent), with no local global limit.
 * The application id is the client's once it is ready; before that no interaction exists, and any such request would
 * stay on the client's REST. The client's REST events (`response`, `rateLimited`, …) report both.
 */
export function routeInteractionWebhooks(client: Client): REST {
  const main = client.rest;
  const interactionRest = new REST({ ...main.options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  for (const event of FORWARDED) {
    interactionRest.on(event, (...args: unknown[]) => void main.emit(event, ...(args as [never])));
  }
  const queueOnMain = main.queueRequest.bind(main);
  main.queueRequest = (request) =>
    isInteractionWebhook(request, client.application?.id) ? interactionRest.queueRequest(request) : queueOnMain(request);
  // As the client does for its own REST when destroyed: stop this one's sweepers too.
  const destroy = client.destroy.bind(client);
  client.destroy = () => {
    interactionRest.clearHashSweeper();
    interactionRest.clearHandlerSweeper();
    return destroy();
  };
  return interactionRest;
}
