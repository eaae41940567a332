export function ErrorLine({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="popup-error">
      {error.message}
    </p>
  );
}
