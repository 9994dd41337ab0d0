import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import type { MaximoDocument } from "../language/maximo/api";
import type { Severity } from "../language/common";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Syntax diagnostics of the request file and its embedded query languages. */
export function getDiagnostics(document: MaximoDocument): Diagnostic[] {
  return document.diagnostics().map((diagnostic) => ({
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: "maximo",
    message: diagnostic.message,
  }));
}
