/**
 * The fake REST API: JSON request parsing, a pattern route table on the decoded path without `/api/v10`, bot-token
 * auth, failure injection, the request log, and the small routes (gateway, application, commands). Channel and
 * interaction routes live in `discord-rest-channels.ts` and `discord-rest-interactions.ts`. A route that is not in
 * the table is a violation and a 404, so a bot that starts using more of the API fails loudly until it is modelled.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIApplicationCommand } from 'discord-api-types/v10';
import { checkCommands } from './discord-limits-commands.js';
import { isRecord } from './discord-limits.js';
import type { FakeState } from './discord-state.js';

export interface RouteContext {
  state: FakeState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. `/channels/:channel/messages`; `:name` segments become `params.name`. */
  pattern: string;
  /** Whether `Authorization: Bot <token>` is required (interaction routes are sent with auth:false). */
  auth: boolean;
  handle: (ctx: RouteContext) => RouteResult;
}

export interface InjectedFailure {
  /** `'POST /channels/:channel/messages/:message/threads'` (a route pattern) or `'POST /channels/123/typing'`, or a RegExp over `METHOD /path`. */
  matcher: string | RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

export const ok = (body?: unknown, status = 200): RouteResult => (body === undefined ? { status: 204 } : { status, body });
export const apiError = (status: number, code: number, message: string): RouteResult => ({ status, body: { code, message } });

interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const source = route.pattern.replace(/:(\w+)/g, (_m, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { ...route, regex: new RegExp(`^${source}$`), keys };
}

/** A file sent with a message (multipart `files[n]`), as text: what the bot attaches here is text (JSON). */
export interface SentFile {
  field: string;
  name: string;
  text: string;
}

/**
 * A multipart body (a message with files): `payload_json` is the JSON body, and the files are added to it as
 * `files` (not a Discord field: the request log's way of showing what was attached).
 */
async function readMultipart(raw: Buffer, contentType: string): Promise<unknown> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const body: unknown = typeof payload === 'string' ? JSON.parse(payload) : {};
  const files: SentFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') files.push({ field, name: value.name, text: await value.text() });
  }
  return isRecord(body) ? { ...body, files } : body;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  return raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
}

export class FakeRest {
  readonly failures: InjectedFailure[] = [];
  readonly #routes: CompiledRoute[];
  readonly #recent: number[] = [];

  constructor(
    private readonly state: FakeState,
    routes: Route[],
  ) {
    this.#routes = routes.map(compile);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const prefix = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    const path = decodeURIComponent(prefix?.[2] ?? url.pathname);
    let body: unknown;
    let result: RouteResult;
    let route: CompiledRoute | undefined;
    try {
      body = await readBody(req);
      if (prefix?.[1] !== '10') this.state.violation(`REST call outside /api/v10: ${method} ${url.pathname}`);
      route = this.#routes.find((r) => r.method === method && r.regex.test(path));
      result = this.#route(method, path, route, req, url.searchParams, body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = error instanceof SyntaxError ? apiError(400, 50109, 'The request body contains invalid JSON.') : apiError(500, 0, message);
      this.state.violation(`${method} ${path}: ${result.status === 400 ? 'invalid JSON body' : `fake crashed: ${message}`}`);
    }
    this.state.requests.push({
      method,
      path,
      route: route?.pattern,
      query: Object.fromEntries(url.searchParams),
      body,
      status: result.status,
      at: this.state.now(),
    });
    this.state.notify();
    const headers = { ...result.headers, ...(result.status === 204 ? {} : { 'content-type': 'application/json' }) };
    res.writeHead(result.status, headers);
    res.end(result.status === 204 || result.body === undefined ? undefined : JSON.stringify(result.body));
  }

