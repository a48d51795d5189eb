import * as vscode from 'vscode';

const SECRET_KEY = 'promptComplete.apiKey';

/** The API key, kept only in VS Code's SecretStorage and read fresh for every request. */
export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the key is set or cleared, here or in another window. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) this.changed.fire();
    });
  }

  /** The stored key, or undefined when none is set. */
  async get(): Promise<string | undefined> {
    const key = await this.secrets.get(SECRET_KEY);
    return key ? key : undefined;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
