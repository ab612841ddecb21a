/** Placeholder until the view lands. */
export function DiagnosticsView() {
  return <p>Coming soon</p>;
}
