import { sameCustomProfile, type CustomProfile } from '../config/custom-profile';
import type { ProfileChoice } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { Family, TypedEvent } from '../model/typed';

export interface TypingDeps {
  typeEvent(ev: StreamEvent, family: Family, custom?: CustomProfile): TypedEvent;
  detectFamily(events: StreamEvent[]): { family: Family; confidence: number } | undefined;
}

export interface FamilyInfo {
  family: Family;
  /** `config`: set in the endpoint's settings; `detected`: `auto` recognised it; `fallback`: `auto` cannot tell (yet). */
  source: 'config' | 'detected' | 'fallback';
}

/** How many received events `auto` looks at; after that its choice is final. */
export const DETECT_SAMPLE = 20;

/** What detection looks at: received frames, and the `connected` marker (the subprotocol the server chose). */
export const tellsFamily = (ev: StreamEvent): boolean => ev.dir === 'in' || (ev.dir === 'sys' && ev.name === 'connected');

interface EndpointTyping {
  choice: ProfileChoice;
  /** The endpoint's custom profile definition, used when its family is `custom`. */
  custom: CustomProfile | undefined;
  info: FamilyInfo;
  /** The first received events seen, for `auto`. */
  samples: StreamEvent[];
  /** By seq, the most recently typed last; bounded by CACHE_PER_ENDPOINT. */
  cache: Map<number, TypedEvent>;
}

/** Typed events kept per endpoint: what is on screen and around it, never the whole history. */
export const CACHE_PER_ENDPOINT = 5000;

const FALLBACK: FamilyInfo = { family: 'generic', source: 'fallback' };

export const familyLabel = (info: FamilyInfo): string =>
  info.source === 'detected' ? `detected: ${info.family}` : info.source === 'fallback' ? `${info.family} (not detected)` : info.family;

/**
 * Which protocol family each endpoint speaks, and each event's TypedEvent, computed once.
 * Framework-free and shared by the views that read typed events.
 */
export class EventTyping {
  /** Bumped whenever cached entries are dropped because a family changed: views recompute. */
  revision = 0;
  private readonly endpoints = new Map<string, EndpointTyping>();

  constructor(
    /** The endpoint's configured profile; undefined (e.g. a removed endpoint) counts as `auto`. */
    private readonly profileOf: (endpointId: string) => ProfileChoice | undefined,
    private readonly deps: TypingDeps,
    /** The endpoint's custom profile definition, if it has one. */
    private readonly customOf: (endpointId: string) => CustomProfile | undefined = () => undefined,
  ) {}

  family(endpointId: string): FamilyInfo {
    return this.state(endpointId).info;
  }

  typed(ev: StreamEvent): TypedEvent {
    const st = this.state(ev.endpointId);
    let t = st.cache.get(ev.seq);
    if (t) return t;
    if (this.sample(st, ev)) this.detect(st);
    t = this.deps.typeEvent(ev, st.info.family, st.custom);
    st.cache.set(ev.seq, t);
    if (st.cache.size > CACHE_PER_ENDPOINT) st.cache.delete(st.cache.keys().next().value!);
    return t;
  }

  /** Feeds a batch to detection before any of it is typed, so the whole batch gets one family. */
  observe(events: readonly StreamEvent[]): void {
    const touched = new Set<EndpointTyping>();
    for (const ev of events) {
      const st = this.state(ev.endpointId);
      if (this.sample(st, ev)) touched.add(st);
    }
    for (const st of touched) this.detect(st);
  }

  /** Re-reads every endpoint's profile choice and custom definition (the config may have changed). */
  refresh(): void {
    for (const [id, st] of this.endpoints) {
      const custom = this.customOf(id);
      if (!sameCustomProfile(custom, st.custom)) {
        st.custom = custom;
        if (st.info.family === 'custom') this.drop(st);
      }
      const choice = this.profileOf(id) ?? 'auto';
      if (choice === st.choice) continue;
      st.choice = choice;
      if (choice === 'auto') this.detect(st);
      else this.setInfo(st, { family: choice, source: 'config' });
    }
  }

  /** Forget typed events (the history was cleared); families and detection stay. */
  clear(endpointId?: string): void {
    if (endpointId === undefined) for (const st of this.endpoints.values()) st.cache.clear();
    else this.endpoints.get(endpointId)?.cache.clear();
  }

  private state(endpointId: string): EndpointTyping {
    let st = this.endpoints.get(endpointId);
    if (!st) {
      const choice = this.profileOf(endpointId) ?? 'auto';
      st = { choice, custom: this.customOf(endpointId), info: choice === 'auto' ? FALLBACK : { family: choice, source: 'config' }, samples: [], cache: new Map() };
      this.endpoints.set(endpointId, st);
    }
    return st;
  }

  /** True when `ev` became a new detection sample. */
  private sample(st: EndpointTyping, ev: StreamEvent): boolean {
    if (st.choice !== 'auto' || !tellsFamily(ev) || st.samples.length >= DETECT_SAMPLE) return false;
    if (st.samples.some((s) => s.seq === ev.seq)) return false;
    st.samples.push(ev);
    return true;
  }

  private detect(st: EndpointTyping): void {
    const found = st.samples.length > 0 ? this.deps.detectFamily([...st.samples].sort((a, b) => a.seq - b.seq)) : undefined;
    this.setInfo(st, found ? { family: found.family, source: 'detected' } : FALLBACK);
  }

  private setInfo(st: EndpointTyping, info: FamilyInfo): void {
    const changed = info.family !== st.info.family;
    st.info = info;
    if (changed) this.drop(st);
  }

  /** Forgets an endpoint's typed events, which were typed some other way: views recompute. */
  private drop(st: EndpointTyping): void {
    if (st.cache.size === 0) return;
    st.cache.clear();
    this.revision++;
  }
}
