import type { GenericState } from '../../lib/state/generic';
import { Stat } from './Fields';

/** A stream no profile understands: how many events of each type. */
export function GenericView({ s }: { s: GenericState }) {
  const types = Object.entries(s.types).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return (
    <div class="sv-generic">
      <div class="sv-stats">
        <Stat label="events" value={s.events} />
        <Stat label="types" value={types.length} />
        <Stat label="failed their schema" value={s.invalid} />
      </div>
      <table class="sv-table" data-testid="generic-types">
        <thead>
          <tr>
            <th>Type</th>
            <th>Events</th>
          </tr>
        </thead>
        <tbody>
          {types.map(([type, n]) => (
            <tr key={type} data-type={type}>
              <td>{type}</td>
              <td class="sv-num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
