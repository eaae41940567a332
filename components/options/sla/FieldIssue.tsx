/** A field's problem, under it; the field points here with aria-describedby. */
export function FieldIssue({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="error" id={id}>
      {text}
    </p>
  ) : null;
}
