import { describe, expect, it } from 'vitest';
import { topicNavigation, type NavLevel, type TopicTreeSource } from '../../src/lib/model/topic-nav.ts';

/** A tree from `child: parent` pairs; order of insertion is navigation order. */
function tree(parents: Record<string, string | null>): TopicTreeSource {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, parent] of Object.entries(parents)) {
    if (parent === null) roots.push(id);
    else children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  return { roots, childrenOf: (id) => children.get(id) ?? [], parentOf: (id) => parents[id] ?? undefined };
}

/** Every id shown, depth-first, with "+n" for trimmed levels. */
function shown(level: NavLevel): string[] {
  const walk = (nodes: NavLevel['nodes'], hidden: number): string[] => [
    ...nodes.flatMap((node) => [node.id, ...(node.children ? walk(node.children, node.hidden ?? 0) : [])]),
    ...(hidden ? [`+${hidden}`] : []),
  ];
  return walk(level.nodes, level.hidden);
}

const small = tree({ world: null, economy: null, iran: 'world', russia: 'world', 'iran-nuclear': 'iran', 'iran-elections': 'iran', oil: 'economy' });

describe('the sidebar topic navigation', () => {
  it('shows only the sections when no topic is current', () => {
    expect(shown(topicNavigation(small, undefined))).toEqual(['world', 'economy']);
  });

  it('opens the branch down to the current topic, with each step’s children', () => {
    expect(shown(topicNavigation(small, 'iran-nuclear'))).toEqual(['world', 'iran', 'iran-nuclear', 'iran-elections', 'russia', 'economy']);
    expect(shown(topicNavigation(small, 'iran'))).toEqual(['world', 'iran', 'iran-nuclear', 'iran-elections', 'russia', 'economy']);
    expect(shown(topicNavigation(small, 'economy'))).toEqual(['world', 'economy', 'oil']);
  });

  it('opens every section one level for an overview', () => {
    expect(shown(topicNavigation(small, undefined, { openSections: true }))).toEqual(['world', 'iran', 'russia', 'economy', 'oil']);
  });

  it('stays the same size however many topics a level gathers, keeping the current one in view', () => {
    const parents: Record<string, string | null> = { world: null };
    for (let i = 0; i < 500; i++) parents[`t${i}`] = 'world';
    const big = tree(parents);
    const level = topicNavigation(big, 't400', { limit: 10 });
    const ids = shown(level);
    expect(ids).toHaveLength(1 + 10 + 1);
    expect(ids).toContain('t400');
    expect(ids.at(-1)).toBe('+490');
    expect(shown(topicNavigation(big, 't3', { limit: 10 }))).toEqual(['world', ...Array.from({ length: 10 }, (_, i) => `t${i}`), '+490']);
  });

  it('does not loop on a parent cycle (validation reports those; the sidebar must still render)', () => {
    const cyclic = tree({ a: null, b: 'c', c: 'b' });
    expect(shown(topicNavigation(cyclic, 'b'))).toEqual(['a']);
  });
});
