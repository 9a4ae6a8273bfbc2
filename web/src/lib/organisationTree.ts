/** Turns the flat organisation list into a tree, and filters it by name while keeping the path. */
import type { Organisation } from '#core/contract/organisations.ts';

export interface OrganisationNode extends Organisation {
  /** Undefined for a leaf, so antd shows no expand button on it. */
  children?: OrganisationNode[];
}

export function buildTree(items: Organisation[]): OrganisationNode[] {
  const nodes = new Map<string, OrganisationNode>();
  for (const item of items) nodes.set(item.id, { ...item });
  const roots: OrganisationNode[] = [];
  for (const node of nodes.values()) {
    // The caller's own organisation has a parent outside its subtree: it is a root here.
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const sort = (list: OrganisationNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Keeps nodes whose name (or type label) contains the text, with their ancestors for context. */
export function filterTree(nodes: OrganisationNode[], text: string): OrganisationNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return nodes;
  const result: OrganisationNode[] = [];
  for (const node of nodes) {
    const children = node.children ? filterTree(node.children, needle) : [];
    const matches = node.name.toLowerCase().includes(needle) || node.typeLabel.includes(needle);
    if (matches || children.length > 0) {
      result.push({
        ...node,
        children: children.length > 0 ? children : matches ? node.children : undefined,
      });
    }
  }
  return result;
}

export function allIds(nodes: OrganisationNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...(node.children ? allIds(node.children) : [])]);
}
