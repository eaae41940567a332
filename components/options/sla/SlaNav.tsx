import { type SlaPart, slaHash } from '../../../lib/options/sla/parts';

type Props = { parts: readonly { id: SlaPart; label: string }[]; current: SlaPart };

export function SlaNav({ parts, current }: Props) {
  return (
    <nav aria-label="SLA settings" className="sla-nav">
      <ul>
        {parts.map((part) => (
          <li key={part.id}>
            <a href={slaHash(part.id)} aria-current={part.id === current ? 'page' : undefined}>
              {part.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
