/**
 * When the extension's bundle started to load. Imported first by extension.ts, so esbuild
 * evaluates it before every other module: activation cost = bundle load + activate().
 */
export const bundleStartedAt = performance.now();
