#!/usr/bin/env node
// The built CLI (npm run build → dist/). main() resolves to the exit code; it never exits itself.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
});
import('../dist/cli/main.js')
  .then((m) => m.main(process.argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(`faultline: ${err?.message ?? err}`);
    process.exitCode = 1;
  });
