/** A collapsible dashboard section, and the small building blocks sections share (cards, notes). */
import { button, h, type Child } from '../dom';

export interface PanelOptions {
  /** Stable id: remembered when collapsed, and the element id (`panel-<id>`). */
  id: string;
  title: string;
  /** One line under the title. */
  description?: string;
  collapsed: boolean;
  onToggle: (collapsed: boolean) => void;
  /** Controls shown on the right of the title bar. */
  actions?: Child[];
}

export function panel(opts: PanelOptions, ...body: Child[]): HTMLElement {
  const content = h('div', { class: 'panel-body', attrs: { id: `panel-${opts.id}-body` } }, ...body);
  const section = h('section', { class: `panel${opts.collapsed ? ' collapsed' : ''}`, attrs: { id: `panel-${opts.id}`, 'aria-labelledby': `panel-${opts.id}-title` } });
  const toggle = button(
    [h('span', { class: 'chevron', attrs: { 'aria-hidden': 'true' } }), h('span', { attrs: { id: `panel-${opts.id}-title` } }, opts.title)],
    () => {
      const collapsed = !section.classList.contains('collapsed');
      section.classList.toggle('collapsed', collapsed);
      toggle.setAttribute('aria-expanded', String(!collapsed));
      opts.onToggle(collapsed);
    },
    { class: 'panel-toggle', attrs: { 'aria-expanded': String(!opts.collapsed), 'aria-controls': `panel-${opts.id}-body` } },
  );
  section.append(
    h('header', { class: 'panel-header' }, h('h2', {}, toggle), opts.description ? h('p', { class: 'panel-description' }, opts.description) : null, h('div', { class: 'panel-actions' }, ...(opts.actions ?? []))),
    content,
  );
  return section;
}

/** A figure card: big value, label, optional detail line. `metric` names it for tests and screen readers. */
export function card(metric: string, label: string, value: string, detail?: string, onClick?: () => void): HTMLElement {
  const children = [h('span', { class: 'card-value' }, value), h('span', { class: 'card-label' }, label), detail ? h('span', { class: 'card-detail' }, detail) : null];
  if (onClick) return button(children, onClick, { class: 'card clickable', attrs: { 'data-metric': metric } });
  return h('div', { class: 'card', attrs: { 'data-metric': metric } }, ...children);
}

/** Muted explanatory text inside a panel. */
export function note(text: string): HTMLElement {
  return h('p', { class: 'note' }, text);
}

/** A grid of small sub-panels (one per dimension, one per score...). */
export function grid(...children: Child[]): HTMLElement {
  return h('div', { class: 'grid' }, ...children);
}

/** A dimension id as a heading ("intent" → "Intent"). */
export function dimensionTitle(dim: string): string {
  return dim.charAt(0).toUpperCase() + dim.slice(1);
}

export function subPanel(title: string, ...body: Child[]): HTMLElement {
  return h('div', { class: 'subpanel' }, h('h3', {}, title), ...body);
}
