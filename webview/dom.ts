/**
 * DOM building without HTML strings: every text goes in through `textContent`, so dataset content can
 * never become markup. Sizes and colours that depend on data are set through CSSOM (`el.style.x = …`),
 * which the strict CSP allows (it blocks `style` attributes and `<style>` elements).
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Plain attributes (`role`, `aria-*`, `title`, `data-*`...); never `style` or event handlers. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Click handler; buttons get keyboard activation for free. */
  onClick?: (ev: MouseEvent) => void;
}

/** Creates an element with children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, props?: Props, ...children: Child[]): HTMLElement;
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error(`h(): attribute ${name} is not allowed`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (props.onClick) el.addEventListener('click', props.onClick);
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A clickable element that drills down: a real button (keyboard, screen readers) styled by `class`. */
export function button(label: Child[] | string, onClick: () => void, props: Omit<Props, 'onClick'> = {}): HTMLButtonElement {
  const b = h('button', { ...props, attrs: { type: 'button', ...props.attrs } }, ...(Array.isArray(label) ? label : [label]));
  b.addEventListener('click', (ev) => {
    ev.preventDefault();
    onClick();
  });
  return b;
}

/** Sets a CSS length or number through CSSOM. */
export function setStyle(el: HTMLElement, property: string, value: string): void {
  el.style.setProperty(property, value);
}
