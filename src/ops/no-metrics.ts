import type { Metrics } from './metrics.js';

const ignore = (): void => undefined;

/**
 * The metrics of a bot without the operations endpoint (no `HTTP_PORT`): every recorder does nothing, so nothing
 * reads them and prom-client (about 11 MiB resident) is never loaded. With `HTTP_PORT` the entry point loads
 * metrics.ts instead.
 */
export function noMetrics(): Metrics {
  return {
    interaction: ignore,
    refusal: ignore,
    firstResponse: ignore,
    deferredEarly: ignore,
    backlog: ignore,
    answer: ignore,
    helpMessage: ignore,
    queueRecord: ignore,
    storeError: ignore,
    gatewayReconnect: ignore,
    shardReady: ignore,
    llmCall: ignore,
    llmCache: ignore,
    llmSkipped: ignore,
    knowledgeVersion: ignore,
    knowledgeReload: ignore,
  };
}
