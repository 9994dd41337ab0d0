/**
 * The language client's settings middleware: what crosses to the language server of VS Code's
 * settings. `workspace/configuration` answers pass through `withheldConfiguration` (REST Client's
 * environments as names, values withheld); a settings change is announced with `settings: null`
 * (the server asks again), never with the changed values the library would otherwise push.
 * No VS Code import: the test calls it with a plain `next`.
 */
import type { Middleware } from "vscode-languageclient/node";
import { withheldConfiguration } from "../environments/settingNames";

export const settingsMiddleware: Required<Pick<NonNullable<Middleware["workspace"]>, "configuration" | "didChangeConfiguration">> = {
  configuration: async (params, token, next) => {
    const answers = await next(params, token);
    // A ResponseError goes back as it is: it holds no setting.
    return Array.isArray(answers) ? withheldConfiguration(params.items, answers) : answers;
  },
  didChangeConfiguration: (_sections, next) => next(undefined),
};
