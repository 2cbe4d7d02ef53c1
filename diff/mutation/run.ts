// npm run test:diff-mutation [-- --readme]: the mutation proof of the checker on its own, with its table (ours vs
// oasdiff alone); --readme writes the table into README.md. Exit 1 when a change is missed or the no-op reports.
import { parseArgs } from 'node:util';
import { runStep } from '../../scripts/lib/run-step.ts';
import { proofTable, runProof } from './proof.ts';
import { writeReadmeTable } from './readme-table.ts';

await runStep(async () => {
  const { values } = parseArgs({ options: { readme: { type: 'boolean', default: false } }, strict: true });
  const outcomes = await runProof();
  const table = proofTable(outcomes);
  console.log(table);
  if (values.readme) {
    writeReadmeTable(table);
    console.log('wrote README.md');
  }
  if (outcomes.some((outcome) => !outcome.passed)) process.exitCode = 1;
});
