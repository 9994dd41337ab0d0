// Packages the extension the way `npm run package` does (vsce package --no-dependencies), but from
// the dist/ that is already built, into out/e2e/. The .vsix is reused while its inputs are unchanged,
// so each e2e test file pays for vsce (about 2 s) only after a rebuild.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { e2eOutDir, repoRoot } from "./paths";

/** Files whose content decides what the .vsix holds (a superset is fine: it only costs a re-package). */
function inputs(extensionDir: string): string[] {
  const walk = (path: string): string[] => {
    if (!existsSync(path)) return [];
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).sort().flatMap((name) => (name.endsWith(".vsix") ? [] : walk(join(path, name))));
  };
  return ["package.json", ".vscodeignore", "README.md", "LICENSE", "language-configuration.json", "dist", "syntaxes", "snippets", "media", "examples", "server/schema-pack"]
    .flatMap((name) => walk(join(extensionDir, name)));
}

export function packageVsix(extensionDir = repoRoot): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")) as { name: string; main?: string };
  if (manifest.main && !existsSync(join(extensionDir, manifest.main))) {
    throw new Error(`${manifest.main} is missing: build the extension first (npm run build)`);
  }
  const hash = createHash("sha256");
  for (const file of inputs(extensionDir)) hash.update(relative(extensionDir, file)).update("\0").update(readFileSync(file));
  const digest = hash.digest("hex");

  mkdirSync(e2eOutDir, { recursive: true });
  const vsix = join(e2eOutDir, `${manifest.name}.vsix`);
  const stamp = `${vsix}.inputs`;
  if (existsSync(vsix) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) return vsix;

  const vsce = join(repoRoot, "node_modules", "@vscode", "vsce", "vsce");
  const result = spawnSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", "--out", vsix], {
    cwd: extensionDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`vsce package failed in ${extensionDir} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(stamp, digest);
  return vsix;
}
