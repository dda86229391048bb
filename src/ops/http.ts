import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';

export interface ReadinessReport {
  ready: boolean;
  /** Why not ready, one line each (empty when ready). */
  reasons: string[];
}

export interface OpsHandlers {
  readiness(): Promise<ReadinessReport>;
  metrics(): Promise<{ contentType: string; body: string }>;
}

export interface OpsServer {
  /** e.g. http://127.0.0.1:9100 */
  url: string;
  close(): Promise<void>;
}

export class OpsServerError extends Error {}

/** A registry's metrics in the Prometheus text format. */
export async function exposition(registry: Registry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

const text = (res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8') => {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
};

async function handle(req: IncomingMessage, res: ServerResponse, handlers: OpsHandlers): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://ops').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'method not allowed\n');
  switch (path) {
    case '/healthz':
      return text(res, 200, 'ok\n');
    case '/readyz': {
      const report = await handlers.readiness();
      return report.ready ? text(res, 200, 'ready\n') : text(res, 503, `not ready:\n${report.reasons.map((r) => `- ${r}\n`).join('')}`);
    }
    case '/metrics': {
      const { contentType, body } = await handlers.metrics();
      return text(res, 200, body, contentType);
    }
    default:
      return text(res, 404, 'not found: try /healthz, /readyz or /metrics\n');
  }
}

/**
 * The operations endpoint (HTTP_PORT, HTTP_HOST): `/healthz` (the process is alive), `/readyz` (200 when it can
 * serve, else 503 with the reasons) and `/metrics` (Prometheus text). Nothing else, and nothing a member wrote.
 */
export async function startOpsServer(listen: { host: string; port: number }, handlers: OpsHandlers, logger: Logger): Promise<OpsServer> {
  const log = logger.child({ component: 'ops-http' });
  const server = createServer((req, res) => {
    handle(req, res, handlers).catch((err: unknown) => {
      log.error({ err }, 'ops endpoint request failed');
      if (!res.headersSent) text(res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE'
          ? 'is already in use'
          : err.code === 'EACCES'
            ? 'needs privileges (use a port above 1023)'
            : `cannot be used (${err.code ?? err.message})`;
      reject(new OpsServerError(`HTTP_HOST:HTTP_PORT ${listen.host}:${listen.port} ${why}.`));
    });
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url }, 'ops endpoint listening: /healthz /readyz /metrics');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
