// npm run bench: runs every benchmark in tools/bench/ one after another (each prints its figures beside
// its baseline, measured in the same run). `npm run bench -- mock` runs only the ones whose name matches.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const filter = process.argv[2];
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && (!filter || file.includes(filter)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.ts$/, '')}\n`);
  const { status } = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
