// The XLSX library as a bundle of its own, dist/exceljs.js (esbuild.mjs): with its zip and stream
// dependencies it is larger than the rest of the extension, and only a load or an export of a
// workbook needs it, so the extension and the CLI load it from that file on first use instead of
// compiling it at every start.
module.exports = require("exceljs");
