import { browser } from 'wxt/browser';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { writeStored } from '../../lib/config/stored';

/** The background watches this key and opens or closes connections to match. */
export function setEndpoints(list: EndpointConfig[]): Promise<void> {
  return writeStored(browser.storage.local, 'endpoints', list);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
