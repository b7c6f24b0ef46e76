/**
 * Dispatches an API Gateway v2 event to its route's handler, after checking the API key scope
 * the route needs, and turns every error into a problem response. The routes and their scopes
 * come from api-routes.ts, the list the stack deploys.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ApiClient } from '../../core/access/index.ts';
import { logError, logger, publishMetrics } from '../log.ts';
import { API_ROUTES, type ApiRoute, type FunctionName } from './api-routes.ts';
import type { Authenticator } from './authenticate-request.ts';
import { MethodNotAllowedError, RouteNotFoundError, UnauthorizedError } from './errors.ts';
import { problemResponse } from './problem-response.ts';

export type RouteHandler = (
  event: APIGatewayProxyEventV2,
  params: Record<string, string>,
  client: ApiClient | undefined,
) => Promise<APIGatewayProxyResultV2>;

interface CompiledRoute {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
  handle: RouteHandler;
}

function compile(route: ApiRoute, handle: RouteHandler): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names, handle };
}

/**
 * A handler for one function: `handlers` maps "METHOD /path" of each of its routes to code;
 * a route without a handler fails at cold start, not at the first request.
 */
export function createRouter(
  functionName: FunctionName,
  handlers: Record<string, RouteHandler>,
  /** Checks API keys; a function whose routes all authenticate otherwise (webhooks) has none. */
  auth: Authenticator | undefined,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2> {
  const routes = API_ROUTES.filter((r) => r.function === functionName).map((route) => {
    const handle = handlers[`${route.method} ${route.path}`];
    if (!handle) throw new Error(`no handler for ${route.method} ${route.path} in ${functionName}`);
    if (route.scope !== null && !auth)
      throw new Error(`${route.path} needs an API key check in ${functionName}`);
    return compile(route, handle);
  });
  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    const started = Date.now();
    const correlationId = correlationIdOf(event);
    logger.resetKeys();
    logger.appendKeys({ correlationId, requestId: event.requestContext.requestId });
    let client: ApiClient | undefined;
    let result: Exclude<APIGatewayProxyResultV2, string>;
    try {
      const matching = routes.filter((r) => r.pattern.test(path));
      if (matching.length === 0) throw new RouteNotFoundError(method, path);
      const target = matching.find((r) => r.route.method === method);
      if (!target)
        throw new MethodNotAllowedError(
          method,
          path,
          matching.map((r) => r.route.method),
        );
      client = target.route.scope === null ? undefined : await auth!.authenticate(event, target.route.scope);
      const match = target.pattern.exec(path)!;
      const params = Object.fromEntries(
        target.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
      );
      const answer = await target.handle(event, params, client);
      result = typeof answer === 'string' ? { statusCode: 200, body: answer } : answer;
    } catch (error) {
      const page = routes.find((r) => r.pattern.test(path) && r.route.method === method)?.route.page;
      result =
        page && error instanceof UnauthorizedError
          ? signInRedirect(path, event.rawQueryString)
          : problemResponse(error, logError);
    }
    logger.info('request', {
      method,
      path,
      status: result.statusCode,
      durationMs: Date.now() - started,
      client: client?.name,
    });
    publishMetrics();
    return { ...result, headers: { ...result.headers, 'x-correlation-id': correlationId } };
  };
}

/** The caller's x-correlation-id when it is a sane token, else API Gateway's request id. */
function correlationIdOf(event: APIGatewayProxyEventV2): string {
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (name.toLowerCase() === 'x-correlation-id' && value && /^[\w.:-]{1,128}$/.test(value)) return value;
  }
  return event.requestContext.requestId;
}

/** A page asked for without a key: to the sign-in page, which comes back here afterwards. */
function signInRedirect(path: string, query: string | undefined): Exclude<APIGatewayProxyResultV2, string> {
  const next = query ? `${path}?${query}` : path;
  return {
    statusCode: 303,
    headers: { location: `/v1/login?next=${encodeURIComponent(next)}`, 'cache-control': 'no-store' },
    body: '',
  };
}
