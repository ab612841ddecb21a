import type { Rng } from '../random';
import type { Draft, FamilyContext, FamilyScript } from './context';
import { AGENTS, agentEvent, heartbeatClock, hello } from './kanban-shared';

const COLUMNS = [
  { id: 'todo', title: 'To do' },
  { id: 'in_progress', title: 'In progress' },
  { id: 'review', title: 'Review' },
  { id: 'done', title: 'Done' },
] as const;
type ColumnId = (typeof COLUMNS)[number]['id'];

const BOARD_NAMES = ['Platform', 'Checkout', 'Mobile app', 'Billing'];
const CARD_TITLES = [
  'Add CSV export to reports',
  'Fix login redirect loop',
  'Paginate the audit log',
  'Dark mode for settings',
  'Retry failed webhooks',
  'Rate-limit the public API',
  'Move avatars to object storage',
  'Show build status on cards',
  'Search cards by assignee',
  'Archive stale boards',
  'Add keyboard shortcuts',
  'Cache the pricing table',
];
const TODO_STEPS = ['Read the relevant code', 'Write the change', 'Add tests', 'Update the docs', 'Run the full suite'];
const LOG_LINES = [
  'Reading src/routes/index.ts',
  'Editing src/lib/export.ts',
  'npm test -- --run',
  '42 passed, 0 failed',
  'Type check clean',
  'Lint: no problems',
  'Compiled in 3.1s',
];
const TOOL_OUTPUTS = ['src/lib/export.ts | 18 ++++++++++++---', 'Found 3 matches in src/routes', 'All checks passed'];
const REPLIES = [
  'I found the handler; the fix is a small guard before the redirect.',
  'Tests cover the empty and the paginated case now.',
  'The change is ready: one module touched, tests added.',
];

interface Card {
  id: string;
  title: string;
  columnId: ColumnId;
  assignee?: string;
}

