/**
 * A list of fixed-height rows that renders only what is visible. Rows come in pages from the data side
 * (the extension host or the report's engine): 100,000 results cost one spacer element and a few dozen rows.
 */
import { h } from '../dom';

export interface PageAnswer<T> {
  total: number;
  rows: T[];
}

export interface VirtualListOptions<T> {
  rowHeight: number;
  /** Rows per request. */
  pageSize: number;
  /** Rows rendered above and below the visible ones. */
  overscan: number;
  fetch(offset: number, limit: number): Promise<PageAnswer<T>>;
  /** Draws a row; `row` is undefined while its page is loading. */
  renderRow(row: T | undefined, index: number): HTMLElement;
  onScroll?(scrollTop: number): void;
  /** Called after a page arrives with the (possibly new) total. */
  onTotal?(total: number): void;
  /** Called after any page arrived. */
  onPage?(): void;
  label: string;
}

export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly layer: HTMLElement;
  private pages = new Map<number, T[]>();
  private inflight = new Set<number>();
  /** Total rows, once the first page of the current generation said so. */
  private total: number | undefined;
  /** Bumped by `reset`: answers of older requests are dropped. */
  private generation = 0;
  private frame = 0;

  constructor(private readonly opts: VirtualListOptions<T>) {
    this.spacer = h('div', { class: 'vlist-spacer' });
    this.layer = h('div', { class: 'vlist-layer', attrs: { role: 'listbox', 'aria-label': opts.label } });
    this.element = h('div', { class: 'vlist', attrs: { tabindex: '0' } }, this.spacer, this.layer);
    this.element.addEventListener('scroll', () => {
      this.opts.onScroll?.(this.element.scrollTop);
      this.schedule();
    });
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Forgets loaded rows and loads what is visible again; `scrollTop` restores a position (after a reload). */
  reset(scrollTop?: number): void {
    this.generation++;
    this.pages.clear();
    this.inflight.clear();
    if (scrollTop !== undefined) {
      // Keep the old height until the new total arrives, so the position can be restored.
      this.spacer.style.height = `${Math.max(scrollTop + this.element.clientHeight, this.spacer.offsetHeight)}px`;
      this.element.scrollTop = scrollTop;
    }
    this.schedule();
  }

  /** The row at `index` if its page is loaded. */
  rowAt(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.opts.pageSize))?.[index % this.opts.pageSize];
  }

  get count(): number {
    return this.total ?? 0;
  }

  /** Scrolls so that row `index` is visible. */
  reveal(index: number): void {
    const top = index * this.opts.rowHeight;
    const bottom = top + this.opts.rowHeight;
    if (top < this.element.scrollTop) this.element.scrollTop = top;
    else if (bottom > this.element.scrollTop + this.element.clientHeight) this.element.scrollTop = bottom - this.element.clientHeight;
    this.schedule();
  }

  /** Draws again (e.g. the selection changed). */
  refresh(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private visibleRange(): [number, number] {
    const { rowHeight, overscan } = this.opts;
    const first = Math.max(0, Math.floor(this.element.scrollTop / rowHeight) - overscan);
    const visible = Math.ceil(this.element.clientHeight / rowHeight) + 2 * overscan;
    const last = this.total === undefined ? first + visible : Math.min(this.total, first + visible);
    return [first, last];
  }

  private render(): void {
    const [first, last] = this.visibleRange();
    const { pageSize, rowHeight } = this.opts;
    for (let p = Math.floor(first / pageSize); p <= Math.floor(Math.max(first, last - 1) / pageSize); p++) this.load(p);
    if (this.total === undefined) return;
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const el = this.opts.renderRow(this.rowAt(i), i);
      el.style.transform = `translateY(${i * rowHeight}px)`;
      el.style.height = `${rowHeight}px`;
      rows.push(el);
    }
    this.layer.replaceChildren(...rows);
  }

  private load(page: number): void {
    if (this.pages.has(page) || this.inflight.has(page)) return;
    if (this.total !== undefined && page * this.opts.pageSize >= this.total && page > 0) return;
    const generation = this.generation;
    this.inflight.add(page);
    this.opts.fetch(page * this.opts.pageSize, this.opts.pageSize).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.inflight.delete(page);
        this.pages.set(page, answer.rows);
        if (answer.total !== this.total) {
          this.total = answer.total;
          this.spacer.style.height = `${answer.total * this.opts.rowHeight}px`;
          this.opts.onTotal?.(answer.total);
        }
        this.opts.onPage?.();
        this.schedule();
      },
      () => {
        if (generation === this.generation) this.inflight.delete(page);
      },
    );
  }
}
