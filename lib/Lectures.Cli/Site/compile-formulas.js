// Reads a JSON array of {tex, display} on standard input, compiles each formula with KaTeX as the site does
// (throwOnError: true), and prints one JSON line: [{index, error}] for the formulas that fail.
const katex = require('katex');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const errors = [];
  JSON.parse(input).forEach((f, index) => {
    try {
      katex.renderToString(f.tex, { displayMode: f.display, throwOnError: true });
    } catch (e) {
      errors.push({ index, error: String(e.message) });
    }
  });
  process.stdout.write(JSON.stringify(errors) + '\n');
});
