/**
 * Where the dashboard page gets its data: the extension host through `postMessage`, or, in a standalone
 * report, an in-page backend over embedded data. Both speak the same validated protocol.
 */
import type { DashboardViewState } from '../src/shared/dashboardState';
import type { ToHost, ToWebview } from '../src/shared/dashboardProtocol';

export interface Backend {
  /** Sends a message to the data side. */
  post(message: ToHost): void;
  /** Registers the receiver of (already validated) messages from the data side. */
  onMessage(handler: (message: ToWebview) => void): void;
  /** State saved by an earlier page of this dashboard (undefined on a first open). */
  loadState(): unknown;
  saveState(state: DashboardViewState): void;
}
