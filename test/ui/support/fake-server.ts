import { startFakeServer, type FakeCompletionServer, type FakeServerOptions } from '../../support/fake-server';

/**
 * Starts a fake completion server before the tests of the enclosing describe block and closes it after
 * them. Call it before useWorkbench, whose settings may then name the server's URL. Returns the
 * accessor for the tests.
 *
 * @example
 * describe('Ghost text', () => {
 *   const server = useFakeServer({ defaultAnswer: answers.text('a + b;') });
 *   const workbench = useWorkbench(() => ({ settings: serverSettings(server(), 'fake-model'), files: { 'a.js': '' } }));
 *   it('...', async () => { await server().waitForRequest(1); });
 * });
 */
export function useFakeServer(options: FakeServerOptions = {}): () => FakeCompletionServer {
  let server: FakeCompletionServer | undefined;
  before(async () => {
    server = await startFakeServer(options);
  });
  after(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the fake server did not start (see the before all hook)');
    return server;
  };
}

/** The user settings that point the extension at a server (a fake one, or the benchmark's oracle) and name the model to ask for. */
export function serverSettings(server: { baseUrl: string }, model: string): Record<string, unknown> {
  return { 'promptComplete.serverUrl': server.baseUrl, 'promptComplete.model': model };
}
