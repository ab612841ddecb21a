import { demoEndpoints } from '../../../lib/config/demo-endpoints';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import { startDemoServer, type DemoServer } from '../../../demo/server';

export type { DemoServer };

/** A demo server on a free port with a fixed seed, and its endpoints as extension config. */
export async function startDemo(opts: { seed?: number; rate?: number; port?: number } = {}): Promise<{ server: DemoServer; endpoints: EndpointConfig[] }> {
  const server = await startDemoServer({ port: opts.port ?? 0, seed: opts.seed ?? 7, rate: opts.rate ?? 4 });
  return { server, endpoints: demoEndpoints(server.port, server.protocolPort) };
}

/** The demo endpoints, keeping only the given ids, with optional overrides. */
export function pick(endpoints: EndpointConfig[], ids: string[], patch: Partial<EndpointConfig> = {}): EndpointConfig[] {
  return endpoints.filter((e) => ids.includes(e.id)).map((e) => ({ ...e, ...patch }));
}
