import { own } from '../state/immutable';
import { attemptsOfCard, type AgentAttempt, type KanbanCard, type KanbanState } from '../state/kanban';

export interface BoardColumn {
  id: string;
  title?: string;
  cards: KanbanCard[];
}

export interface BoardLayout {
  columns: BoardColumn[];
  /** Cards that no column lists and whose columnId names no column. */
  unplaced: KanbanCard[];
  /** Attempts whose card is not on the board (the board may not have been sent yet). */
  loose: AgentAttempt[];
}

/**
 * Cards by column: in the order the column lists them, then cards that name the column but are
 * not listed in it. A card listed twice stays in the first column; ids of unknown cards are
 * skipped (cards are never invented).
 */
export function boardLayout(s: KanbanState): BoardLayout {
  const placed = new Set<string>();
  const take = (cardId: string): KanbanCard[] => {
    const card = own(s.cards, cardId);
    if (!card || placed.has(cardId)) return [];
    placed.add(cardId);
    return [card];
  };
  const columns = s.columns.map((c) => ({ id: c.id, title: c.title, cards: c.cardIds.flatMap(take) }));
  const byId = new Map(columns.map((c) => [c.id, c]));
  const unplaced: KanbanCard[] = [];
  for (const [cardId, card] of Object.entries(s.cards)) {
    if (placed.has(cardId)) continue;
    const col = card.columnId === undefined ? undefined : byId.get(card.columnId);
    if (col) col.cards.push(...take(cardId));
    else unplaced.push(...take(cardId));
  }
  const loose = Object.values(s.attempts).filter((a) => a.cardId === undefined || !own(s.cards, a.cardId));
  return { columns, unplaced, loose };
}

/** The card's newest attempt: the last to start (attempts never seen starting count as newest). */
export const latestAttempt = (s: KanbanState, cardId: string): AgentAttempt | undefined => attemptsOfCard(s, cardId).at(-1);
