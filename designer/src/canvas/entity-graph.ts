// The entity-relationship graph of a bundle, as plain data: a node per entity and an edge per
// reference field (many-to-one) and many-to-many relation, laid out top to bottom by dagre (referring entities above the ones they refer to). Pure,
// so the diagram's shape is unit-tested and its layout cost measured apart from React.
import dagre from '@dagrejs/dagre';
import type { MetadataBundle } from '@stagecraft/core';

export type EntityNodeData = {
  name: string;
  label: string;
  fieldCount: number;
  /** Reference fields, as `label → target`. */
  references: string[];
  isNew: boolean;
  color: string | null;
  icon: string | null;
};

export interface GraphNode {
  id: string;
  position: { x: number; y: number };
  data: EntityNodeData;
  width: number;
  height: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  kind: 'reference' | 'manyToMany';
}

const NODE_WIDTH = 220;
const HEADER_HEIGHT = 44;
const LINE_HEIGHT = 20;
const MAX_LISTED_REFERENCES = 6;

export function entityGraph(bundle: MetadataBundle, live: MetadataBundle, text: (value: unknown) => string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const entities = Object.values(bundle.entities).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(entities.map((entity) => entity.name));
  const edges: GraphEdge[] = [];
  const nodes: GraphNode[] = entities.map((entity) => {
    const references: string[] = [];
    for (const field of entity.fields) {
      if (field.type !== 'reference' || !names.has(field.entity)) continue;
      const label = text(field.label) || field.name;
      references.push(`${label} → ${text(bundle.entities[field.entity]?.label) || field.entity}`);
      edges.push({ id: `${entity.name}.${field.name}`, source: entity.name, target: field.entity, label, kind: 'reference' });
    }
    for (const relation of entity.relations ?? []) {
      if (relation.kind !== 'manyToMany' || !names.has(relation.entity)) continue;
      edges.push({ id: `${entity.name}.${relation.name}`, source: entity.name, target: relation.entity, label: text(relation.label) || relation.name, kind: 'manyToMany' });
    }
    const listed = Math.min(references.length, MAX_LISTED_REFERENCES) + (references.length > MAX_LISTED_REFERENCES ? 1 : 0);
    return {
      id: entity.name,
      position: { x: 0, y: 0 },
      data: { name: entity.name, label: text(entity.label) || entity.name, fieldCount: entity.fields.length, references: references.slice(0, MAX_LISTED_REFERENCES), isNew: live.entities[entity.name] === undefined, color: entity.color ?? null, icon: entity.icon ?? null },
      width: NODE_WIDTH,
      height: HEADER_HEIGHT + listed * LINE_HEIGHT + 12,
    };
  });
  return { nodes: layout(nodes, edges), edges };
}

function layout(nodes: GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 70, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  // A self-reference (an account's parent account) adds nothing to the ranking.
  for (const edge of edges) if (edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, edge.id);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, position: { x: placed.x - node.width / 2, y: placed.y - node.height / 2 } };
  });
}
