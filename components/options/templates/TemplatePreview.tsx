import { useId } from 'react';
import { previewHtml, SAMPLE_SOURCE } from '../../../lib/options/templates/preview';

/** The body as the compose picker would insert it, filled from a sample conversation. */
export function TemplatePreview({ body }: { body: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h4 id={id} style={{ margin: '12px 0 4px' }}>
        Preview{' '}
        <span className="muted" style={{ fontWeight: 'normal' }}>
          for {SAMPLE_SOURCE.customer?.name}, “{SAMPLE_SOURCE.conversation?.subject}”
        </span>
      </h4>
      <div
        className="template-preview"
        data-testid="template-preview"
        // previewHtml fills the variables with escaped values and sanitises the whole.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify
        dangerouslySetInnerHTML={{ __html: previewHtml(body) }}
      />
    </section>
  );
}
