import { toneOf } from '../../lib/stateview/tone';

/** A status word coloured by meaning; absent statuses show as a dash. */
export function Chip({ status, testid }: { status: string | undefined; testid?: string }) {
  return (
    <span class={`sv-chip tone-${toneOf(status)}`} data-testid={testid} data-status={status ?? ''}>
      {status ?? '–'}
    </span>
  );
}
