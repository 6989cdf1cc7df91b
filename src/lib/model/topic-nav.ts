/**
 * The sidebar's view of the topic tree. Every page carries it, so it must not
 * grow with the archive: it shows the sections (top-level topics) and opens
 * only the branch that leads to the current topic, one level of children at
 * each step, at most `limit` topics per level. The full tree lives on
 * /topics/, which each trimmed level links to.
 */

export interface TopicTreeSource {
  /** Top-level topics, in navigation order. */
  roots: readonly string[];
  /** Children in navigation order. */
  childrenOf(id: string): readonly string[];
  parentOf(id: string): string | undefined;
}

export interface NavNode {
  id: string;
  /** Shown children; absent when the branch is closed. */
  children?: NavNode[];
  /** Children (or, at the top, sections) left out of this level. */
  hidden?: number;
}

export interface NavLevel {
  nodes: NavNode[];
  /** Topics of this level not shown. */
  hidden: number;
}

/** At most `limit` of `ids`, in order, always including `keep` when it is among them. */
function bounded(ids: readonly string[], keep: string | undefined, limit: number): { shown: string[]; hidden: number } {
  if (ids.length <= limit) return { shown: [...ids], hidden: 0 };
  const shown = ids.slice(0, limit);
  if (keep !== undefined && !shown.includes(keep) && ids.includes(keep)) shown[limit - 1] = keep;
  return { shown, hidden: ids.length - limit };
}

/**
 * The sections, with the branch down to `current` opened: its ancestors and
 * itself, each showing its children. With `openSections`, every section shows
 * its first level of children (the home page's overview).
 */
export function topicNavigation(
  tree: TopicTreeSource,
  current: string | undefined,
  options: { limit?: number; openSections?: boolean } = {},
): NavLevel {
  const limit = Math.max(1, options.limit ?? 12);
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id = current; id !== undefined && !seen.has(id); id = tree.parentOf(id)) {
    seen.add(id);
    path.unshift(id);
  }
  const open = new Set(path);
  const level = (ids: readonly string[], depth: number, openAll: boolean): NavLevel => {
    const { shown, hidden } = bounded(ids, path[depth], limit);
    const nodes = shown.map((id): NavNode => {
      if (!open.has(id) && !openAll) return { id };
      const below = level(tree.childrenOf(id), depth + 1, false);
      return below.nodes.length ? { id, children: below.nodes, ...(below.hidden ? { hidden: below.hidden } : {}) } : { id };
    });
    return { nodes, hidden };
  };
  return level(tree.roots, 0, options.openSections === true);
}
