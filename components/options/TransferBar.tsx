import { useState } from 'preact/hooks';
import type { OptionsModel } from '../../lib/options/options-model';

/** Export and import of the endpoint list as a JSON file, and the import's report. */
export function TransferBar({ model }: { model: OptionsModel }) {
  const [secrets, setSecrets] = useState(false);
  const report = model.importReport.value;
  return (
    <section class="transfer">
      <div class="row">
        <button data-testid="export-endpoints" onClick={() => model.exportFile(secrets)}>
          Export…
        </button>
        <label class="check">
          <input type="checkbox" data-testid="include-secrets" checked={secrets} onChange={(e) => setSecrets(e.currentTarget.checked)} /> include secrets
          (header values)
        </label>
        <label class="button">
          Import…
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-endpoints"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void model.importFile(file);
            }}
          />
        </label>
      </div>
      {report && (
        <div class="report" data-testid="import-report" role="status">
          {report.fatal ? (
            <p class="error">{report.fatal}</p>
          ) : (
            <p>
              Imported {report.imported} endpoint{report.imported === 1 ? '' : 's'}
              {report.problems.length > 0 && `, skipped ${report.problems.length}`}.
            </p>
          )}
          {report.disabled.length > 0 && <p>Saved disabled, to be allowed when you enable them: {report.disabled.join(', ')}.</p>}
          {report.problems.length > 0 && (
            <ul class="error">
              {report.problems.map((p) => (
                <li key={p.entry}>
                  Entry {p.entry} ({p.name}): {p.errors.join('; ')}
                </li>
              ))}
            </ul>
          )}
          <button class="link" onClick={() => (model.importReport.value = undefined)}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
