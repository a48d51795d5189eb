import { Gpt } from '../../src/client';
import { CompletionEngine } from '../../src/engine/completion-engine';
import { ModelResolver } from '../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/settings';
import { SuffixSupport } from '../../src/engine/suffix-support';
import { startFakeServer, type FakeCompletionServer } from './fake-server';

/**
 * Gives each test of the enclosing describe block a fresh fake server and a completion engine that
 * sends to it, with DEFAULT_SETTINGS and `settings` (`serverUrl`: the server's URL); closes both after
 * the test. Returns the accessors for the test's server and engine.
 *
 * @example
 * describe('inline request', () => {
 *   const { server, engine } = useEngineOnFakeServer({ model: 'm', fim: 'suffix' });
 *   it('...', async () => { server().script(answers.text('x')); await new InlineRequest(engine(), input).result; });
 * });
 */
export function useEngineOnFakeServer(settings: Partial<Settings>): { server: () => FakeCompletionServer; engine: () => CompletionEngine } {
  let running: { server: FakeCompletionServer; gpt: Gpt; engine: CompletionEngine } | undefined;
  beforeEach(async () => {
    const server = await startFakeServer();
    const gpt = new Gpt({ serverURL: server.baseUrl });
    const resolved: Settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, ...settings };
    const engine = new CompletionEngine({ gpt: () => gpt, settings: () => resolved, models: new ModelResolver(), suffixSupport: new SuffixSupport() });
    running = { server, gpt, engine };
  });
  afterEach(async () => {
    await running?.gpt.close();
    await running?.server.close();
    running = undefined;
  });
  const current = () => {
    if (!running) throw new Error('the fake server and engine did not start (see the before each hook)');
    return running;
  };
  return { server: () => current().server, engine: () => current().engine };
}
