/** One floating menu for the page's right-click actions (the webview's own menu offers only Copy/Paste). */
import { el } from "./dom";

export interface MenuItem {
  label: string;
  run(): void;
}

export class ContextMenu {
  private readonly element = el("div", "context-menu");

  constructor() {
    this.element.setAttribute("role", "menu");
    this.element.hidden = true;
    document.body.append(this.element);
    const close = () => this.hide();
    window.addEventListener("blur", close);
    document.addEventListener("scroll", close, true);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close();
    });
    document.addEventListener("mousedown", (event) => {
      if (!this.element.contains(event.target as Node)) close();
    });
  }

  show(event: MouseEvent, items: MenuItem[]): void {
    event.preventDefault();
    this.element.replaceChildren(
      ...items.map((item) => {
        const entry = el("div", "context-menu-item", item.label);
        entry.setAttribute("role", "menuitem");
        entry.addEventListener("click", () => {
          this.hide();
          item.run();
        });
        return entry;
      }),
    );
    this.element.hidden = false;
    // Keep the menu inside the page.
    const x = Math.min(event.clientX, window.innerWidth - this.element.offsetWidth - 4);
    const y = Math.min(event.clientY, window.innerHeight - this.element.offsetHeight - 4);
    this.element.style.left = `${Math.max(0, x)}px`;
    this.element.style.top = `${Math.max(0, y)}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
