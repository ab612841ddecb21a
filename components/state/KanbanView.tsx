import { useState } from 'preact/hooks';
import { own } from '../../lib/state/immutable';
import { attemptsOfCard, type AgentAttempt, type KanbanCard, type KanbanState } from '../../lib/state/kanban';
import { boardLayout, latestAttempt } from '../../lib/stateview/kanban-board';
import { formatClock } from '../../lib/format/units';
import { AttemptDetail } from './AttemptDetail';
import { Chip } from './Chip';
import { EntityList } from './EntityList';
import { EventLinks } from './EventLinks';
import { Fields, Stat } from './Fields';
import { touchedClass, useTouched } from './view-context';

function Card({ s, card, open, toggle }: { s: KanbanState; card: KanbanCard; open: boolean; toggle(): void }) {
  const latest = latestAttempt(s, card.id);
  const attempts = attemptsOfCard(s, card.id).length;
  const touched = useTouched();
  return (
    <article class={`sv-card${open ? ' sv-open' : ''}${touchedClass(touched, 'card', card.id)}`} data-testid="kanban-card" data-card-id={card.id}>
      <button class="sv-card-title" aria-expanded={open} title="Show its attempts" onClick={toggle}>
        {card.title || card.id}
      </button>
      <div class="sv-row">
        {latest && <Chip status={latest.status} testid="attempt-status" />}
        {attempts > 1 && <span class="muted">{attempts} attempts</span>}
        {card.assignee !== undefined && <span class="muted">@{card.assignee}</span>}
      </div>
    </article>
  );
}

function Column(props: { testid: string; id: string; title: string; cards: KanbanCard[]; s: KanbanState; openCard?: string; toggle(id: string): void }) {
  return (
    <section class="sv-column" data-testid={props.testid} data-column-id={props.id}>
      <h4 class="sv-column-title">
        {props.title} <span class="muted">{props.cards.length}</span>
      </h4>
      {props.cards.map((c) => (
        <Card key={c.id} s={props.s} card={c} open={props.openCard === c.id} toggle={() => props.toggle(c.id)} />
      ))}
    </section>
  );
}

function CardDetail({ s, card }: { s: KanbanState; card: KanbanCard }) {
  const attempts = attemptsOfCard(s, card.id).reverse();
  return (
    <section class="sv-detail" data-testid="card-detail" data-card-id={card.id}>
      <header class="sv-row">
        <strong>{card.title || card.id}</strong>
        <span class="muted">{card.id}</span>
        <EventLinks trace={card.trace} />
      </header>
      <Fields rows={[['Column', card.columnId], ['Assignee', card.assignee]]} />
      {attempts.length === 0 ? <p class="muted">No attempts yet.</p> : attempts.map((a) => <AttemptDetail key={a.id} a={a} />)}
    </section>
  );
}

function Dashboard({ s }: { s: KanbanState }) {
  const d = s.dashboard;
  if (!d) return null;
  const o = d.overview;
  return (
    <section class="sv-section" data-testid="kanban-dashboard">
      <div class="sv-stats">
        <Stat label="boards" value={o.boards} />
        <Stat label="cards" value={o.cards} />
        <Stat label="active attempts" value={o.activeAttempts} />
        <Stat label="agents" value={o.agents} />
        {Object.entries(o.byStatus ?? {}).map(([status, n]) => (
          <span key={status} class="sv-row">
            <Chip status={status} /> {n}
          </span>
        ))}
        <EventLinks trace={d.trace} />
      </div>
    </section>
  );
}

function Agents({ s }: { s: KanbanState }) {
  return (
    <>
      <EntityList title="Agents" kind="agent" testid="agent" items={Object.values(s.agents)}>
        {(a) => (
          <>
            <strong>{a.name ?? a.id}</strong> {a.kind !== undefined && <span class="muted">{a.kind}</span>}
          </>
        )}
      </EntityList>
      <EntityList title="Agent profiles" kind="agent" testid="agent-profile" items={Object.values(s.profiles)}>
        {(p) => (
          <>
            <strong>{p.name ?? p.id}</strong> {p.model !== undefined && <span class="muted">{p.model}</span>}
          </>
        )}
      </EntityList>
    </>
  );
}

function LooseAttempts({ attempts }: { attempts: AgentAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <details class="sv-section">
      <summary class="sv-h">Attempts of cards not on the board ({attempts.length})</summary>
      {attempts.map((a) => (
        <AttemptDetail key={a.id} a={a} />
      ))}
    </details>
  );
}

/** The board as the Kanban app shows it: columns of cards, each with its latest attempt's status. */
export function KanbanView({ s }: { s: KanbanState }) {
  const [openCard, setOpenCard] = useState<string>();
  const layout = boardLayout(s);
  const toggle = (id: string) => setOpenCard(openCard === id ? undefined : id);
  const card = openCard === undefined ? undefined : own(s.cards, openCard);
  return (
    <div class="sv-kanban">
      <header class="sv-row">
        <strong>{s.board?.name ?? s.board?.id ?? 'Board'}</strong>
        {s.board && <EventLinks trace={s.board.trace} />}
        <Fields rows={[['Server time', s.serverTime], ['Last heartbeat', s.lastHeartbeat === undefined ? undefined : formatClock(s.lastHeartbeat)]]} />
      </header>
      <Dashboard s={s} />
      {layout.columns.length + layout.unplaced.length === 0 ? (
        <p class="muted">No board state received yet.</p>
      ) : (
        <div class="sv-board">
          {layout.columns.map((c) => (
            <Column key={c.id} testid="kanban-column" id={c.id} title={c.title ?? c.id} cards={c.cards} s={s} openCard={openCard} toggle={toggle} />
          ))}
          {layout.unplaced.length > 0 && (
            <Column testid="kanban-unplaced" id="" title="No column" cards={layout.unplaced} s={s} openCard={openCard} toggle={toggle} />
          )}
        </div>
      )}
      {card && <CardDetail s={s} card={card} />}
      <LooseAttempts attempts={layout.loose} />
      <Agents s={s} />
    </div>
  );
}
