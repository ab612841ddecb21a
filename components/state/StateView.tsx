/** Placeholder until the view lands. */
export function StateView() {
  return <p>Coming soon</p>;
}
