/** What every dashboard section gets to draw itself and to drill down into the explorer. */
import type { DashboardSummary } from '../../src/core/dashboard/model';
import type { ExplorerQuery } from '../../src/core/dashboard/query';
import type { DashboardViewState } from '../../src/shared/dashboardState';

/**
 * A change to the explorer's query: `tags` are added to the current ones, `ranges` and `conversation` merge
 * per key, every other field replaces the current value.
 */
export type QueryPatch = Partial<Omit<ExplorerQuery, 'sort'>>;

export interface SectionContext {
  summary: DashboardSummary;
  state: DashboardViewState;
  /** Filters the explorer and brings it into view. */
  drill(patch: QueryPatch): void;
  /** Changes view options; sections are drawn again. */
  setView(patch: Partial<Pick<DashboardViewState, 'barScale' | 'keepRate' | 'fileSort'>>): void;
  isCollapsed(id: string): boolean;
  setCollapsed(id: string, collapsed: boolean): void;
  /** Display path of a file of the scope. */
  fileName(index: number): string;
}

/** Panel options wired to the remembered collapsed state. */
export function panelState(ctx: SectionContext, id: string) {
  return { id, collapsed: ctx.isCollapsed(id), onToggle: (c: boolean) => ctx.setCollapsed(id, c) };
}
