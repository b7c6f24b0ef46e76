/**
 * API keys: how they look, how they are stored (only their hash), and what they allow.
 * Keys are 256-bit random strings, so a fast hash (SHA-256) suffices: there is no password to
 * guess, and the stored hash is worthless without the key.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SCOPES = [
  'checks:write',
  'articles:read',
  'reviews:write',
  'facts:read',
  'facts:write',
] as const;
export type Scope = (typeof SCOPES)[number];

/** What a new client may do unless told otherwise: check and read, not load facts. */
export const DEFAULT_SCOPES: readonly Scope[] = ['checks:write', 'articles:read', 'facts:read'];

export interface ApiClient {
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt?: string;
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function generateApiKey(): string {
  return `fc_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Client names appear in logs and review trails: short, plain and unambiguous. */
export function isClientName(name: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,62}$/i.test(name);
}
