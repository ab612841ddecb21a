import { connectBackground, type BackgroundLink } from '../messaging/client';
import { openStore, type DB } from '../store/schema';
import { EventHistory } from './history';

export interface PanelData {
  db: DB;
  history: EventHistory;
  link: BackgroundLink;
}

/**
 * Connects a page to the stream: subscribe first, so nothing live is missed, then read the
 * newest history page from disk; the two are merged without gap or duplicate.
 */
export async function openPanelData(page: 'panel' | 'streams', onProblem: (m: string) => void): Promise<PanelData> {
  const db = await openStore();
  const history = new EventHistory(db);
  const link = connectBackground(
    page,
    (m) => {
      switch (m.type) {
        case 'welcome':
          history.addLive(m.pending);
          history.setStatus(m.status, m.online);
          return;
        case 'events':
          history.addLive(m.events);
          return;
        case 'status':
          history.setStatus(m.status, m.online);
          return;
        case 'cleared':
          history.clear(m.endpointId);
          return;
        case 'error':
          onProblem(m.message);
          return;
      }
    },
    onProblem,
  );
  await history.loadOlder();
  return { db, history, link };
}
