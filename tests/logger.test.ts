import { describe, expect, it } from 'vitest';
import { DiscordAPIError, HTTPError } from 'discord.js';
import { discordRoute, scrubUrl } from '../src/logger.js';
import { memoryLogger } from './support/logger.js';

describe('logger', () => {
  it('blanks tokens and keys wherever they appear in a log object', () => {
    const { logger, text } = memoryLogger();
    logger.info(
      {
        token: 'discord-secret',
        config: { discord: { token: 'abc' }, llm: { apiKey: 'sk-secret' } },
        headers: { authorization: 'Bot xyz' },
      },
      'start',
    );
    expect(text()).not.toMatch(/discord-secret|sk-secret|Bot xyz|"abc"/);
    expect(text()).toContain('[redacted]');
  });

  it('scrubs interaction tokens from the URLs of logged Discord errors', () => {
    const { logger, text } = memoryLogger();
    const err = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246c2VjcmV0/callback',
    });
    logger.error({ err }, 'failed');
    expect(text()).not.toContain('aW50ZXJhY3Rpb246c2VjcmV0');
    expect(text()).toContain('/interactions/123456789012345678/[redacted]/callback');
    expect(scrubUrl('/webhooks/1/tok-en.x/messages/@original?wait=true')).toBe('/webhooks/1/[redacted]/messages/@original?wait=true');
  });

  it('logs errors from Discord by type, code, status, method and route only: never the request body (a reply) or its echo', () => {
    const { logger, lines } = memoryLogger();
    const reply = { json: { type: 4, data: { embeds: [{ description: 'Age (43) · salary ¥7,654,321' }] } }, files: [] };
    const url = 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246c2VjcmV0/callback?with_response=false';
    const api = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, reply);
    const http = new HTTPError(
      500,
      'Internal Server Error',
      'post',
      'https://discord.com/api/v10/channels/123456789012345678/messages',
      reply,
    );
    logger.warn({ err: api }, 'expired');
    logger.error({ err: new Error('wrapped', { cause: http }) }, 'failed');
    const [first, second] = lines();
    expect(first?.err).toEqual({
      type: 'DiscordAPIError',
      code: 10062,
      status: 404,
      method: 'POST',
      route: '/interactions/:id/:token/callback',
    });
    expect((second?.err as { cause: unknown }).cause).toEqual({
      type: 'HTTPError',
      status: 500,
      method: 'POST',
      route: '/channels/:id/messages',
    });
    expect(JSON.stringify(lines())).not.toMatch(/Age \(43\)|7,654,321|aW50ZXJhY3Rpb246c2VjcmV0/);
    expect(discordRoute('http://127.0.0.1:1234/api/v10/webhooks/123456789012345678/tok.en/messages/@original?wait=true')).toBe(
      '/webhooks/:id/:token/messages/@original',
    );
  });
});
