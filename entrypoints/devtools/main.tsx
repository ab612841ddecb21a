import { browser } from 'wxt/browser';

// The DevTools page only registers the panel; the panel page does the work.
void browser.devtools.panels.create('Streams', '/icon/32.png', '/devtools-panel.html');
