import type { IncomingMessage, ServerResponse } from 'node:http';

export type Params = Record<string, string>;
export type Handler = (request: IncomingMessage, response: ServerResponse, params: Params) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/**
 * A small HTTP router: routes are matched in the order they were added,
 * and `:name` segments in a path become named parameters.
 */
export class Router {
  private readonly routes: Route[] = [];

  get(path: string, handler: Handler): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add('POST', path, handler);
  }

  put(path: string, handler: Handler): this {
    return this.add('PUT', path, handler);
  }

  delete(path: string, handler: Handler): this {
    return this.add('DELETE', path, handler);
  }

  add(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) {
        continue;
      }
      pathMatched = true;
      if (route.method !== request.method) {
        continue;
      }
      const params: Params = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1]);
      });
      try {
        await route.handler(request, response, params);
      } catch (error) {
        sendJson(response, 500, { error: 'internal error' });
        console.error(error);
      }
      return;
    }
    if (pathMatched) {
      sendJson(response, 405, { error: 'method not allowed' });
    } else {
      sendJson(response, 404, { error: 'not found' });
    }
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

export async function readJson<T>(request: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

export function todoRoutes(router: Router): Router {
  const todos = new Map<number, Todo>();
  let nextId = 1;

  return router
    .get('/todos', (_request, response) => {
      sendJson(response, 200, [...todos.values()]);
    })
    .get('/todos/:id', (_request, response, params) => {
      const todo = todos.get(Number(params.id));
      if (!todo) {
        sendJson(response, 404, { error: 'todo not found' });
        return;
      }
      sendJson(response, 200, todo);
    })
    .post('/todos', async (request, response) => {
      const body = await readJson<{ title?: string }>(request);
      if (typeof body.title !== 'string' || body.title.trim() === '') {
        sendJson(response, 400, { error: 'title is required' });
        return;
      }
      const todo: Todo = { id: nextId++, title: body.title.trim(), done: false };
      todos.set(todo.id, todo);
      sendJson(response, 201, todo);
    })
    .put('/todos/:id', async (request, response, params) => {
      const todo = todos.get(Number(params.id));
      if (!todo) {
        sendJson(response, 404, { error: 'todo not found' });
        return;
      }
      const body = await readJson<Partial<Todo>>(request);
      if (typeof body.title === 'string') {
        todo.title = body.title;
      }
      if (typeof body.done === 'boolean') {
        todo.done = body.done;
      }
      sendJson(response, 200, todo);
    })
    .delete('/todos/:id', (_request, response, params) => {
      const deleted = todos.delete(Number(params.id));
      sendJson(response, deleted ? 200 : 404, { deleted });
    });
}
