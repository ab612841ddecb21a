import { describe, expect, it } from 'vitest';
import { hookedPage, only } from './fakes';

// A streamed XHR is read from responseText as it grows (readyState 3 / progress): the page's
// handlers see exactly what they would, and the capture gets each new piece once.

describe('page hook: XMLHttpRequest responses that stream', () => {
  it('records each piece of a text/event-stream body as it arrives, once', () => {
    const { XHR, records } = hookedPage();
    const xhr = new XHR();
    const pageSaw: string[] = [];
    xhr.onprogress = () => pageSaw.push(xhr.responseText);
    xhr.open('POST', '/llm');
    xhr.send();
    xhr.serverHeaders('text/event-stream; charset=utf-8');
    xhr.serverBody('data: a\n\n');
    xhr.serverBody('data: b\n');
    xhr.serverBody('\n');
    xhr.serverDone();
    expect(pageSaw).toEqual(['data: a\n\n', 'data: a\n\ndata: b\n', 'data: a\n\ndata: b\n\n']);
    const r = records();
    expect(only(r, 'open')[0]).toMatchObject({ kind: 'xhr', method: 'POST', url: 'http://page.test/llm' });
    expect(only(r, 'chunk').map((c) => c.text)).toEqual(['data: a\n\n', 'data: b\n', '\n']);
    expect(only(r, 'state').map((s) => s.what)).toEqual(['open', 'end']);
    expect(only(r, 'state')[0]).toMatchObject({ status: 200, contentType: 'text/event-stream; charset=utf-8' });
  });

  it('ignores responses that do not stream, and typed responses it cannot read as text', () => {
    const { XHR, records } = hookedPage();
    const json = new XHR();
    json.open('GET', '/data');
    json.send();
    json.serverHeaders('application/json');
    json.serverBody('{"a":1}');
    json.serverDone();
    const typed = new XHR();
    typed.responseType = 'arraybuffer';
    typed.open('GET', '/bin');
    typed.send();
    typed.serverHeaders('application/x-ndjson');
    typed.serverDone();
    expect(records()).toEqual([]);
  });

  it('says when a streamed request fails or is aborted', () => {
    const { XHR, records } = hookedPage();
    const xhr = new XHR();
    xhr.open('GET', '/lines');
    xhr.send();
    xhr.serverHeaders('application/x-ndjson');
    xhr.serverBody('{"n":1}\n');
    xhr.serverDone(true);
    expect(only(records(), 'state').map((s) => s.what)).toEqual(['open', 'error']);
  });

  it('keeps the page handler that was set before send', () => {
    const { XHR } = hookedPage();
    const xhr = new XHR();
    const states: number[] = [];
    xhr.onreadystatechange = () => states.push(xhr.readyState);
    xhr.open('GET', '/e');
    xhr.send();
    xhr.serverHeaders('text/event-stream');
    xhr.serverBody('data: x\n\n');
    xhr.serverDone();
    expect(states).toEqual([2, 3, 4]);
  });
});
