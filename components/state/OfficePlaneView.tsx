import { bytes } from '../../lib/protocols/format';
import type { Metrics, OfficePlaneState } from '../../lib/state/officeplane';
import { Chip } from './Chip';
import { EntityList } from './EntityList';
import { Stat } from './Fields';
import { OfficeStreams } from './OfficeStreams';
import { Sparkline } from './Sparkline';

const SERIES: [key: 'cpu' | 'memory' | 'active', label: string, unit: string][] = [
  ['cpu', 'CPU', '%'],
  ['memory', 'memory', ' MB'],
  ['active', 'active', ''],
];

function MetricsPanel({ latest, history }: { latest: Metrics | undefined; history: readonly Metrics[] }) {
  if (!latest) return null;
  return (
    <section class="sv-section sv-stats" data-testid="office-metrics">
      {SERIES.map(([key, label, unit]) => {
        const v = latest[key];
        return (
          <div key={key} class="sv-metric">
            <Stat label={label} value={v === undefined ? undefined : `${Math.round(v * 10) / 10}${unit}`} />
            <Sparkline values={history.map((m) => m[key])} label={`${label}, last ${history.length} readings`} />
          </div>
        );
      })}
    </section>
  );
}

/** The OfficePlane dashboard: metrics, instances, tasks, documents, then jobs, teams and hooks. */
export function OfficePlaneView({ s }: { s: OfficePlaneState }) {
  const empty = !s.metrics && [s.instances, s.tasks, s.documents, s.jobs, s.teams, s.hooks].every((d) => Object.keys(d).length === 0);
  return (
    <div class="sv-office">
      {empty && <p class="muted">Nothing received yet.</p>}
      <MetricsPanel latest={s.metrics} history={s.metricsHistory} />
      <EntityList title="Instances" kind="instance" testid="office-instance" items={Object.values(s.instances)}>
        {(i) => (
          <>
            <strong>{i.name ?? i.id}</strong> <Chip status={i.state} />
          </>
        )}
      </EntityList>
      <EntityList title="Tasks" kind="task" testid="office-task" items={Object.values(s.tasks)}>
        {(t) => (
          <>
            <strong>{t.name ?? t.id}</strong> <Chip status={t.state} />
            {t.instanceId !== undefined && <span class="muted">on {t.instanceId}</span>}
            {t.error !== undefined && <span class="sv-error">{t.error}</span>}
          </>
        )}
      </EntityList>
      <EntityList title="Documents" kind="document" testid="office-document" items={Object.values(s.documents)}>
        {(d) => (
          <>
            <strong>{d.name ?? d.id}</strong>
            {d.size !== undefined && <span class="muted">{bytes(d.size)}</span>}
            {d.version !== undefined && <span class="muted">v{d.version}</span>}
          </>
        )}
      </EntityList>
      <OfficeStreams s={s} />
    </div>
  );
}
