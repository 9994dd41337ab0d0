/**
 * Finding a workspace's environments: `maximo.env.json` in the folder wins; without it, REST
 * Client's `rest-client.environmentVariables` setting (passed in by the host: VS Code's settings).
 */
import { join } from "node:path";
import { ENV_FILE, type ReadFile } from "../variables/envSources";
import { emptyEnvironmentSet, environmentSetFrom, type EnvironmentSet } from "./environmentSet";

export interface EnvironmentSources {
  readFile: ReadFile;
  workspaceDir: string;
  /** The value of REST Client's setting, if any (VS Code's default is `{"$shared": {}}`). */
  restClientSetting?: unknown;
}

/** The folder's environments; throws a sentence when `maximo.env.json` is not valid JSON or has another shape. */
export async function loadEnvironmentSet(sources: EnvironmentSources): Promise<EnvironmentSet> {
  const file = join(sources.workspaceDir, ENV_FILE);
  let text: string | undefined;
  try {
    text = (await sources.readFile(file)).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (text !== undefined) {
    let parsed: unknown;
    try {
      // A BOM from Windows editors is not part of the JSON.
      parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    return environmentSetFrom(parsed, { kind: "file", file });
  }
  if (sources.restClientSetting !== undefined && sources.restClientSetting !== null) {
    return environmentSetFrom(sources.restClientSetting, { kind: "restClientSetting" });
  }
  return emptyEnvironmentSet(file);
}
