// `npm run sandbox:reset`: throws the sandbox database away and seeds a fresh one (SANDBOX_DB and the
// SANDBOX_SEED_SCALE / SANDBOX_BIG_ITEM_SIZE settings apply as they do at start-up).
import { loadConfig } from '../config.ts';
import { openSandboxDb, removeSandboxDb } from './index.ts';

const config = loadConfig();
const started = Date.now();
removeSandboxDb(config.sandboxDb);
const db = openSandboxDb(config);
const { n } = db.prepare('SELECT count(*) AS n FROM work_items').get() as { n: number };
db.close();
console.log(`Sandbox reseeded: ${n} work items in ${config.sandboxDb} (${Date.now() - started} ms).`);
