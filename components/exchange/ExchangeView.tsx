import { useSignal } from '@preact/signals';
import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { importProblems } from '../../lib/exchange/import-error';
import { ReplayController, type ReplayState } from '../../lib/exchange/replay';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import { PanelContext } from '../panel/context';
import { timelineSession } from '../timeline/session';
import { ExportImportBar } from './ExportImportBar';
import { ReplayBar } from './ReplayBar';

const IDLE: ReplayState = { position: 0, total: 0, playing: false, speed: 1 };

/** Files (export/import) and offline replay. Replay moves the shared selection, so the
 * timeline and the State tab follow the replayed event. */
export function ExchangeView() {
  const ctx = useContext(PanelContext);
  const busy = useSignal<string | undefined>(undefined);
  const errors = useSignal<string[]>([]);
  const notice = useSignal<string | undefined>(undefined);
  const endpointId = useSignal<string | undefined>(undefined);
  const range = useSignal<{ from?: number; to?: number }>({});
  const replay = useSignal<ReplayState>(IDLE);
  const events = useRef<StreamEvent[]>([]);
  const controller = useRef<ReplayController>();
  const endpoints = ctx.endpoints.value;
  const typing = ctx.typing;
  const model = timelineSession(ctx).model;

  const run = async (what: string, work: () => Promise<string>) => {
    busy.value = what;
    errors.value = [];
    try {
      notice.value = await work();
    } catch (e) {
      errors.value = importProblems(e);
      notice.value = undefined;
    } finally {
      busy.value = undefined;
    }
  };

  useEffect(() => {
    controller.current?.dispose();
    const id = endpointId.value;
    if (id === undefined) return;
    let live = true;
    void ctx.exchange.loadReplay(id, range.value.from, range.value.to).then((list) => {
      if (!live) return;
      events.current = list;
      controller.current = new ReplayController(list, (s) => {
        replay.value = s;
        const ev = list[s.position - 1];
        if (ev) ctx.selected.value = eventKey(ev);
      });
      replay.value = controller.current.state();
    });
    return () => {
      live = false;
      controller.current?.dispose();
    };
  }, [endpointId.value, range.value]);

  const c = () => controller.current;
  const shown = useMemo(() => events.current.slice(Math.max(0, replay.value.position - 15), replay.value.position), [replay.value.position]);

  return (
    <div class="exchange-view">
      <h3>Files</h3>
      <ExportImportBar
        endpoints={endpoints}
        viewCount={model.count}
        busy={busy.value}
        errors={errors.value}
        notice={notice.value}
        onExportView={(format) => void run('Exporting the view…', async () => ctx.exchange.exportView(await model.collect(), endpoints, format))}
        onExportEndpoint={(id, format) => {
          const ep = endpoints.find((e) => e.id === id);
          if (ep) void run(`Exporting ${ep.name}…`, () => ctx.exchange.exportEndpoint(ep, format));
        }}
        onImport={(file) =>
          void run(`Importing ${file.name}…`, async () => {
            const r = await ctx.exchange.importFile(file);
            return `Imported ${r.events.toLocaleString()} events as ${r.endpoints.map((e) => e.name).join(', ')}`;
          })
        }
      />
      <h3>Offline replay</h3>
      <p class="hint">Plays stored events through the timeline and the State tab; no network needed.</p>
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
    </div>
  );
}
