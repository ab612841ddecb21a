/**
 * The time-travel slider's position: an index into the event history. While live it is the
 * newest event; otherwise it is the selected event (the selection the timeline shares).
 */

/** `index` clamped into `[0, length)`; -1 when there are no events. */
export const clampIndex = (index: number, length: number): number => (length === 0 ? -1 : Math.min(Math.max(Math.trunc(index) || 0, 0), length - 1));

/** A position shown: its event's key finds it again after older events were put in front. */
export interface Shown {
  key?: string;
  index: number;
}

export interface PositionInput {
  live: boolean;
  /** Key (`endpointId#seq`) of the selected event. */
  selected: string | undefined;
  length: number;
  indexOf(key: string): number;
  /** The position shown before: kept when nothing is selected or the selection left the history. */
  previous: Shown;
}

export function resolvePosition({ live, selected, length, indexOf, previous }: PositionInput): number {
  if (live) return length - 1;
  for (const key of [selected, previous.key]) {
    const found = key === undefined ? -1 : indexOf(key);
    if (found >= 0) return found;
  }
  return clampIndex(previous.index, length);
}

export type Step = 'start' | 'back' | 'forward' | 'end';

export function stepTarget(index: number, step: Step, length: number): number {
  switch (step) {
    case 'start':
      return clampIndex(0, length);
    case 'back':
      return clampIndex(index - 1, length);
    case 'forward':
      return clampIndex(index + 1, length);
    case 'end':
      return clampIndex(length - 1, length);
  }
}

/** `12 / 340`: the event's number counted from 1, plain digits so it reads the same in any locale. */
export const positionText = (index: number, length: number): string => `${index + 1} / ${length}`;
