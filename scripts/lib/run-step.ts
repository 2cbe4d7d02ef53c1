// Runs a build step; a failure prints its message (which names the file and line) without a stack trace.
export async function runStep(step: () => Promise<void> | void): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
