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
