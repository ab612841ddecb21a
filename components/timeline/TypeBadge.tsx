import type { TypedEvent } from '../../lib/model/typed';

/** The event type, coloured by category; types the profile does not list look unknown. */
export function TypeBadge({ typed }: { typed: Pick<TypedEvent, 'type' | 'category' | 'known' | 'family'> }) {
  const title = typed.known ? `${typed.category} · ${typed.family}` : `unknown type for the ${typed.family} profile`;
  return (
    <span class={`tl-badge cat-${typed.category}${typed.known ? '' : ' unknown'}`} title={title}>
      {typed.type}
    </span>
  );
}
