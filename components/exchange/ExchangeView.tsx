import { useSignal } from '@preact/signals';
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { ReplayController, type ReplayState } from '../../lib/exchange/replay';
import { IDLE_STATUS, runExchange, type ExchangeOp, type ExchangeStatus } from '../../lib/exchange/status';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import { PanelContext } from '../panel/context';
import { timelineSession } from '../timeline/session';
import { ExchangeStatusLine } from './ExchangeStatusLine';
import { ExportImportBar } from './ExportImportBar';
import { ReplayBar } from './ReplayBar';

const IDLE: ReplayState = { position: 0, total: 0, playing: false, speed: 1 };

/** Files (export/import) and offline replay. Replay moves the shared selection, so the
 * timeline and the State tab follow the replayed event. */
export function ExchangeView() {
  const ctx = useContext(PanelContext);
  const status = useSignal<ExchangeStatus>(IDLE_STATUS);
  const endpointId = useSignal<string | undefined>(undefined);
  const range = useSignal<{ from?: number; to?: number }>({});
  const replay = useSignal<ReplayState>(IDLE);
  const events = useRef<StreamEvent[]>([]);
  const controller = useRef<ReplayController>();
  const endpoints = ctx.endpoints.value;
  const typing = ctx.typing;
  const model = timelineSession(ctx).model;

  const run = (op: ExchangeOp, what: string, work: () => Promise<string>) => void runExchange(op, what, work, (s) => (status.value = s));

  useEffect(() => {
    controller.current?.dispose();
    const id = endpointId.value;
    if (id === undefined) return;
    let live = true;
    const name = endpoints.find((e) => e.id === id)?.name ?? id;
    const load = async (): Promise<string> => {
      const list = await ctx.exchange.loadReplay(id, range.value.from, range.value.to);
      if (!live) return '';
      events.current = list;
      controller.current = new ReplayController(list, (s) => {
        replay.value = s;
        const ev = list[s.position - 1];
        if (ev) ctx.selected.value = eventKey(ev);
      });
      replay.value = controller.current.state();
      return `${list.length.toLocaleString()} events of ${name} ready to replay`;
    };
    // A newer choice supersedes this read: its outcome is not shown.
    void runExchange('replay', `Reading the events of ${name}…`, load, (s) => live && (status.value = s));
    return () => {
      live = false;
      controller.current?.dispose();
    };
  }, [endpointId.value, range.value]);

  const c = () => controller.current;
  const shown = useMemo(() => events.current.slice(Math.max(0, replay.value.position - 15), replay.value.position), [replay.value.position]);

  return (
    <div class="exchange-view">
      <ExchangeStatusLine status={status.value} />
      <ExportImportBar
        endpoints={endpoints}
        viewCount={model.count}
        busy={status.value.kind === 'busy'}
        onExportView={(format) => run('export', 'Exporting the view…', async () => ctx.exchange.exportView(await model.collect(), endpoints, format))}
        onExportEndpoint={(id, format) => {
          const ep = endpoints.find((e) => e.id === id);
          if (ep) run('export', `Exporting ${ep.name}…`, () => ctx.exchange.exportEndpoint(ep, format));
        }}
        onImport={(file) =>
          run('import', `Importing ${file.name}…`, async () => {
            const r = await ctx.exchange.importFile(file);
            return `Imported ${r.events.toLocaleString()} events as ${r.endpoints.map((e) => e.name).join(', ')}`;
          })
        }
      />
      <section class="ex-section" aria-labelledby="ex-replay">
        <h3 id="ex-replay">Offline replay</h3>
        <p class="muted">Plays stored events through the timeline and the State tab; no network needed.</p>
        <ReplayBar
          endpoints={endpoints}
          endpointId={endpointId.value}
          from={range.value.from}
          to={range.value.to}
          state={replay.value}
          onEndpoint={(id) => (endpointId.value = id || undefined)}
          onRange={(from, to) => (range.value = { from, to })}
          onPlayPause={() => c()?.toggle()}
          onSpeed={(s) => c()?.setSpeed(s)}
          onStepBack={() => c()?.stepBack()}
          onStepForward={() => c()?.stepForward()}
          onSeek={(p) => c()?.seek(p)}
        />
        <ol class="replay-tail" data-testid="replay-events">
          {shown.map((ev) => (
            <li key={eventKey(ev)} data-seq={ev.seq}>
              <span class="replay-time">{new Date(ev.time).toISOString().slice(11, 23)}</span> {typing.typed(ev).summary}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
