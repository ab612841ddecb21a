import { createContext } from 'preact';
import type { PanelContextValue } from '../../lib/panel/panel-context';

export type { PanelContextValue };

export const PanelContext = createContext<PanelContextValue>(undefined as unknown as PanelContextValue);
