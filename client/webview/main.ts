// The response panel's script (bundled for the browser into dist/webview.js).
export {};
