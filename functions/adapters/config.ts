/**
 * Reads and validates the functions' configuration from the environment, once, at cold start.
 * A missing variable fails with a message that names it.
 */
import { ARTICLES_TABLE, FACTS_TABLE } from './dynamodb/table-definitions.ts';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ServiceConfig {
  factsTable: string;
  articlesTable: string;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}

export function readServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    factsTable: required(env, FACTS_TABLE.envVar),
    articlesTable: required(env, ARTICLES_TABLE.envVar),
  };
}
