/**
 * Webhook settings that hold secrets, read once at cold start and cached: from an environment
 * variable on one machine, from an AWS Secrets Manager secret in the stack. A signature that
 * matches no cached secret may mean the secret was rotated since; `refresh` then re-reads it,
 * at most once a minute, so forged requests cannot turn into a flood of Secrets Manager calls.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const MIN_REFRESH_INTERVAL_MS = 60_000;

export class SecretSettings<T> {
  private cached: Promise<T> | undefined;
  private loadedAt = 0;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly parse: (json: string) => T,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * From `envVar` when it is set, else from the secret whose ARN `arnVar` holds, else `empty`
   * (JSON) when neither is set: a source without settings then rejects every delivery.
   */
  static fromEnvironment<T>(
    env: NodeJS.ProcessEnv,
    vars: { value: string; arn: string },
    parse: (json: string, setting: string) => T,
    client: () => SecretsManagerClient = () => new SecretsManagerClient({}),
  ): SecretSettings<T> {
    const inline = env[vars.value]?.trim();
    if (inline)
      return new SecretSettings(
        async () => inline,
        (json) => parse(json, vars.value),
      );
    const arn = env[vars.arn]?.trim();
    if (!arn)
      return new SecretSettings(
        async () => '{}',
        (json) => parse(json, vars.value),
      );
    let secrets: SecretsManagerClient | undefined;
    return new SecretSettings(
      async () => {
        secrets ??= client();
        const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
        return SecretString ?? '{}';
      },
      (json) => parse(json, `the secret ${vars.arn} names`),
    );
  }

  get(): Promise<T> {
    if (!this.cached) {
      this.loadedAt = this.now();
      this.cached = this.read().then(this.parse);
      // A failed read is not cached: the next request tries again.
      this.cached.catch(() => {
        this.cached = undefined;
      });
    }
    return this.cached;
  }

  /** Reads the settings again unless they were read within the last minute; true if it did. */
  async refresh(): Promise<boolean> {
    if (this.cached && this.now() - this.loadedAt < MIN_REFRESH_INTERVAL_MS) return false;
    this.cached = undefined;
    await this.get();
    return true;
  }
}
