import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A local TCP proxy to a database that a test can cut (refusing every connection) and restore. */
export async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const forward = (client: Socket) => {
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  };
  const listen = (server: Server, port: number) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  let server = createServer(forward);
  const port = await listen(server, 0);
  return {
    port,
    /** Drops every open connection and refuses new ones. */
    cut(): void {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    async restore(): Promise<void> {
      server = createServer(forward);
      await listen(server, port);
    },
    close(): void {
      this.cut();
    },
  };
}

/** The same database URL, through the proxy's port. */
export function throughProxy(url: string, port: number): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return proxied.toString();
}
