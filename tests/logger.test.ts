import { describe, expect, it } from 'vitest';
import { scrubUrl } from '../src/logger.js';
import { memoryLogger } from './support/logger.js';

describe('logger', () => {
  it('blanks tokens and keys wherever they appear in a log object', () => {
    const { logger, text } = memoryLogger();
    logger.info({ token: 'discord-secret', config: { discord: { token: 'abc' }, llm: { apiKey: 'sk-secret' } }, headers: { authorization: 'Bot xyz' } }, 'start');
    expect(text()).not.toMatch(/discord-secret|sk-secret|Bot xyz|"abc"/);
    expect(text()).toContain('[redacted]');
  });

  it('scrubs interaction tokens from the URLs of logged Discord errors', () => {
    const { logger, text } = memoryLogger();
    const err = Object.assign(new Error('Unknown interaction'), { url: 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246c2VjcmV0/callback' });
    logger.error({ err }, 'failed');
    expect(text()).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
    expect(text()).toContain('/interactions/123456789012345678/[redacted]/callback');
    expect(scrubUrl('/webhooks/1/tok-en.x/messages/@original?wait=true')).toBe('/webhooks/1/[redacted]/messages/@original?wait=true');
  });
});
