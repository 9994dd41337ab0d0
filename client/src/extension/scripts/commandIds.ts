/** The script command ids, declared once; package.json contributes the same ids (checked by a test). */
export const SCRIPT_COMMANDS = {
  deploy: "maximo.script.deploy",
  extract: "maximo.script.extract",
  compare: "maximo.script.compare",
  run: "maximo.script.run",
} as const;
