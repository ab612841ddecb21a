interface Props {
  ids: readonly string[];
  value: string | undefined;
  nameOf(id: string): string;
  pick(id: string): void;
}

/** Which endpoint's state to show. */
export function EndpointPicker({ ids, value, nameOf, pick }: Props) {
  return (
    <label class="sv-picker">
      Endpoint{' '}
      <select data-testid="state-endpoint" value={value ?? ''} disabled={ids.length === 0} onChange={(e) => pick(e.currentTarget.value)}>
        {ids.length === 0 && <option value="">(none yet)</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {nameOf(id) === id ? id : `${nameOf(id)} (${id})`}
          </option>
        ))}
      </select>
    </label>
  );
}
