// Bundles the extension, the language server and the CLI into dist/.
// `--production` minifies (with source maps); `--watch` rebuilds on change.
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/**
 * Libraries a program loads from a bundle of their own in dist/ (the `require` stays, pointing at
 * `./NAME.js`): large, and needed by few commands.
 */
const ownBundles = [{ module: "exceljs", in: "client/src/libraries/exceljsBundle.ts" }];

const loadOwnBundles = {
  name: "own-bundles",
  setup(build) {
    for (const { module } of ownBundles) {
      build.onResolve({ filter: new RegExp(`^${module}$`) }, () => ({ path: `./${module}.js`, external: true }));
    }
  },
};

/** One entry per shipped program; the extension alone may import `vscode`. */
const programs = [
  { in: "client/src/extension.ts", out: "extension", external: ["vscode"] },
  { in: "server/src/server.ts", out: "server", external: [] },
  // The bin: runs dist/cli-check.js for `check` and `parse`, dist/cli-full.js for the other commands.
  { in: "client/src/cliLauncher.ts", out: "cli", external: [], banner: "#!/usr/bin/env node" },
  { in: "client/src/cliCheck.ts", out: "cli-check", external: [] },
  { in: "client/src/cliFull.ts", out: "cli-full", external: [] },
  { in: "emulator/main.ts", out: "emulator", external: [] },
  ...ownBundles.map((bundle) => ({ in: bundle.in, out: bundle.module, external: [], own: true })),
];

const contexts = await Promise.all([
  ...programs.map((program) =>
    esbuild.context({
      entryPoints: { [program.out]: program.in },
      outdir: "dist",
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      external: program.external,
      minify: production,
      sourcemap: true,
      sourcesContent: !production,
      banner: program.banner ? { js: program.banner } : undefined,
      logLevel: "warning",
      metafile: true,
      plugins: program.own ? [] : [loadOwnBundles],
    }),
  ),
  // The response panel's page script, for the browser; the CSS it imports lands in dist/webview.css.
  // The load panel's page likewise (dist/loadPanel.js, dist/loadPanel.css).
  esbuild.context({
    entryPoints: { webview: "client/webview/main.ts", loadPanel: "client/webview/load/main.ts" },
    outdir: "dist",
    bundle: true,
    platform: "browser",
    target: "es2022",
    format: "iife",
    minify: production,
    sourcemap: true,
    sourcesContent: !production,
    logLevel: "warning",
  }),
]);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
  console.log("esbuild: watching client/ and server/ ...");
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
