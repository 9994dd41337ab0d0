/**
 * Text for a terminal. File names, request names, Maximo messages and header values come from
 * files and servers; raw, an ESC could recolour the screen, move the cursor, retitle the window or
 * hide a line, and a BEL or a carriage return could hide what came before it. Every line the CLI
 * prints goes through `terminalSafe` (main.ts wraps its `out`, `err` and `progress`).
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls (U+009B is a one-character CSI on some
 * terminals), and the bidirectional overrides and isolates that reorder what is shown.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with each unsafe character written as `\uXXXX`: readable, and the same escape JSON uses,
 * so JSON output stays valid and means the same.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
