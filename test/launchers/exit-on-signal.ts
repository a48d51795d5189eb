// Loaded into test processes with `mocha --require`: turns SIGTERM and SIGINT into a normal exit, so
// the 'exit' handlers that kill started servers and browsers run when the runner stops this process.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
}
