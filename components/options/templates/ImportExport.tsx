import { useId, useState } from 'react';
import { describeProblem } from '../../../lib/options/problems';
import { ApiProblem } from '../../../lib/options/relay';
import { checkImportFile, type ImportProblem } from '../../../lib/options/templates/import-file';
import { exportTemplates, useTemplateWrites } from './use-templates';

type Outcome =
  | { kind: 'problems'; file: string; problems: ImportProblem[] }
  | { kind: 'failed'; file: string; error: unknown }
  | { kind: 'imported'; file: string; count: number };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** The API's refusal as problems: its `issues` carry the path, not a line. */
const apiProblems = (e: unknown): ImportProblem[] | null =>
  e instanceof ApiProblem && e.issues.length > 0
    ? e.issues.map((i) => ({ path: i.path, line: null, message: i.message }))
    : null;

/** Export every template this member sees; import a file (checked here first, then by the API). */
export function ImportExport({ offline }: { offline: boolean }) {
  const fileId = useId();
  const { importFile } = useTemplateWrites();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const read = async (file: File) => {
    const check = checkImportFile(await file.text());
    if (!check.ok) {
      setOutcome({ kind: 'problems', file: file.name, problems: check.problems });
      return;
    }
    importFile.mutate(check.document, {
      onSuccess: ({ templates }) =>
        setOutcome({ kind: 'imported', file: file.name, count: templates.length }),
      onError: (error) => {
        const problems = apiProblems(error);
        setOutcome(
          problems
            ? { kind: 'problems', file: file.name, problems }
            : { kind: 'failed', file: file.name, error },
        );
      },
    });
  };

  return (
    <div>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={offline}
          data-testid="template-export"
          onClick={() =>
            exportTemplates().then(
              (doc) => download('sidedesk-templates.json', `${JSON.stringify(doc, null, 2)}\n`),
              setExportError,
            )
          }
        >
          Export JSON
        </button>
        <label htmlFor={fileId} style={{ margin: 0 }}>
          Import JSON
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          disabled={offline || importFile.isPending}
          data-testid="template-import"
          style={{ width: 'auto' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      {exportError !== null && <p className="error">{describeProblem(exportError)}</p>}
      <div role="status" aria-live="polite" data-testid="import-outcome">
        {importFile.isPending && <p>Importing…</p>}
        {outcome?.kind === 'imported' && (
          <p>
            Imported {outcome.count} templates from {outcome.file}.
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p className="error">
            Nothing was imported from {outcome.file}: {describeProblem(outcome.error)}
          </p>
        )}
        {outcome?.kind === 'problems' && (
          <div className="error" data-testid="import-problems">
            <p>Nothing was imported: {outcome.file} has problems.</p>
            <ul>
              {outcome.problems.slice(0, 20).map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  {p.line !== null && `Line ${p.line}`}
                  {p.line !== null && p.path && ', '}
                  {p.path && <code>{p.path}</code>}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
