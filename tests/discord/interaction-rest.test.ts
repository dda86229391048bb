/**
 * Which requests leave the client's global limiter (src/discord/interaction-rest.ts): this application's interaction
 * webhooks only, as discord.js sends them (without the bot token).
 */
import { describe, expect, it } from 'vitest';
import { Routes } from 'discord.js';
import { isInteractionWebhook } from '../../src/discord/interaction-rest.js';

const APP = '1100000000000000001';
const OTHER_WEBHOOK = '1200000000000000002';
const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA6dG9rZW4';

const interactionWebhook = (fullRoute: `/${string}`) => isInteractionWebhook({ fullRoute, auth: false }, APP);

describe('isInteractionWebhook', () => {
  it("GIVEN the edit, fetch or deletion of an interaction's response or a follow-up THEN it is one", () => {
    expect(interactionWebhook(Routes.webhookMessage(APP, TOKEN, '@original'))).toBe(true);
    expect(interactionWebhook(Routes.webhookMessage(APP, TOKEN, '1300000000000000003'))).toBe(true);
    expect(interactionWebhook(Routes.webhook(APP, TOKEN))).toBe(true);
  });

  it("GIVEN the bot's other webhooks THEN it is not: another webhook id, or sent with the bot token", () => {
    expect(interactionWebhook(Routes.webhook(OTHER_WEBHOOK, TOKEN))).toBe(false);
    expect(interactionWebhook(Routes.webhookMessage(OTHER_WEBHOOK, TOKEN, '@original'))).toBe(false);
    expect(isInteractionWebhook({ fullRoute: Routes.webhook(APP, TOKEN) }, APP)).toBe(false);
    expect(isInteractionWebhook({ fullRoute: Routes.webhook(APP, TOKEN), auth: true }, APP)).toBe(false);
    expect(interactionWebhook(Routes.webhook(APP))).toBe(false);
  });

  it('GIVEN channels, application routes and the interaction callback THEN it is not', () => {
    expect(interactionWebhook(Routes.channelMessages('1400000000000000004'))).toBe(false);
    expect(interactionWebhook(Routes.applicationCommands(APP))).toBe(false);
    expect(interactionWebhook(Routes.interactionCallback('1500000000000000005', TOKEN))).toBe(false);
    expect(interactionWebhook(`/channels/${APP}/webhooks`)).toBe(false);
  });

  it('GIVEN the application id is not known yet (before ready) THEN nothing is', () => {
    expect(isInteractionWebhook({ fullRoute: Routes.webhookMessage(APP, TOKEN, '@original'), auth: false }, undefined)).toBe(false);
  });
});
