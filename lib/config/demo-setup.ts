import { DEMO_PORT, DEMO_SERVER_NAME, demoEndpoints, isDemoEndpoint } from './demo-endpoints';

/** How long "Load the demo" waits for the demo server to answer. */
const PROBE_MS = 2000;

const idOf = (item: unknown): unknown => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined);
const isDemoItem = (item: unknown): boolean => {
  const id = idOf(item);
  return typeof id === 'string' && isDemoEndpoint({ id });
};

/** The stored list with the demo endpoints it lacks appended; the user's entries stay as they are. */
export function withDemoEndpoints(list: readonly unknown[], port = DEMO_PORT): unknown[] {
  const have = new Set(list.map(idOf));
  return [...list, ...demoEndpoints(port).filter((e) => !have.has(e.id))];
}

/** The stored list without the demo endpoints. */
export const withoutDemoEndpoints = (list: readonly unknown[]): unknown[] => list.filter((item) => !isDemoItem(item));

export const countDemoEndpoints = (list: readonly unknown[]): number => list.filter(isDemoItem).length;

/** Whether the Streamscope demo server answers on the port (its index names itself). */
export async function demoServerAnswers(fetchFn: typeof fetch, port = DEMO_PORT, timeoutMs = PROBE_MS): Promise<boolean> {
  try {
    const res = await fetchFn(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null && (body as { name?: unknown }).name === DEMO_SERVER_NAME;
  } catch {
    return false;
  }
}

export const DEMO_NOT_RUNNING = `The demo server does not answer on 127.0.0.1:${DEMO_PORT}. Start it with \`npm run demo\` (or \`npm start\`) in the Streamscope repository, then load the demo again.`;

export interface DemoStorage {
  read(): Promise<unknown>;
  write(list: unknown[]): Promise<void>;
}

/**
 * "Load the demo": adds the demo endpoints when the demo server answers, so a demo that is not
 * running never fills the timeline with failed connections. Resolves to an error, or undefined.
 */
export async function loadDemo(storage: DemoStorage, fetchFn: typeof fetch, port = DEMO_PORT): Promise<string | undefined> {
  if (!(await demoServerAnswers(fetchFn, port))) return DEMO_NOT_RUNNING;
  const raw = await storage.read();
  await storage.write(withDemoEndpoints(Array.isArray(raw) ? raw : [], port));
  return undefined;
}

/** "Remove the demo endpoints": one click, the user's own endpoints stay. */
export async function removeDemo(storage: DemoStorage): Promise<void> {
  const raw = await storage.read();
  await storage.write(withoutDemoEndpoints(Array.isArray(raw) ? raw : []));
}
