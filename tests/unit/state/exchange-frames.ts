import type { StreamEvent } from '../../../lib/model/event';
import type { Family, TypedStreamEvent } from '../../../lib/model/typed';
import { typeEvent } from '../../../lib/protocols';
import type { ExchangeState } from '../../../lib/state/exchange';
import { REDUCERS, type FamilyStates } from '../../../lib/state/families';

/** WebSocket text frames as exchanged, 50 ms apart, typed by `family`. */
export function frames(family: Family, list: Array<[dir: 'in' | 'out', data: string]>): TypedStreamEvent[] {
  return list.map(([dir, data], i) => {
    const ev: StreamEvent = { endpointId: 'x', seq: i + 1, time: 1_000 + i * 50, dir, transport: 'ws', opcode: 1, data, size: data.length };
    return { ...ev, typed: typeEvent(ev, family) };
  });
}

/** The families whose state is an exchange. */
type ExchangeFamily = { [F in Family]: FamilyStates[F] extends ExchangeState<F> ? F : never }[Family];

/** Folds typed events with a messaging family's reducer. */
export function fold<F extends ExchangeFamily>(family: F, events: TypedStreamEvent[]): ExchangeState<F> {
  const r = REDUCERS[family] as unknown as { empty(): ExchangeState<F>; reduce(s: ExchangeState<F>, ev: TypedStreamEvent): ExchangeState<F> };
  return events.reduce(r.reduce, r.empty());
}
