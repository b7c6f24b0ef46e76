import { describe, expect, it } from 'vitest';
import {
  callbackMessageId,
  callbackRetryDelaySeconds,
  MAX_CALLBACK_ATTEMPTS,
  parseWebhookCallbacks,
  parseWebhookSecrets,
  WebhookSettingsError,
} from '../../../functions/core/webhooks/index.ts';

const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function settingsError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a settings error');
}

describe('webhook secrets settings', () => {
  it('reads a list of secrets per source, or a single secret', () => {
    expect(
      parseWebhookSecrets(
        JSON.stringify({
          standard: [WHSEC],
          ghost: 'ghost-secret-0123456789',
          strapi: ['a'.repeat(20), 'b'.repeat(20)],
        }),
      ),
    ).toEqual({
      standard: [WHSEC],
      ghost: ['ghost-secret-0123456789'],
      strapi: ['a'.repeat(20), 'b'.repeat(20)],
    });
  });

  it('names the setting and the entry at fault without echoing the secret', () => {
    const message = settingsError(() =>
      parseWebhookSecrets('{"ghost":["short-secret"]}', 'FIGCHECK_WEBHOOK_SECRETS'),
    );
    expect(message).toBe('FIGCHECK_WEBHOOK_SECRETS: ghost[0] is shorter than 16 characters');
    expect(message).not.toContain('short-secret');
    expect(settingsError(() => parseWebhookSecrets('{"drupal":["x"]}'))).toMatch(/"drupal" is not a source/);
    expect(settingsError(() => parseWebhookSecrets('{"standard":["not-a-whsec-secret"]}'))).toMatch(
      /standard\[0\]: a Standard Webhooks secret starts with whsec_/,
    );
    expect(settingsError(() => parseWebhookSecrets('[]'))).toMatch(/must be a JSON object/);
    expect(settingsError(() => parseWebhookSecrets('{'))).toMatch(/is not JSON/);
  });
});

describe('report callbacks', () => {
  it('reads a callback URL and signing secret per source', () => {
    expect(
      parseWebhookCallbacks(JSON.stringify({ ghost: { url: 'https://cms.example/hooks', secret: WHSEC } })),
    ).toEqual({
      ghost: { url: 'https://cms.example/hooks', secret: WHSEC },
    });
    expect(
      settingsError(() => parseWebhookCallbacks('{"ghost":{"url":"mailto:x","secret":"whsec_x"}}')),
    ).toMatch(/ghost.url must be an http\(s\) URL/);
  });

  it('waits 30 s, then twice as long each time, at most 15 minutes, over six attempts', () => {
    expect(MAX_CALLBACK_ATTEMPTS).toBe(6);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => callbackRetryDelaySeconds(attempt, 30))).toEqual([
      30, 60, 120, 240, 480, 900,
    ]);
  });

  it('sends the same message id on every attempt for one revision', () => {
    expect(callbackMessageId('a', 'rev:1')).toBe(callbackMessageId('a', 'rev:1'));
    expect(callbackMessageId('a', 'rev:2')).not.toBe(callbackMessageId('a', 'rev:1'));
    expect(callbackMessageId('a', 'rev:1')).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});
