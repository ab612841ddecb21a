import type { Signal } from '@preact/signals';
import type { EndpointConfig } from '../config/endpoint';
import type { BackgroundLink } from '../messaging/client';
import type { AttemptLoader } from '../diagnostics/attempts';
import type { ExchangeActions } from '../exchange/panel-actions';
import type { TabCapture } from '../capture/tab-capture';
import type { EventHistory } from './history';
import type { EventTyping } from '../protocols/typing';

/** What every panel view gets: the merged event history, the link to the background, config. */
export interface PanelContextValue {
  history: EventHistory;
  /** Bumped whenever `history` changes; read it in a component to re-render on change. */
  version: Signal<number>;
  /** Each endpoint's protocol family and each event's typed form, shared by every view. */
  typing: EventTyping;
  link: BackgroundLink;
  endpoints: Signal<EndpointConfig[]>;
  /** Key (`endpointId#seq`) of the selected event, shared by the timeline and state views. */
  selected: Signal<string | undefined>;
  /** Messages for the user (background errors, malformed messages). */
  problems: Signal<string[]>;
  /** Starts the Worker that searches the store (the timeline's filters), in both browsers. */
  startSearchWorker(): Worker;
  /** Export, import and replay. */
  exchange: ExchangeActions;
  /** An endpoint's stored connection attempts, newest first (the Connections tab). */
  attempts: AttemptLoader;
  /** Page capture of the inspected tab (DevTools panel only). */
  capture?: TabCapture;
  /** Every endpoint and captured source, where `endpoints` lists only some (DevTools panel). */
  allEndpoints?: Signal<EndpointConfig[]>;
}
