import { useEffect, useState } from 'preact/hooks';
import type { AttemptLoader } from '../../lib/diagnostics/attempts';
import type { AttemptRow } from '../../lib/store/schema';

export interface AttemptsResult {
  /** Undefined until the first read finishes. */
  rows?: AttemptRow[];
  error?: string;
}

/**
 * An endpoint's stored attempts, read again whenever `refreshKey` changes (the caller derives it
 * from the status and the connection markers). The previous rows stay up while a read runs.
 */
export function useAttempts(load: AttemptLoader, endpointId: string, refreshKey: string): AttemptsResult {
  const [result, setResult] = useState<AttemptsResult>({});
  useEffect(() => {
    let current = true;
    load(endpointId).then(
      (rows) => current && setResult({ rows }),
      (err: unknown) => current && setResult((prev) => ({ rows: prev.rows, error: err instanceof Error ? err.message : String(err) })),
    );
    return () => {
      current = false;
    };
  }, [load, endpointId, refreshKey]);
  return result;
}
