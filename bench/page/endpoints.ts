import { browser } from 'wxt/browser';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { ENDPOINTS_KEY } from '../../lib/config/storage';

/** The background watches this key and opens or closes connections to match. */
export function setEndpoints(list: EndpointConfig[]): Promise<void> {
  return browser.storage.local.set({ [ENDPOINTS_KEY]: list });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
