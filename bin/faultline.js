#!/usr/bin/env node
import('../dist/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  console.error(`faultline: ${err?.message ?? err}`);
  process.exit(1);
});
