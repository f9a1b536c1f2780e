/** What a publish did: files written, left as they were, removed; rooms placed again; problems. */
export interface PublishReport {
  rooms: number;
  conversations: number;
  written: number;
  unchanged: number;
  removed: number;
  /** Rooms whose imported messages were placed in conversations first. */
  rebuilt: string[];
  errors: string[];
  /** What was left out and why (no baseUrl: no feed, no sitemap). */
  notes: string[];
}

export function emptyPublishReport(): PublishReport {
  return { rooms: 0, conversations: 0, written: 0, unchanged: 0, removed: 0, rebuilt: [], errors: [], notes: [] };
}
