export { articleIdFor, contentHashOf, revisionKeyOf } from './identify-revision.ts';
export { type CmsArticle, type CmsEvent, mapDelivery, standardPayloadSchema } from './map-delivery.ts';
export {
  callbackMessageId,
  callbackRetryDelaySeconds,
  MAX_CALLBACK_ATTEMPTS,
  type ReportCallback,
  reportCallback,
} from './report-callback.ts';
export {
  isWebhookSource,
  WEBHOOK_SOURCES,
  WebhookPayloadError,
  type WebhookRequest,
  WebhookSignatureError,
  type WebhookSource,
} from './sources.ts';
export {
  generateStandardWebhookSecret,
  signStandardWebhook,
  standardWebhookKey,
} from './standard-webhook-signature.ts';
export { structuredText } from './structured-text.ts';
export {
  constantTimeEqual,
  TIMESTAMP_TOLERANCE_MS,
  type VerifiedDelivery,
  verifyDelivery,
} from './verify-delivery.ts';
export {
  type CallbackTarget,
  parseWebhookCallbacks,
  parseWebhookSecrets,
  type WebhookCallbacks,
  type WebhookSecrets,
  WebhookSettingsError,
} from './webhook-settings.ts';
