/** A deploy outcome in words: one headline for a notification, detail lines for logs and the CLI. */
import type { DeployOutcome } from "./deploy";
import { stepLabels } from "./deployPlan";

export function headline(outcome: DeployOutcome): string {
  switch (outcome.kind) {
    case "created":
    case "updated":
      return `Deployed ${outcome.name} to ${outcome.connection}`;
    case "unchanged":
      return `${outcome.name} on ${outcome.connection} already matches the file; nothing was sent.`;
    case "conflict":
      return (
        `${outcome.name} on ${outcome.connection} was changed by someone else since this workspace last ` +
        `${outcome.remembered.kind === "pull" ? "pulled" : "deployed"} it (${outcome.remembered.at}); review the difference before overwriting it.`
      );
    case "refused":
      return outcome.message;
    case "cancelled":
      return `Deploy of ${outcome.name} to ${outcome.connection} cancelled; nothing was sent.`;
    case "failed": {
      const where = outcome.failedStep ? ` at the ${stepLabels[outcome.failedStep]} step` : "";
      return `Deploying ${outcome.name} to ${outcome.connection} failed${where}: ${outcome.error} ${outcome.serverNow}`;
    }
  }
}

export function detailLines(outcome: DeployOutcome): string[] {
  const lines: string[] = [];
  if (outcome.kind === "created" || outcome.kind === "updated" || outcome.kind === "failed") {
    for (const step of outcome.steps) lines.push(`  ${step.status === "done" ? "done" : step.status === "failed" ? "FAILED" : "not run"}  ${stepLabels[step.name]}: ${step.summary}`);
    if (outcome.backup) lines.push(`  backup of the server's previous source: ${outcome.backup}`);
  }
  if (outcome.kind === "created" || outcome.kind === "updated" || outcome.kind === "unchanged" || outcome.kind === "failed") {
    for (const warning of outcome.warnings) lines.push(`  warning: ${warning}`);
  }
  return lines;
}
