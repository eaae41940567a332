import { useEffect, useRef, useState } from 'react';
import { VARIABLE_CHOICES } from '../../../lib/options/templates/preview';
import { sanitizeTemplateHtml } from '../../../lib/templates/sanitize';
import { LinkForm } from './LinkForm';

type Props = {
  labelId: string;
  value: string;
  onChange: (html: string) => void;
  disabled: boolean;
};

/** Runs an editing command on the body; execCommand is what contenteditable offers. */
const run = (command: string, value?: string) => document.execCommand(command, false, value);

/**
 * The template body: contenteditable with bold, italic, link, bulleted list and a variable
 * picker. What it shows is sanitised first, so pasted or stored markup never runs here.
 */
export function RichTextEditor({ labelId, value, onChange, disabled }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const selection = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);

  useEffect(() => {
    const el = body.current;
    // Only an outside change (another template, a restore) rewrites the DOM: rewriting
    // after each keystroke would move the caret.
    if (el && el.innerHTML !== value) el.innerHTML = sanitizeTemplateHtml(value);
  }, [value]);

  const remember = () => {
    const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
    if (range && body.current?.contains(range.commonAncestorContainer)) selection.current = range;
  };
  const act = (command: string, arg?: string) => {
    const el = body.current;
    if (!el) return;
    el.focus();
    // Without a caret placed yet, what is inserted goes at the end.
    const range = selection.current ?? document.createRange();
    if (!selection.current) {
      range.selectNodeContents(el);
      range.collapse(false);
    }
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    run(command, arg);
    onChange(el.innerHTML);
  };

  return (
    <div>
      <div
        className="rich-toolbar"
        role="toolbar"
        aria-label="Formatting"
        aria-controls={`${labelId}-body`}
      >
        <button type="button" disabled={disabled} onClick={() => act('bold')} aria-label="Bold">
          <b>B</b>
        </button>
        <button type="button" disabled={disabled} onClick={() => act('italic')} aria-label="Italic">
          <i>I</i>
        </button>
        <button type="button" disabled={disabled} onClick={() => setLinking(true)}>
          Link
        </button>
        <button type="button" disabled={disabled} onClick={() => act('insertUnorderedList')}>
          • List
        </button>
        <label className="row" style={{ margin: 0, fontWeight: 'normal' }}>
          Insert variable
          <select
            value=""
            disabled={disabled}
            data-testid="variable-picker"
            onChange={(e) => e.target.value && act('insertText', `{{${e.target.value}}}`)}
            style={{ width: 'auto' }}
          >
            <option value="">Choose…</option>
            {VARIABLE_CHOICES.map((v) => (
              <option key={v.name} value={v.name}>
                {`{{${v.name}}}`} · e.g. {v.sample}
              </option>
            ))}
          </select>
        </label>
      </div>
      {linking && (
        <LinkForm
          onCancel={() => setLinking(false)}
          onAdd={(url) => {
            setLinking(false);
            act('createLink', url);
          }}
        />
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a rich text field has no native element */}
      <div
        ref={body}
        id={`${labelId}-body`}
        className="rich-body"
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-disabled={disabled}
        tabIndex={0}
        contentEditable={!disabled}
        suppressContentEditableWarning
        data-testid="template-body"
        onInput={(e) => onChange(e.currentTarget.innerHTML)}
        onKeyUp={remember}
        onMouseUp={remember}
        onBlur={remember}
      />
    </div>
  );
}
