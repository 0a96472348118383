// Bundle the editor into one minified file committed beside this script:
//   cd app/static/editor && npm ci && npm run build
// Officina serves the output as a static file; nothing here runs on the server.
import { build } from "esbuild";

await build({
  entryPoints: ["src/officina-editor.js"],
  outfile: "officina-editor.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "eof",
  banner: { js: "/* Officina lab editor: CodeMirror 6 and Lezer (MIT licence, Marijn Haverbeke and others), " +
                "bundled by app/static/editor/build.mjs from src/officina-editor.js. Do not edit: rebuild. */" },
  logLevel: "info",
});
