import type { ComponentChildren, VNode } from 'preact';

type Props = Record<string, unknown> & { children?: ComponentChildren };

/** Every element of a rendered tree of plain elements (the bars use no hooks and no child components). */
export function elements(node: ComponentChildren): VNode<Props>[] {
  if (Array.isArray(node)) return node.flatMap((n: ComponentChildren) => elements(n));
  if (typeof node !== 'object' || node === null || !('type' in node)) return [];
  const v = node as VNode<Props>;
  return [v, ...elements(v.props.children)];
}

export const byTestId = (tree: ComponentChildren, id: string): VNode<Props> | undefined => elements(tree).find((v) => v.props['data-testid'] === id);

export function text(node: ComponentChildren): string {
  if (Array.isArray(node)) return node.map((n: ComponentChildren) => text(n)).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node !== 'object' || node === null || !('props' in node)) return '';
  return text((node as VNode<Props>).props.children);
}
