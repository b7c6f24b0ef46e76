/** Structured JSON log lines on stdout/stderr, which CloudWatch Logs stores as they are. */

export function logError(message: string, error: unknown): void {
  const detail =
    error instanceof Error
      ? { name: error.name, message: error.message, stack: error.stack }
      : { value: String(error) };
  console.error(
    JSON.stringify({ level: 'ERROR', timestamp: new Date().toISOString(), message, error: detail }),
  );
}

export function logInfo(message: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level: 'INFO', timestamp: new Date().toISOString(), message, ...fields }));
}
