import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook server under load, run in a child process of its own (see server-child.ts). */
export interface BenchServer {
  /** The webhook URL to POST deliveries to. */
  url: string;
  /** Deliveries the app's handlers saw, when the server counts them itself. */
  handled(): number | undefined;
  close(): Promise<void>;
}

/** What the child tells the parent over IPC. */
export type ChildMessage = { ready: string } | { stopped: number | null };

/** Starts `server` on a free port of 127.0.0.1 and describes it as a BenchServer at `path`. */
export async function listenBenchServer(server: Server, path: string, handled: () => number | undefined): Promise<BenchServer> {
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    handled,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
