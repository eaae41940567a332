type Props = { what: string; onReapply: () => void };

/** A save refused as stale: their version is loaded; the admin's edit can be put back on it. */
export function StaleNotice({ what, onReapply }: Props) {
  return (
    <div className="banner" role="alert" data-testid="stale-notice">
      <p>
        <strong>Someone else saved this {what} while you edited it.</strong> Their version is loaded
        here; yours was not saved. Reapply your changes on top of theirs to save them anyway.
      </p>
      <button type="button" className="secondary" onClick={onReapply}>
        Reapply my changes
      </button>
    </div>
  );
}