  #route(
    method: string,
    path: string,
    route: CompiledRoute | undefined,
    req: IncomingMessage,
    query: URLSearchParams,
    body: unknown,
  ): RouteResult {
    const concrete = `${method} ${path}`;
    const named = route ? `${method} ${route.pattern}` : undefined;
    const failure = this.failures.find((f) =>
      typeof f.matcher === 'string' ? f.matcher === concrete || f.matcher === named : f.matcher.test(concrete),
    );
    if (failure) {
      if (--failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return { status: failure.status, body: failure.body, headers: failure.headers };
    }
    if (!route) {
      this.state.violation(`unmodelled route: ${concrete}`);
      return apiError(404, 0, 'Unknown route (fake)');
    }
    if (route.auth) {
      if (req.headers.authorization !== `Bot ${this.state.token}`) {
        this.state.violation(`${concrete}: missing or wrong Authorization header`);
        return apiError(401, 0, '401: Unauthorized');
      }
      this.#countGlobalRate(concrete);
    }
    const match = route.regex.exec(path);
    const params: Record<string, string> = {};
    route.keys.forEach((key, i) => {
      params[key] = match?.[i + 1] ?? '';
    });
    return route.handle({ state: this.state, params, query, body });
  }

  /** Discord's global limit: 50 requests per second per bot (interaction routes excluded). */
  #countGlobalRate(concrete: string): void {
    const now = this.state.now();
    this.#recent.push(now);
    while (this.#recent.length > 0 && (this.#recent[0] ?? now) <= now - 1000) this.#recent.shift();
    if (this.#recent.length === 51) this.state.violation(`global rate limit exceeded (> 50 requests/s) at ${concrete}`);
  }
}

function storeCommands(
  state: FakeState,
  existing: APIApplicationCommand[],
  body: unknown[],
  guildId: string | undefined,
): APIApplicationCommand[] {
  const next = body.filter(isRecord).map((cmd): APIApplicationCommand => {
    const type = typeof cmd.type === 'number' ? cmd.type : 1;
    const previous = existing.find((c) => c.name === cmd.name && Number(c.type) === type);
    return {
      ...(cmd as unknown as APIApplicationCommand),
      id: previous?.id ?? state.nextId(),
      type,
      application_id: state.applicationId,
      ...(guildId !== undefined ? { guild_id: guildId } : {}),
      description: typeof cmd.description === 'string' ? cmd.description : '',
      default_member_permissions: typeof cmd.default_member_permissions === 'string' ? cmd.default_member_permissions : null,
      version: state.nextId(),
    };
  });
  existing.splice(0, existing.length, ...next);
  state.notify();
  return next;
}

function putCommands(ctx: RouteContext, guildId: string | undefined): RouteResult {
  const { state, params, body } = ctx;
  if (params.app !== state.applicationId) {
    state.violation(`PUT commands for application ${params.app ?? '?'} (expected ${state.applicationId})`);
    return apiError(404, 10002, 'Unknown Application');
  }
  if (guildId !== undefined && !state.guildIds.includes(guildId)) return apiError(403, 50001, 'Missing Access');
  const errors = checkCommands(body);
  if (!errors.empty || !Array.isArray(body)) {
    state.violation(`PUT ${guildId ? 'guild' : 'global'} commands rejected: ${errors.lines.join('; ')}`);
    return { status: 400, body: errors.body() };
  }
  let list = state.globalCommands;
  if (guildId !== undefined) {
    list = state.guildCommands.get(guildId) ?? [];
    state.guildCommands.set(guildId, list);
  }
  return ok(storeCommands(state, list, body, guildId));
}

export function coreRoutes(wsUrl: () => string): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: ({ state }) =>
        ok({
          url: wsUrl(),
          shards: state.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        }),
    },
    {
      method: 'GET',
      pattern: '/applications/@me',
      auth: true,
      handle: ({ state }) =>
        ok({
          id: state.applicationId,
          name: 'Fake Helper',
          icon: null,
          description: 'Fake application',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          bot: state.botUser,
          owner: { ...state.memberUser, id: state.ownerId, username: 'owner' },
          team: null,
        }),
    },
    { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handle: (ctx) => putCommands(ctx, undefined) },
    {
      method: 'PUT',
      pattern: '/applications/:app/guilds/:guild/commands',
      auth: true,
      handle: (ctx) => putCommands(ctx, ctx.params.guild),
    },
  ];
}
