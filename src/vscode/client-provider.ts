import * as tls from 'node:tls';
import * as vscode from 'vscode';
import { Gpt } from '../client';
import { inertText } from '../core/inert-text';
import { english } from '../core/translate';
import { CaCertificates } from '../engine/ca-file';
import { InsecureKeyError, mayCarryKey } from '../engine/key-policy';
import { chooseProxy } from '../engine/proxy';
import type { Settings } from '../engine/settings';
import type { ApiKeyStore } from './api-key-store';
import type { Log } from './log';

/**
 * Owns the completion client: one `Gpt` (one keep-alive connection pool) for the current server and
 * network settings, rebuilt when they change. The key is read from SecretStorage for every request.
 * Network settings are read when they change, not per request: VS Code's `http.*` on a configuration
 * change, the CA file once per new path, asynchronously (see CaCertificates).
 */
export class ClientProvider implements vscode.Disposable {
  private client: Gpt | undefined;
  private builtFor = '';
  private proxySettings: ProxySettings;
  private readonly certificates: CaCertificates;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly settings: () => Settings,
    private readonly keys: ApiKeyStore,
    private readonly log: Log,
  ) {
    this.proxySettings = readProxySettings();
    this.certificates = new CaCertificates((warning) => {
      this.log.warn(warning(english));
      void vscode.window.showWarningMessage(vscode.l10n.t('Prompt Complete: {0}.', inertText(warning(vscode.l10n.t))));
    });
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('http')) this.proxySettings = readProxySettings();
    });
    this.certificates.current(settings().caCertificatesFile);
  }

  /** The client for the current settings. */
  get gpt(): Gpt {
    const settings = this.settings();
    const caPem = this.certificates.current(settings.caCertificatesFile);
    const proxy = chooseProxy(settings.serverUrl, { ...this.proxySettings, env: process.env });
    const strictSSL = this.proxySettings.strictSSL;
    const fingerprint = JSON.stringify([settings.serverUrl, settings.requestTimeoutMs, settings.headers, proxy, strictSSL, caPem !== undefined, this.certificates.version]);
    if (!this.client || fingerprint !== this.builtFor) {
      void this.client?.close();
      this.builtFor = fingerprint;
      this.client = new Gpt({
        serverURL: settings.serverUrl,
        timeoutMs: settings.requestTimeoutMs,
        headers: settings.headers,
        apiKeyAuth: () => this.keyFor(settings.serverUrl),
        proxy,
        rejectUnauthorized: strictSSL,
        ca: caPem ? [...tls.rootCertificates, caPem] : undefined,
        userAgent: 'prompt-complete-vscode',
      });
      if (proxy) this.log.info(`Using proxy ${redactProxy(proxy)} for ${settings.serverUrl}`);
    }
    return this.client;
  }

  /**
   * The key for a request to `serverUrl` (the URL this client was built for, so the decision and the
   * request can never disagree). A key that may not travel there stops the request before it is sent.
   */
  private async keyFor(serverUrl: string): Promise<string | undefined> {
    const key = await this.keys.get();
    if (!key) return undefined;
    this.log.addSecret(key);
    if (!mayCarryKey(serverUrl, this.settings().allowInsecureKey)) throw new InsecureKeyError(serverUrl);
    return key;
  }

  dispose(): void {
    this.subscription.dispose();
    void this.client?.close();
    this.client = undefined;
  }
}

/** VS Code's proxy settings, as the user set them. */
interface ProxySettings {
  httpProxy: string;
  noProxy: string[];
  strictSSL: boolean;
}

/**
 * Reads `http.proxy`, `http.noProxy` and `http.proxyStrictSSL` from the user's settings only: VS Code
 * does not let a workspace set them, and neither does this reader where an editor would (a workspace
 * proxy with strict SSL off could read every request, key included).
 */
function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const user = <T>(key: string, fallback: T): T => {
    const layers = http.inspect<T>(key);
    return layers?.globalValue ?? layers?.defaultValue ?? fallback;
  };
  return { httpProxy: user('proxy', ''), noProxy: user<string[]>('noProxy', []), strictSSL: user('proxyStrictSSL', true) };
}

function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'configured proxy';
  }
}
