import { Status, type Client } from 'discord.js';
import type { ReadinessReport } from '../ops/http.js';
import type { Store } from '../store/store.js';

export interface Readiness {
  /** The client whose shards are checked (set by startBot before it logs in). */
  attach(client: Client): void;
  check(): Promise<ReadinessReport>;
}

const STATUS_NAMES = new Map(
  Object.entries(Status)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v as number, k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()]),
);

function gatewayProblems(client: Client | undefined): string[] {
  const shards = client?.ws.shards;
  if (!shards || shards.size === 0) return ['gateway: not connected yet'];
  return [...shards.values()]
    .filter((s) => s.status !== Status.Ready)
    .map((s) => `gateway: shard ${s.id} is ${STATUS_NAMES.get(s.status) ?? 'not ready'}`);
}

/** The store answers a read within `timeoutMs` (a Redis that is down may queue commands instead of failing them). */
/** A driver error's code, else its class: never its message. */
function errorKind(err: unknown): string {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return err instanceof Error ? err.name : 'error';
}

async function storeProblem(store: Store, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`store: no answer within ${timeoutMs} ms`), timeoutMs);
  });
  const probe = store
    .namespace<number>('health')
    .get('probe')
    .then(
      () => undefined,
      // The error's code or class only: a driver message may name hosts or keys.
      (err: unknown) => `store: not answering (${errorKind(err)})`,
    );
  try {
    const problem = await Promise.race([probe, timeout]);
    return problem === undefined ? [] : [problem];
  } finally {
    clearTimeout(timer);
  }
}

/** `/readyz`: ready when every shard of this process is connected and the store answers. */
export function createReadiness(store: Store, options: { storeTimeoutMs?: number } = {}): Readiness {
  let client: Client | undefined;
  return {
    attach(c) {
      client = c;
    },
    async check() {
      const reasons = [...gatewayProblems(client), ...(await storeProblem(store, options.storeTimeoutMs ?? 1_000))];
      return { ready: reasons.length === 0, reasons };
    },
  };
}
