// API keys in VS Code's SecretStorage, one per endpoint origin. Keys never go to settings, logs or messages.
import type * as vscode from 'vscode';
import { API_KEY_SECRET_PREFIX } from './constants';

/** Stores, reads and removes the API key of an endpoint origin (`https://host:port`, see `endpointOrigin`). */
export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** SecretStorage key under which the key for `origin` is kept. */
  static secretKey(origin: string): string {
    return `${API_KEY_SECRET_PREFIX}${origin}`;
  }

  /** The stored key for `origin`, or undefined. */
  get(origin: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(ApiKeyStore.secretKey(origin)));
  }

  /** Whether a key is stored for `origin`. */
  async has(origin: string): Promise<boolean> {
    return (await this.get(origin)) !== undefined;
  }

  /** Stores (or replaces) the key for `origin`. */
  store(origin: string, apiKey: string): Promise<void> {
    return Promise.resolve(this.secrets.store(ApiKeyStore.secretKey(origin), apiKey));
  }

  /** Removes the key for `origin`; a no-op when none is stored. */
  delete(origin: string): Promise<void> {
    return Promise.resolve(this.secrets.delete(ApiKeyStore.secretKey(origin)));
  }

  /** Fires with the origin whose key was stored or removed (also for changes made by another window). */
  onDidChange(listener: (origin: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(API_KEY_SECRET_PREFIX)) listener(event.key.slice(API_KEY_SECRET_PREFIX.length));
    });
  }
}
