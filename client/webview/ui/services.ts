/** What the views need from the page around them. */
import type { ContextMenu } from "./contextMenu";

export interface PageServices {
  /** Asks the host to put `text` on the clipboard; `what` names it in the confirmation. */
  copy(text: string, what: string): void;
  menu: ContextMenu;
}
