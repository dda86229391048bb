import { createServer } from 'node:net';

async function isFree(port: number): Promise<boolean> {
  const srv = createServer();
  const ok = await new Promise<boolean>((resolve) => {
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (ok) await new Promise((resolve) => srv.close(resolve));
  return ok;
}

/** A port on 127.0.0.1 that was free a moment ago (the system picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A free port p on 127.0.0.1 with p + 1 free too: one per shard of `start:sharded` (shard n serves HTTP_PORT + n).
 * Taken below Linux's ephemeral range (32768–60999), where the system hands out ports to outgoing connections and to
 * servers listening on port 0: a port there could be taken between this check and the shard's start (it happened once
 * in a full run, as 'HTTP_HOST:HTTP_PORT … is already in use').
 */
export async function twoFreePorts(): Promise<number> {
  for (;;) {
    const p = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await isFree(p)) && (await isFree(p + 1))) return p;
  }
}
