/**
 * Dispatches an API Gateway v2 event to the route for its method and path, and turns every
 * error into a problem response. Paths may hold `{name}` parameters.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { logError } from '../log.ts';
import { MethodNotAllowedError, RouteNotFoundError } from './errors.ts';
import { problemResponse } from './problem-response.ts';

export type RouteHandler = (
  event: APIGatewayProxyEventV2,
  params: Record<string, string>,
) => Promise<APIGatewayProxyResultV2>;

export type Routes = Record<string, Partial<Record<string, RouteHandler>>>;

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  methods: Partial<Record<string, RouteHandler>>;
}

export function createRouter(
  routes: Routes,
): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2> {
  const compiled: CompiledRoute[] = Object.entries(routes).map(([path, methods]) => {
    const names: string[] = [];
    const source = path
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
    return { pattern: new RegExp(`^${source}$`), names, methods };
  });
  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    try {
      for (const route of compiled) {
        const match = route.pattern.exec(path);
        if (!match) continue;
        const handle = route.methods[method];
        if (!handle) throw new MethodNotAllowedError(method, path, Object.keys(route.methods));
        const params = Object.fromEntries(
          route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
        );
        return await handle(event, params);
      }
      throw new RouteNotFoundError(method, path);
    } catch (error) {
      return problemResponse(error, logError);
    }
  };
}
