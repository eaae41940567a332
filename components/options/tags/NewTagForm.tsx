import { type FormEvent, useId, useState } from 'react';
import { PRESET_COLOURS, tagNameProblem } from '../../../lib/options/tags/tags';
import type { Tag } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { ColourPicker } from './ColourPicker';
import { useCreateTag } from './use-tags';

export function NewTagForm({ tags }: { tags: readonly Tag[] }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState(PRESET_COLOURS[0]!);
  const [touched, setTouched] = useState(false);
  const create = useCreateTag();
  const nameId = useId();
  const errorId = useId();
  const problem = touched ? tagNameProblem(name, tags) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tagNameProblem(name, tags)) return;
    create.mutate(
      { name: name.trim(), color },
      {
        onSuccess: () => {
          setName('');
          setTouched(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${nameId}-title`} data-testid="new-tag-form">
      <h3 id={`${nameId}-title`}>New tag</h3>
      <label htmlFor={nameId}>Name</label>
      <input
        id={nameId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => setTouched(name !== '')}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? errorId : undefined}
        data-testid="new-tag-name"
        required
      />
      {problem && (
        <p className="error" id={errorId}>
          {problem}
        </p>
      )}
      <ColourPicker value={color} onChange={setColor} />
      <button type="submit" disabled={create.isPending} data-testid="create-tag">
        {create.isPending ? 'Creating…' : 'Create tag'}
      </button>
      <Problem error={create.error} />
    </form>
  );
}
