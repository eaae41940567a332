import { useId, useState } from 'react';

/** Links a template may carry: web and mail addresses, nothing that runs. */
const LINKABLE = /^(https?:\/\/|mailto:)\S+$/i;

/** Asks for a link's address, inline (a prompt() would not be styled nor described). */
export function LinkForm({
  onAdd,
  onCancel,
}: {
  onAdd: (url: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [url, setUrl] = useState('https://');
  const valid = LINKABLE.test(url.trim());
  return (
    <div className="row">
      <label htmlFor={id} style={{ margin: 0 }}>
        Link address
      </label>
      <input
        id={id}
        value={url}
        // biome-ignore lint/a11y/noAutofocus: the form opens on request, to be typed in
        autoFocus
        aria-invalid={!valid}
        onChange={(e) => setUrl(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && valid) {
            e.preventDefault();
            onAdd(url.trim());
          }
        }}
        style={{ width: 'auto', flex: 1 }}
      />
      <button type="button" disabled={!valid} onClick={() => onAdd(url.trim())}>
        Add link
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
