// Data leaves the machine only with the user's say-so: the first run against an endpoint origin asks.
import * as vscode from 'vscode';
import { CONSENTED_ORIGINS_KEY } from '../constants';
import { consentMessage, type ConsentRequest } from './consentText';

export type { ConsentRequest } from './consentText';

/** Asks the user a consent question; resolves true for yes. */
export type ConsentPrompt = (question: { message: string; detail: string }) => Promise<boolean>;

/** The real question: a modal warning with one "Send" button. */
export const modalConsentPrompt: ConsentPrompt = async ({ message, detail }) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Send')) === 'Send';

/** Consent per endpoint origin, remembered in `globalState`. */
export class EndpointConsent {
  /**
   * How the question is asked. Replaceable because VS Code refuses modal dialogs while extension tests run
   * (its DialogService throws under a test runner), so the integration suite answers in the user's place.
   */
  prompt: ConsentPrompt = modalConsentPrompt;

  constructor(private readonly state: vscode.Memento) {}

  /** Whether the user already agreed to send data to `origin`. */
  has(origin: string): boolean {
    return this.state.get<string[]>(CONSENTED_ORIGINS_KEY, []).includes(origin);
  }

  /**
   * Asks once per origin and remembers a yes.
   * @returns whether data may be sent
   */
  async ensure(request: ConsentRequest): Promise<boolean> {
    if (this.has(request.origin)) return true;
    if (!(await this.prompt(consentMessage(request)))) return false;
    await this.state.update(CONSENTED_ORIGINS_KEY, [...this.state.get<string[]>(CONSENTED_ORIGINS_KEY, []), request.origin]);
    return true;
  }
}
