import type { ComponentType } from 'preact';
import { clip, duration, preview } from '../../lib/protocols/format';
import { callList, latency, topicList, type ExchangeState } from '../../lib/state/exchange';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { Fields, Stat } from './Fields';
import { useShown } from './useShown';

/** What a protocol calls the parts of the shared state. */
export interface ExchangeLabels {
  /** Named message streams: `Events`, `Destinations`, `Methods` … */
  topics: string;
  /** Their grouping, when the protocol has one: `Namespace`, `Direction` … */
  group?: string;
  /** Things answered by id: `Acks`, `Requests`, `Operations` … */
  calls: string;
  empty: string;
}

function Exchange({ s, labels }: { s: ExchangeState<string>; labels: ExchangeLabels }) {
  const topics = topicList(s).sort((a, b) => b.lastAt - a.lastAt);
  const calls = callList(s);
  const shownTopics = useShown(topics);
  const shownCalls = useShown(calls);
  const pending = calls.filter((c) => c.status === 'pending' || c.status === 'active').length;
  const info = Object.entries(s.info);
  if (topics.length === 0 && calls.length === 0 && info.length === 0) return <p class="muted">{labels.empty}</p>;
  return (
    <div class="sv-exchange" data-testid="exchange-state">
      <div class="sv-stats">
        <Stat label={labels.topics.toLowerCase()} value={topics.length} />
        <Stat label={`${labels.calls.toLowerCase()} open`} value={pending} />
        <Stat label="errors" value={s.errors.length} />
      </div>
      <Fields rows={info.map(([k, v]) => [k, v])} />
      {topics.length > 0 && (
        <section class="sv-section">
          <h4 class="sv-h">{labels.topics}</h4>
          <table class="sv-table" data-testid="exchange-topics">
            <thead>
              <tr>
                {labels.group !== undefined && <th>{labels.group}</th>}
                <th>Name</th>
                <th>Count</th>
                <th>Latest</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shownTopics.shown.map((t) => (
                <tr key={t.key} data-testid="exchange-topic" data-name={t.name}>
                  {labels.group !== undefined && <td class="sv-code">{t.group ?? ''}</td>}
                  <td class="sv-code">{t.name}</td>
                  <td class="sv-num">{t.count}</td>
                  <td class="sv-text">{preview(t.last, 100)}</td>
                  <td>
                    <EventLinks trace={t.trace} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shownTopics.more}
        </section>
      )}
      {calls.length > 0 && (
        <section class="sv-section">
          <h4 class="sv-h">{labels.calls}</h4>
          <table class="sv-table" data-testid="exchange-calls">
            <thead>
              <tr>
                <th>Id</th>
                <th>Name</th>
                <th>Status</th>
                <th>Latency</th>
                <th>Result</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shownCalls.shown.map((c) => {
                const ms = latency(c);
                return (
                  <tr key={c.key} data-testid="exchange-call" data-status={c.status}>
                    <td class="sv-code">{c.group !== undefined ? `${c.group} ${c.id}` : c.id}</td>
                    <td class="sv-code">{c.name}</td>
                    <td>
                      <Chip status={c.status} />
                      {c.updates > 0 && <span class="muted"> {c.updates} items</span>}
                    </td>
                    <td class="sv-num">{ms === undefined ? '' : duration(ms)}</td>
                    <td class="sv-text">{c.error !== undefined ? <span class="sv-error">{clip(c.error, 120)}</span> : preview(c.result, 100)}</td>
                    <td>
                      <EventLinks trace={c.trace} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shownCalls.more}
        </section>
      )}
      {s.errors.length > 0 && (
        <section class="sv-section">
          <h4 class="sv-h">Errors</h4>
          <ul class="sv-list">
            {s.errors.map((e) => (
              <li key={e.seq} class="sv-error">
                #{e.seq} {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The State view of a protocol whose state is an exchange, in its own words. */
export const exchangeView = <F extends string>(labels: ExchangeLabels): ComponentType<{ s: ExchangeState<F> }> =>
  function ExchangeView({ s }) {
    return <Exchange s={s} labels={labels} />;
  };
