/**
 * Element helpers. Response content is only ever set as text (textContent, attributes), never
 * parsed as HTML: a `<img onerror=…>` in a record shows as those characters.
 */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

export function button(label: string, className: string, onClick: () => void, title?: string): HTMLButtonElement {
  const element = el("button", className, label);
  element.type = "button";
  if (title) element.title = title;
  element.addEventListener("click", onClick);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Calls `action` once input has paused for `ms`. */
export function debounce<T extends unknown[]>(ms: number, action: (...args: T) => void): (...args: T) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: T) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
}
