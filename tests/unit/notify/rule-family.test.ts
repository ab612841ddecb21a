import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../lib/config/default-rules';
import type { StreamEvent } from '../../../lib/model/event';
import { RuleFamilies } from '../../../lib/notify/rule-family';
import { matchEvent } from '../../../lib/notify/rules';

const RS = '\u001e';
let seq = 0;
const frame = (data: string, dir: StreamEvent['dir'] = 'in', name?: string): StreamEvent => ({ endpointId: 'e', seq: ++seq, time: 0, dir, transport: 'ws', opcode: dir === 'sys' ? undefined : 1, name, data, size: data.length });

describe('notification rules on auto endpoints', () => {
  const rules = defaultRules('auto');

  it('match in the detected family, so framed protocols’ rules fire', () => {
    const families = new RuleFamilies();
    const stream = [frame(`{}${RS}`), frame(`{"type":1,"target":"ReceiveMessage","arguments":["ana","hi"]}${RS}`)];
    for (const ev of stream) families.familyFor(ev, 'e', 'auto');
    const close = frame(`{"type":7,"error":"Server is shutting down"}${RS}`);
    const family = families.familyFor(close, 'e', 'auto');
    expect(family).toBe('signalr');
    expect(matchEvent(close, rules, family)).toMatchObject({ type: 'close', payload: { error: 'Server is shutting down' } });
    // Without the family the record is not even JSON: nothing matched, as before.
    expect(matchEvent(close, rules, undefined)).toBeUndefined();
    // A clean close has no error: no notification.
    expect(matchEvent(frame(`{"type":7}${RS}`), rules, family)).toBeUndefined();
  });

  it('read the subprotocol from the connected marker', () => {
    const families = new RuleFamilies();
    families.familyFor(frame('{"protocol":"v12.stomp"}', 'sys', 'connected'), 'e', 'auto');
    const error = frame('ERROR\nmessage:not allowed\n\n\u0000');
    const family = families.familyFor(error, 'e', 'auto');
    expect(family).toBe('stomp');
    expect(matchEvent(error, rules, family)?.type).toBe('ERROR');
  });

  it('stay undecided until detection is sure, and follow a configured profile at once', () => {
    const families = new RuleFamilies();
    expect(families.familyFor(frame('{"hello":1}'), 'e', 'auto')).toBeUndefined();
    expect(families.familyFor(frame('{"hello":2}'), 'e', 'stomp')).toBe('stomp');
    expect(families.familyFor(frame('{"hello":3}'), 'e', 'auto')).toBeUndefined();
  });
});
