/**
 * A fake OpenAI-compatible server for tests: the real openai SDK talks to it over HTTP on 127.0.0.1.
 * Replies are scripted in order with `enqueue`; an unscripted call gets a loud 500 that the SDK will not retry.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** `delayMs` (any kind): wait before answering, to exercise client timeouts. */
export type FakeReply = { delayMs?: number } & (
  | { kind: 'json'; content: unknown; usage?: FakeUsage | null } // serialized as the assistant message content
  | { kind: 'text'; content: string; usage?: FakeUsage | null } // raw content, e.g. malformed JSON
  | { kind: 'refusal'; refusal: string }
  | { kind: 'length'; content?: string } // finish_reason: 'length'
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The raw body text, to search for things that must never be sent. */
  raw: string;
  /** The parsed JSON body (undefined for GET or invalid JSON). */
  body: unknown;
}

export interface FakeOpenAI {
  baseURL: string;
  requests: RecordedRequest[];
  enqueue(...replies: FakeReply[]): void;
  /** Replies not yet consumed, so a test can assert every scripted reply was used. */
  pending(): number;
  close(): Promise<void>;
}

export const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 321, completion_tokens: 45, total_tokens: 366 };
export const FAKE_MODEL = 'fake-model';

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function completion(message: Record<string, unknown>, finishReason: string, usage: FakeUsage | null | undefined) {
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: FAKE_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', refusal: null, ...message }, finish_reason: finishReason, logprobs: null }],
    ...(usage === null ? {} : { usage: usage ?? DEFAULT_USAGE }),
  };
}

function answer(res: ServerResponse, reply: FakeReply): void {
  switch (reply.kind) {
    case 'json':
      return sendJson(res, 200, completion({ content: JSON.stringify(reply.content) }, 'stop', reply.usage));
    case 'text':
      return sendJson(res, 200, completion({ content: reply.content }, 'stop', reply.usage));
    case 'refusal':
      return sendJson(res, 200, completion({ content: null, refusal: reply.refusal }, 'stop', DEFAULT_USAGE));
    case 'length':
      return sendJson(res, 200, completion({ content: reply.content ?? '{"answer": "The first half of an ans' }, 'length', DEFAULT_USAGE));
    case 'status':
      return sendJson(res, reply.status, reply.body ?? { error: { message: `fake status ${reply.status}`, type: 'fake' } }, reply.headers);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw === '' ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const body = parseJson(raw);
      requests.push({ method: req.method ?? 'GET', path, headers, raw, body });

      if (req.method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, { object: 'list', data: [{ id: FAKE_MODEL, object: 'model', created: 0, owned_by: 'fake' }] });
      }
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        return sendJson(res, 404, { error: { message: `fake OpenAI: no route ${req.method} ${path}`, type: 'fake' } });
      }
      if ((body as { stream?: unknown } | undefined)?.stream === true) {
        return sendJson(
          res,
          400,
          { error: { message: 'fake OpenAI: streaming is not implemented', type: 'fake' } },
          { 'x-should-retry': 'false' },
        );
      }
      const reply = queue.shift();
      if (!reply) {
        const message = `fake OpenAI: unexpected call #${requests.length} to ${path}: no scripted reply left`;
        return sendJson(res, 500, { error: { message, type: 'fake_exhausted' } }, { 'x-should-retry': 'false' });
      }
      if (reply.delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, reply.delayMs);
          res.on('close', () => (clearTimeout(timer), resolve()));
        });
        if (res.destroyed || res.writableEnded) return;
      }
      answer(res, reply);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake OpenAI crashed: ${String(err)}`, type: 'fake' } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    pending: () => queue.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