interface Board {
  id: string;
  name: string;
  cards: Card[];
  nextCard: number;
  nextTitle: number;
  titles: string[];
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function addCard(rng: Rng, board: Board, columnId: ColumnId): void {
  const title = board.titles[board.nextTitle++ % board.titles.length] ?? 'Untitled';
  const card: Card = { id: `card-${board.nextCard++}`, title, columnId };
  if (columnId !== 'todo') card.assignee = rng.pick(AGENTS).id;
  board.cards.push(card);
}

function newBoard(ctx: FamilyContext): Board {
  const board: Board = {
    id: ctx.params.boardId ?? 'board-1',
    name: ctx.rng.pick(BOARD_NAMES),
    cards: [],
    nextCard: 1,
    nextTitle: 0,
    titles: shuffled(ctx.rng, CARD_TITLES),
  };
  for (const col of ['todo', 'todo', 'in_progress', 'in_progress', 'review', 'done'] as const) addCard(ctx.rng, board, col);
  return board;
}

function snapshot(board: Board): Draft {
  return {
    name: 'state',
    data: {
      board: { id: board.id, name: board.name },
      columns: COLUMNS.map((c) => ({ id: c.id, title: c.title, cardIds: board.cards.filter((k) => k.columnId === c.id).map((k) => k.id) })),
      cards: Object.fromEntries(board.cards.map((k) => [k.id, { ...k }])),
    },
  };
}

const nextColumn = (id: ColumnId): ColumnId => COLUMNS[COLUMNS.findIndex((c) => c.id === id) + 1]?.id ?? 'done';

/** One attempt on a card, from start to its final status; success moves the card on. */
function* attempt(ctx: FamilyContext, board: Board, card: Card, gap: () => Generator<Draft, void>, prNumber: number): Generator<Draft, void> {
  const { rng } = ctx;
  const agent = rng.pick(AGENTS);
  const ref = { attemptId: `att-${rng.hex(6)}`, cardId: card.id };
  const ev = (name: string, extra: Record<string, unknown>): Draft => ({ name, data: { ...ref, ...extra } });
  const branch = `${agent.name.toLowerCase()}/${card.id}`;
  const start = rng.int(0, TODO_STEPS.length - 3);
  const todos = TODO_STEPS.slice(start, start + 3);
  const failAt = rng.chance(0.15) ? rng.int(0, todos.length - 1) : -1;

  yield* gap();
  yield ev('attempt_started', { agent: agent.id });
  yield* gap();
  yield ev('attempt_status', { status: 'queued' });
  yield* gap();
  yield ev('attempt_status', { status: 'running' });
  yield ev('attempt_session', { sessionId: `ses-${rng.hex(8)}`, worktree: `/worktrees/${board.id}/${card.id}` });
  yield* gap();
  yield ev('conversation_item', { role: 'user', text: `${card.title}. Keep the change small and add tests.` });
  yield* gap();
  yield ev('attempt_todos', { todos: todos.map((text) => ({ text, done: false })) });
  for (let i = 0; i < todos.length; i++) {
    yield* gap();
    yield ev('attempt_log', { line: rng.pick(LOG_LINES), level: rng.chance(0.1) ? 'warn' : 'info' });
    if (i === failAt) {
      yield* gap();
      yield ev('attempt_log', { line: 'Error: 3 tests failed, giving up', level: 'error' });
      yield* gap();
      yield ev('attempt_status', { status: 'failed' });
      return;
    }
    yield* gap();
    const tool = rng.chance(0.5);
    yield ev('conversation_item', { role: tool ? 'tool' : 'assistant', text: rng.pick(tool ? TOOL_OUTPUTS : REPLIES) });
    yield ev('attempt_todos', { todos: todos.map((text, j) => ({ text, done: j <= i })) });
  }
  yield* gap();
  yield ev('git_status', { branch, ahead: 0, behind: 0, dirty: true });
  yield* gap();
  yield ev('git_commit', { sha: rng.hex(40), message: `${card.title} (${card.id})` });
  yield ev('git_status', { branch, ahead: 1, behind: 0, dirty: false });
  yield* gap();
  yield ev('git_push', { branch, remote: 'origin' });
  // About half the attempts open a pull request; the others push to the card's open one.
  if (rng.chance(0.5)) {
    yield* gap();
    yield ev('attempt_pr', { url: `https://git.example.com/acme/${board.id}/pull/${prNumber}`, number: prNumber, title: card.title });
  }
  yield* gap();
  yield ev('attempt_status', { status: 'succeeded' });
  card.columnId = nextColumn(card.columnId);
  card.assignee = agent.id;
  yield snapshot(board);
}

/** Board stream: hello, the board, recent attempt statuses, then attempts on its cards. */
export const kanbanBoard: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const wait = heartbeatClock(ctx);
  const gap = () => wait(rng.int(500, 1500));
  const board = newBoard(ctx);
  let prNumber = rng.int(100, 400);

  yield hello(ctx);
  yield snapshot(board);
  for (const card of board.cards) {
    if (card.columnId === 'in_progress' || card.columnId === 'review') {
      const status = card.columnId === 'review' ? 'succeeded' : 'failed';
      yield { name: 'attempt_status', data: { attemptId: `att-${rng.hex(6)}`, cardId: card.id, status } };
    }
  }
  for (;;) {
    if (rng.chance(0.25)) {
      yield* gap();
      yield agentEvent(ctx);
    }
    const open = board.cards.filter((c) => c.columnId !== 'done');
    const card = open.length > 0 ? rng.pick(open) : undefined;
    if (card) {
      yield* attempt(ctx, board, card, gap, prNumber++);
      // Agents take a while to pick up the next card; a PR (an alert by default) is not a stream.
      yield* wait(rng.int(15_000, 30_000));
      continue;
    }
    // Everything is done: archive it and start a new batch, as a team starting a sprint would.
    board.cards = [];
    for (let i = rng.int(4, 6); i > 0; i--) addCard(rng, board, 'todo');
    yield* gap();
    yield snapshot(board);
  }
};
