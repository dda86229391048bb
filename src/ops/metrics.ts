import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics: one registry per bot instance (never prom-client's global one), created by the entry
 * point and handed to the parts where things happen. Label values are command names, component prefixes, shard ids
 * and the fixed words below — never anything a member typed.
 */
export const INTERACTION_TYPES = ['command', 'autocomplete', 'component', 'other'] as const;
/** answered: handled; refused: an expected problem shown to the member; forbidden: Discord permission missing;
 * failed: unexpected error (generic message); expired: Discord no longer accepts a response; dropped: past its
 * deadline before its turn came (see the scheduler); ignored: nothing to answer it with. */
export const INTERACTION_OUTCOMES = ['answered', 'refused', 'forbidden', 'failed', 'expired', 'dropped', 'ignored'] as const;
export const ANSWER_MODES = ['knowledge', 'rules', 'llm', 'none'] as const;
export const ANSWER_SURFACES = ['slash', 'help_channel'] as const;
/** answered / no_answer (a reply was sent); the rest are skipped: not_confident (stayed quiet), cooldown, invalid. */
export const HELP_MESSAGE_OUTCOMES = ['answered', 'no_answer', 'not_confident', 'cooldown', 'invalid'] as const;

export type InteractionType = (typeof INTERACTION_TYPES)[number];
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];
export type AnswerMode = (typeof ANSWER_MODES)[number];
export type AnswerSurface = (typeof ANSWER_SURFACES)[number];
export type HelpMessageOutcome = (typeof HELP_MESSAGE_OUTCOMES)[number];

export interface MetricsOptions {
  /** Also collect prom-client's standard Node process metrics (CPU, memory, heap, event loop lag, GC…). */
  processMetrics?: boolean;
  /** Labels added to every series, e.g. `{ shard: '0' }` for a shard under `npm run start:sharded`. */
  labels?: Record<string, string>;
}

const PREFIX = 'helpbot_';
/** Seconds; Discord's deadline for the first response is 3 s. */
const FIRST_RESPONSE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5];

/** What the bot records through (the registry is the operations endpoint's alone; see no-metrics.ts for the bot without it). */
export type Metrics = Omit<ReturnType<typeof createMetrics>, 'registry'>;

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels(options.labels);
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return { registry, ...interactionRecorders(registry), ...otherRecorders(registry) };
}

/** Counter and gauge makers for one registry, their names prefixed. */
function makers(registry: Registry) {
  const registers = [registry];
  return {
    registers,
    counter: <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
      new Counter<L>({ name: PREFIX + name, help, labelNames, registers }),
    gauge: <L extends string = never>(name: string, help: string, labelNames: readonly L[] = []) =>
      new Gauge<L>({ name: PREFIX + name, help, labelNames, registers }),
  };
}

/** Interactions, first responses, backlog, answers and help-channel messages. */
function interactionRecorders(registry: Registry) {
  const { counter, gauge, registers } = makers(registry);
  const interactions = counter('interactions_total', 'Interactions received, by type, command (or component prefix) and outcome', [
    'type',
    'command',
    'outcome',
  ]);
  const refusals = counter('interaction_refusals_total', 'Interactions refused with a message the member can act on, by reason', [
    'reason',
  ]);
  const firstResponse = new Histogram<'type'>({
    name: `${PREFIX}interaction_first_response_seconds`,
    help: 'Time from receiving an interaction to Discord accepting its first response (reply, deferral or update)',
    labelNames: ['type'],
    buckets: FIRST_RESPONSE_BUCKETS,
    registers,
  });
  const deferredEarly = counter(
    'interactions_deferred_early_total',
    'Interactions acknowledged early (deferred) because they had waited too long for their turn',
  );
  const backlog = gauge('interaction_backlog', 'Interactions and messages received but not yet started');
  const answers = counter('answers_total', 'Answers given, by surface and mode (knowledge base, deterministic rules, LLM draft, none)', [
    'surface',
    'mode',
  ]);
  const helpMessages = counter('help_channel_messages_total', 'Help-channel messages and mentions considered, by outcome', ['outcome']);

  return {
    interaction(type: InteractionType, command: string, outcome: InteractionOutcome) {
      interactions.inc({ type, command, outcome });
    },
    refusal(reason: string) {
      refusals.inc({ reason });
    },
    firstResponse(type: InteractionType, seconds: number) {
      firstResponse.observe({ type }, seconds);
    },
    deferredEarly() {
      deferredEarly.inc();
    },
    backlog(size: number) {
      backlog.set(size);
    },
    answer(surface: AnswerSurface, mode: AnswerMode) {
      answers.inc({ surface, mode });
    },
    helpMessage(outcome: HelpMessageOutcome) {
      helpMessages.inc({ outcome });
    },
  };
}

/** Curator queue, store, gateway, LLM and knowledge base. */
function otherRecorders(registry: Registry) {
  const { counter, gauge } = makers(registry);
  const queueRecords = counter('queue_records_total', 'Records added to the curator queue, by kind', ['kind']);
  const storeErrors = counter('store_errors_total', 'Store operations that failed, by operation', ['op']);
  const reconnects = counter(
    'gateway_reconnects_total',
    'Gateway connections lost and being re-established (resume or re-identify), by shard',
    ['shard'],
  );
  const shardReady = gauge('gateway_shard_ready', '1 while the shard is connected to the gateway and ready, else 0', ['shard']);
  const llmCalls = counter('llm_calls_total', 'LLM model calls, by outcome (drafted, insufficient, or the failure reason)', ['outcome']);
  const llmTokens = counter('llm_tokens_total', 'Tokens used by LLM calls, as reported by the server', ['kind']);
  const llmCache = counter('llm_cache_lookups_total', 'LLM draft cache lookups, by result (a hit costs no model call)', ['result']);
  const llmRefusals = counter('llm_refusals_total', 'LLM calls the model refused (refusal or content filter)');
  const llmSkipped = counter('llm_skipped_total', 'LLM calls not made, by reason (daily limit reached, store down)', ['reason']);
  const knowledge = gauge('knowledge_base_info', 'The knowledge-base version in use (value 1)', ['version']);
  const reloads = counter('knowledge_reloads_total', 'Knowledge-base reloads, by origin (command here, or another shard) and result', [
    'origin',
    'result',
  ]);

  return {
    queueRecord(kind: 'unanswered' | 'downvoted') {
      queueRecords.inc({ kind });
    },
    storeError(op: string) {
      storeErrors.inc({ op });
    },
    gatewayReconnect(shard: number) {
      reconnects.inc({ shard: String(shard) });
    },
    shardReady(shard: number, ready: boolean) {
      shardReady.set({ shard: String(shard) }, ready ? 1 : 0);
    },
    llmCall(outcome: string, usage?: { promptTokens?: number | undefined; completionTokens?: number | undefined }) {
      llmCalls.inc({ outcome });
      if (outcome === 'refusal') llmRefusals.inc();
      if (usage?.promptTokens) llmTokens.inc({ kind: 'prompt' }, usage.promptTokens);
      if (usage?.completionTokens) llmTokens.inc({ kind: 'completion' }, usage.completionTokens);
    },
    llmCache(hit: boolean) {
      llmCache.inc({ result: hit ? 'hit' : 'miss' });
    },
    llmSkipped(reason: 'limit' | 'store_down') {
      llmSkipped.inc({ reason });
    },
    knowledgeVersion(version: string) {
      knowledge.reset();
      knowledge.set({ version }, 1);
    },
    knowledgeReload(origin: 'command' | 'shard', ok: boolean) {
      reloads.inc({ origin, result: ok ? 'ok' : 'failed' });
    },
  };
}
