import net from 'node:net';

/** A hand-written HTTP/1.1 client on a real socket, to send what no well-behaved client sends. */
export class RawClient {
  response = '';
  /** Body bytes written before the server answered or hung up. */
  sent = 0;
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => (this.response += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    this.closed = new Promise((done) => socket.on('close', () => done()));
  }

  /** Connects to `url` and writes `head`: the request line and headers, ending in a blank line. */
  static open(url: string, head: string): Promise<RawClient> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.off('error', reject);
        socket.write(head);
        resolve(new RawClient(socket));
      });
      socket.once('error', reject);
    });
  }

  get status(): number | undefined {
    const match = this.response.match(/^HTTP\/1\.1 (\d{3})/);
    return match ? Number(match[1]) : undefined;
  }

  /** Streams `total` bytes as HTTP chunks until done, or until the server answers or closes. */
  async streamChunked(total: number, chunkBytes = 64 * 1024): Promise<void> {
    const chunk = Buffer.alloc(chunkBytes, 0x61);
    const framed = Buffer.concat([Buffer.from(`${chunkBytes.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    while (this.sent < total) {
      if (this.socket.destroyed || this.response !== '') return;
      this.sent += chunkBytes;
      if (!this.socket.write(framed)) await Promise.race([new Promise((done) => this.socket.once('drain', done)), this.closed]);
    }
    if (!this.socket.destroyed) this.socket.write('0\r\n\r\n');
  }

  /** Writes part of a body, then hangs up. */
  async sendAndHangUp(part: string): Promise<void> {
    this.socket.write(part);
    await new Promise((done) => setTimeout(done, 50));
    this.socket.destroy();
  }
}
