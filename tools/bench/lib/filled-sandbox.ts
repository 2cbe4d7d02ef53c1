// A sandbox in memory holding GROWTH_SIZE objects filled through the storage layer (fill.ts), on PORT: the
// growth bench's in-memory store, which only its own process can fill.
import { startSandbox } from '../../../sandbox/server.ts';
import { TABLES } from '../../../sandbox/state/state.ts';
import { Database } from '../../../sandbox/storage/database.ts';
import { fill } from './fill.ts';

const db = new Database(undefined, Object.values(TABLES));
await fill(db, Number(process.env['GROWTH_SIZE']));
await startSandbox({ db, port: Number(process.env['PORT']) });
