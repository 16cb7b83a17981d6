import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer for tests: forwards each request to the next of `targets` in turn (round
 * robin), as a simple HTTP load balancer in front of several instances does.
 */
export class RoundRobinProxy {
  /** How many requests each target received. */
  readonly served: number[];
  private next = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly targets: string[]
  ) {
    this.served = targets.map(() => 0);
  }

  static async start(targets: string[]): Promise<RoundRobinProxy> {
    const server = http.createServer();
    const proxy = new RoundRobinProxy(server, targets);
    server.on('request', (req, res) => proxy.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const index = this.next++ % this.targets.length;
    this.served[index]! += 1;
    const target = new URL(req.url ?? '/', this.targets[index]);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }
}
