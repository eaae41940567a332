import { type FormEvent, type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { filterMembers } from '../../lib/features/member-filter';
import { insertMention, mentionedIds, mentionQuery } from '../../lib/features/mentions';
import type { Member } from '../../lib/schema';
import { memberOption, OptionList } from './OptionList';
import type { Run, SidebarActions } from './types';
import { useListbox } from './use-listbox';

const MAX_SUGGESTIONS = 6;

interface NoteComposerProps {
  members: Member[];
  addNote: SidebarActions['addNote'];
  run: Run;
}

/** A note for the team; typing `@` suggests members to mention. Ctrl+Enter adds it. */
export function NoteComposer({ members, addNote, run }: NoteComposerProps) {
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const [picked, setPicked] = useState<Member[]>([]);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const moveCaret = useRef<number | null>(null);
  const query = mentionQuery(body, caret);
  const open = query !== null && query.start !== dismissedAt;
  const suggestions = open ? filterMembers(members, query.query).slice(0, MAX_SUGGESTIONS) : [];
  const pick = (member: Member) => {
    if (!query) return;
    const next = insertMention(body, caret, query.start, member);
    setBody(next.text);
    setCaret(next.caret);
    moveCaret.current = next.caret;
    setPicked((list) => [...list, member]);
  };
  const list = useListbox(suggestions, pick, () => setDismissedAt(query?.start ?? null));
  useLayoutEffect(() => {
    if (moveCaret.current === null || !field.current) return;
    field.current.setSelectionRange(moveCaret.current, moveCaret.current);
    moveCaret.current = null;
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const text = body.trim();
    if (!text) return;
    const mentions = mentionedIds(text, picked);
    setBody('');
    setCaret(0);
    setPicked([]);
    run(() => addNote(text, mentions));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) list.onKeyDown(e);
    if (e.defaultPrevented) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  };
  const track = () => setCaret(field.current?.selectionStart ?? 0);
  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        ref={field}
        data-testid="note-input"
        aria-label="Internal note (type @ to mention a teammate; Ctrl+Enter adds it)"
        rows={3}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          setCaret(e.target.selectionStart);
          list.setActive(0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={track}
        onClick={track}
        {...list.fieldProps}
      />
      {suggestions.length > 0 && (
        <OptionList
          listbox={list}
          label="Mention a teammate"
          options={suggestions}
          keyOf={(m) => m.id}
          render={memberOption}
          onPick={pick}
        />
      )}
      <button type="submit" data-testid="note-submit" disabled={!body.trim()}>
        Add note
      </button>
    </form>
  );
}
