// Entry of a child process that serves webhooks while the parent generates load: one core each.
import type { BenchServer, ChildMessage } from './bench-server.js';
import { startFloorServer } from './floor-server.js';
import { startOurServer } from './our-server.js';
import { startProbotServer } from './probot-server.js';

const [kind, path] = process.argv.slice(2);
const send = (message: ChildMessage, done: () => void = () => undefined) => process.send!(message, done);

async function start(): Promise<BenchServer> {
  if (kind === 'ours' && path) return startOurServer(path);
  if (kind === 'probot') return startProbotServer();
  if (kind === 'floor') return startFloorServer();
  throw new Error(`usage: server-child.ts ours PATH | probot | floor (got ${kind})`);
}

const server = await start();
process.once('message', async () => {
  const handled = server.handled() ?? null;
  await server.close();
  send({ stopped: handled }, () => process.exit(0));
});
// An orphan would keep serving: leave with the parent.
process.once('disconnect', () => process.exit(1));
send({ ready: server.url });
