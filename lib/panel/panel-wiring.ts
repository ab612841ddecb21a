import { connectBackground, type BackgroundLink } from '../messaging/client';
import { SnapshotMemo } from '../store/fold-stored';
import { openStore, type DB } from '../store/schema';
import { readChunk, readChunkIndex, readChunkTyping, readCounters, readIndexAfter, seqAtTime, stateAt } from '../store/view';
import { EventHistory } from './history';
import type { StoreView } from './store-view';

export interface PanelData {
  db: DB;
  history: EventHistory;
  link: BackgroundLink;
}

/** The store's read side bound to one open database. */
export function storeView(db: DB): StoreView {
  const memo = new SnapshotMemo();
  return {
    readChunkIndex: (endpointId) => readChunkIndex(db, endpointId),
    readChunk: (cid) => readChunk(db, cid),
    readChunkTyping: (cid) => readChunkTyping(db, cid),
    readCounters: () => readCounters(db),
    readIndexAfter: (afterCid) => readIndexAfter(db, afterCid),
    stateAt: (endpointId, atSeq) => stateAt(db, endpointId, atSeq, memo),
    seqAtTime: (endpointId, time) => seqAtTime(db, endpointId, time),
  };
}

/**
 * Connects a page to the stream: subscribe first, so nothing live is missed, then read the
 * store's index; the two are merged without gap or duplicate.
 */
export async function openPanelData(page: 'panel' | 'streams', onProblem: (m: string) => void): Promise<PanelData> {
  const db = await openStore();
  const history = new EventHistory(storeView(db), onProblem);
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
        case 'trimmed':
          void history.refresh();
          return;
        case 'error':
          onProblem(m.message);
          return;
      }
    },
    onProblem,
  );
  await history.refresh();
  return { db, history, link };
}
