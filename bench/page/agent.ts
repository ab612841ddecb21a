import type { Command, Report } from '../protocol';
import { fill, read, readAll, travel } from './big-store';
import { ingest } from './ingest';
import { latency } from './latency';
import { layout } from './layout';
import { panel } from './panel';
import { panelLoad } from './panel-load';
import { search } from './search';
import { setEndpoints } from './endpoints';
import { stages } from './stages';
import { setCapture } from './capture';

function dispatch(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case 'endpoints':
      return setEndpoints(cmd.list).then(() => null);
    case 'ingest':
      return ingest(cmd);
    case 'layout':
      return layout(cmd);
    case 'latency':
      return latency(cmd);
    case 'stages':
      return stages(cmd);
    case 'fill':
      return fill(cmd);
    case 'panel':
      return panel(cmd);
    case 'read':
      return read(cmd);
    case 'readAll':
      return readAll();
    case 'travel':
      return travel(cmd);
    case 'search':
      return search(cmd);
    case 'panelLoad':
      return panelLoad(cmd);
    case 'capture':
      return setCapture(cmd.origins);
  }
}

/**
 * Long-polls the runner (`?agent=<port>`): each POST carries the last result, each answer is
 * the next command. Ends when the runner answers with anything but a command.
 */
export async function runAgent(): Promise<void> {
  const port = new URLSearchParams(location.search).get('agent');
  const state = document.getElementById('state');
  let report: Report = { kind: 'hello' };
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/agent`, { method: 'POST', body: JSON.stringify(report) });
    if (res.status !== 200) return;
    const cmd = (await res.json()) as Command;
    if (state) state.textContent = `Running ${cmd.op}…`;
    try {
      report = { kind: 'result', result: await dispatch(cmd) };
    } catch (err) {
      report = { kind: 'error', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
    }
  }
}
