import * as fs from 'node:fs';
import * as tls from 'node:tls';
import * as vscode from 'vscode';
import { Gpt } from '../client';
import { InsecureKeyError, mayCarryKey } from '../engine/key-policy';
import { chooseProxy } from '../engine/proxy';
import type { Settings } from '../engine/settings';
import type { ApiKeyStore } from './api-key-store';
import type { Log } from './log';

/**
 * Owns the completion client: one `Gpt` (one keep-alive connection pool) for the current server and
 * network settings, rebuilt when they change. The key is read from SecretStorage for every request.
 */
export class ClientProvider implements vscode.Disposable {
  private client: Gpt | undefined;
  private builtFor = '';

  constructor(
    private readonly settings: () => Settings,
    private readonly keys: ApiKeyStore,
    private readonly log: Log,
  ) {}

  /** The client for the current settings. */
  get gpt(): Gpt {
    const settings = this.settings();
    const network = networkOptions(settings.serverUrl);
    const fingerprint = JSON.stringify([settings.serverUrl, settings.requestTimeoutMs, settings.headers, network]);
    if (!this.client || fingerprint !== this.builtFor) {
      void this.client?.close();
      this.builtFor = fingerprint;
      this.client = new Gpt({
        serverURL: settings.serverUrl,
        timeoutMs: settings.requestTimeoutMs,
        headers: settings.headers,
        apiKeyAuth: () => this.keyFor(settings.serverUrl),
        proxy: network.proxy,
        rejectUnauthorized: network.strictSSL,
        ca: network.caPem ? [...tls.rootCertificates, network.caPem] : undefined,
        userAgent: 'prompt-complete-vscode',
      });
      if (network.caFile && !network.caPem) this.log.warn(`Could not read promptComplete.network.caCertificatesFile (${network.caFile}); using the system's certificates only`);
      if (network.proxy) this.log.info(`Using proxy ${redactProxy(network.proxy)} for ${settings.serverUrl}`);
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
    void this.client?.close();
    this.client = undefined;
  }
}

interface NetworkOptions {
  proxy?: string;
  strictSSL: boolean;
  caFile?: string;
  caPem?: string;
}

function networkOptions(serverUrl: string): NetworkOptions {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = chooseProxy(serverUrl, {
    httpProxy: http.get<string>('proxy') ?? '',
    noProxy: http.get<string[]>('noProxy') ?? [],
    env: process.env,
  });
  const caFile = vscode.workspace.getConfiguration('promptComplete').get<string>('network.caCertificatesFile')?.trim() || undefined;
  return { proxy, strictSSL: http.get<boolean>('proxyStrictSSL') ?? true, caFile, caPem: caFile ? readPem(caFile) : undefined };
}

function readPem(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
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
