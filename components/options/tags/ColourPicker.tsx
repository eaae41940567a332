import { useId } from 'react';
import { PRESET_COLOURS } from '../../../lib/options/tags/tags';

/** A colour: one of the presets, or any other from the browser's colour input. */
export function ColourPicker({
  value,
  onChange,
}: {
  value: string;
  onChange: (c: string) => void;
}) {
  const inputId = useId();
  return (
    <fieldset>
      <legend>Colour</legend>
      <div className="presets">
        {PRESET_COLOURS.map((colour) => (
          <button
            key={colour}
            type="button"
            aria-label={`Preset ${colour}`}
            aria-pressed={value.toLowerCase() === colour}
            style={{ background: colour }}
            onClick={() => onChange(colour)}
          />
        ))}
        <label htmlFor={inputId} className="sr-only">
          Any colour
        </label>
        <input
          id={inputId}
          type="color"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid="tag-colour-input"
        />
        <code>{value}</code>
      </div>
    </fieldset>
  );
}
