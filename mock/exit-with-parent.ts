// Preloaded into the Prism child (node --import): it exits when the process that started it is gone,
// even when that one was killed and could not close it (no orphaned Prism holding a port).
process.channel?.unref();
process.once('disconnect', () => process.exit(0));
