import { percentile } from '../analyze';
import type { Commands, PanelLoadResult } from '../protocol';
import { setEndpoints } from './endpoints';
import { longTasks, openPanelFrame } from './panel-frame';

type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

/**
 * The panel (a same-origin frame) open while `endpoint` streams: its JS heap every second, its
 * longest task, and how late a message posted to its thread every 100 ms runs (what an input
 * event waits for). Ends when the endpoint has sent for `seconds`.
 */
export async function panelLoad({ endpoint, seconds }: Commands['panelLoad']['args']): Promise<PanelLoadResult> {
  // The frame's heap is the bench page's too: what earlier stages left is collected first, or
  // the first samples count it (171 MB at the start of a run whose panel then held 34 MB).
  (globalThis as { gc?: () => void }).gc?.();
  // The ingest runs before this one left rows in the store, so the panel opens on a full list.
  const { frame, win } = await openPanelFrame();
  await setEndpoints([endpoint]);
  const tasks = longTasks(win);
  const heapMb: number[] = [];
  const delays: number[] = [];
  const channel = new MessageChannel();
  let sentAt = 0;
  channel.port1.onmessage = () => delays.push(performance.now() - sentAt);
  const ping = setInterval(() => {
    sentAt = performance.now();
    channel.port2.postMessage(0);
  }, 100);
  const sample = setInterval(() => heapMb.push(((win.performance as MemoryPerformance).memory?.usedJSHeapSize ?? NaN) / 1e6), 1000);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(ping);
  clearInterval(sample);
  const shown = frame.contentDocument?.querySelector('[data-testid="timeline-count"]')?.textContent ?? '';
  const result: PanelLoadResult = {
    heapMb,
    maxHeapMb: Math.max(...heapMb),
    longestTaskMs: tasks.stop(),
    longestTaskAtS: tasks.longestAtS(),
    tasksOver100Ms: tasks.over(100),
    tasksOver200Ms: tasks.over(200),
    delayP95Ms: percentile(delays, 95),
    count: shown,
  };
  await setEndpoints([]);
  frame.remove();
  return result;
}
