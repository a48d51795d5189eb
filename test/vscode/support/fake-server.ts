import { startFakeServer, type FakeCompletionServer, type FakeServerOptions } from '../../support/fake-server';
import { closeAllEditors, configure, resetSettings } from './editor';

export interface FakeServerEachTestOptions {
  /** How the server answers (startFakeServer's options). */
  server?: FakeServerOptions;
  /** `promptComplete.*` settings, as configure() takes them, besides `serverUrl` (the server's URL). */
  settings: Record<string, unknown>;
  /** The suite's own clean-up after each test: once its editors are closed, before its settings are removed. */
  cleanUp?: () => Promise<void>;
}

/**
 * Gives each test of the enclosing describe block a fresh fake completion server with the extension
 * pointed at it: before the test, `configure({ serverUrl: <its URL>, ...settings })`; after it, every
 * editor closed, `cleanUp`, the settings removed and the server closed. Returns the accessor for the
 * test's server.
 *
 * @example
 * describe('Inline completion', () => {
 *   const server = useFakeServerEachTest({ settings: { model: 'test-model', 'inline.debounceMs': 0 } });
 *   it('...', async () => { await openWithCursor('x = |'); await triggerInline(); await server().waitForRequest(1); });
 * });
 */
export function useFakeServerEachTest(options: FakeServerEachTestOptions): () => FakeCompletionServer {
  let server: FakeCompletionServer | undefined;
  beforeEach(async () => {
    server = await startFakeServer(options.server);
    await configure({ serverUrl: server.baseUrl, ...options.settings });
  });
  afterEach(async () => {
    await closeAllEditors();
    await options.cleanUp?.();
    await resetSettings();
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('the fake server did not start (see the before each hook)');
    return server;
  };
}
