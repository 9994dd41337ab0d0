// The few DOM members the harness reads inside the page. The project compiles without lib "dom"
// (it would leak browser globals into the extension and server code), so page functions use these.
export interface PageElement {
  readonly textContent: string | null;
  readonly className: string;
  readonly classList: Iterable<string> & { contains(token: string): boolean };
  readonly style: { readonly top: string };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
