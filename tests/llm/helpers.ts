import type { LlmConfig } from '../../src/config.js';
import type { ContextCandidate } from '../../src/llm/prompt.js';
import type { memoryLogger } from '../support/logger.js';

/** Small hand-made entries; the real knowledge files are not used here. */
export const CHANGE_JOBS: ContextCandidate = {
  id: 'changing-jobs-notification',
  title: 'Reporting a job change to immigration',
  answer:
    'When you leave or join an employer on a work visa, notify the Immigration Services Agency within **14 days**.\n' +
    'You can file online: https://www.ras-immigration.moj.go.jp/ or use the [notification form guide](https://example.org/guides/notification).',
  sources: ['isa-notification'],
};

export const RESIDENCE_CARD: ContextCandidate = {
  id: 'residence-card-address',
  title: 'Updating the address on your residence card',
  answer: 'Register a new address at your city office within 14 days of moving; bring your residence card.',
  sources: ['city-office'],
};

export const PENSION_REFUND: ContextCandidate = {
  id: 'pension-lump-sum',
  title: 'Lump-sum withdrawal payment when leaving Japan',
  answer: 'SECRET-OTHER-ENTRY-TEXT: apply within two years after leaving Japan.',
  sources: [],
};

export const SOURCES = new Map([
  ['isa-notification', { url: 'https://www.moj.go.jp/isa/applications/procedures/nyuukokukanri10_00014.html' }],
  ['city-office', { url: 'https://www.example-city.lg.jp/moving' }],
]);

export const API_KEY = 'sk-test-SECRET-0123456789abcdef';

export function llmConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: API_KEY,
    baseURL,
    model: 'fake-model',
    timeoutMs: 5_000,
    maxRetries: 0,
    maxOutputTokens: 500,
    userLimitPerDay: 20,
    guildLimitPerDay: 200,
    ...overrides,
  };
}

/** The project's logger writing JSON lines into memory (tests/support/logger.ts). */
export { memoryLogger as captureLogger } from '../support/logger.js';
export type CapturedLogger = ReturnType<typeof memoryLogger>;
