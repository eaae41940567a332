import { useMutation } from '@tanstack/react-query';
import { Problem } from '../common/Problem';
import { fetchCsv } from './use-reports';

function save(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the URL by the next task; then it can go.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** Downloads a table from its `.csv` route, the same rows the table shows. */
export function CsvButton({
  path,
  filename,
  what,
}: {
  path: string;
  filename: string;
  what: string;
}) {
  const download = useMutation({
    mutationFn: () => fetchCsv(path),
    onSuccess: (text) => save(text, filename),
  });
  return (
    <span className="csv-download">
      <button
        type="button"
        className="secondary"
        aria-label={`Download CSV: ${what}`}
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        Download CSV
      </button>
      <Problem error={download.error} />
    </span>
  );
}
