// The entity-relationship diagram: every entity of the draft as a node (label, name, field count,
// its references), every reference and many-to-many relation as an edge, laid out automatically;
// zoom, pan, fit and a minimap. A node opens the entity's field table (click, or Enter when it has
// focus); nodes and edges are named for screen readers. Loaded on demand, so the studio's first
// screen does not carry the canvas library.
import { Background, Controls, Handle, MiniMap, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { useLocation } from '../shell/router';
import { entityGraph, type EntityNodeData } from './entity-graph';
import { EntityIcon } from '../../../runtime/web/src/ui/EntityIcon';

type EntityNode = Node<EntityNodeData, 'entity'>;

function EntityNodeView({ data }: NodeProps<EntityNode>) {
  const { t } = useI18n();
  return (
    <div className={data.isNew ? 'er-node er-node--new' : 'er-node'}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="er-handle" />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="er-handle" />
      <div className="er-node__header" style={data.color ? { borderTop: `4px solid ${data.color}` } : undefined}>
        <strong>
          <EntityIcon name={data.icon} color={data.color} /> {data.label}
        </strong>
        <span className="er-node__meta">
          <code>{data.name}</code> · {t('entities.fieldCount', { count: data.fieldCount })}
        </span>
      </div>
      {data.references.length > 0 && (
        <ul className="er-node__references">
          {data.references.map((reference) => (
            <li key={reference}>{reference}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NODE_TYPES = { entity: EntityNodeView };

export default function EntityDiagram() {
  const i18n = useI18n();
  const { t } = i18n;
  const studio = useStudio();
  const { navigate } = useLocation();
  const { nodes, edges } = useMemo(() => {
    const graph = entityGraph(studio.draft, studio.live.bundle, (value) => i18n.text(value as Parameters<typeof i18n.text>[0]));
    const flowNodes: EntityNode[] = graph.nodes.map((node) => ({
      id: node.id,
      type: 'entity',
      position: node.position,
      data: node.data,
      width: node.width,
      height: node.height,
      draggable: true,
      connectable: false,
      ariaLabel: t('diagram.nodeLabel', { label: node.data.label, count: node.data.fieldCount }),
    }));
    const flowEdges: Edge[] = graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      // Labels are on the nodes ("Account → Account") and in each edge's accessible name: drawn
      // edge labels are measured one by one, the largest cost of a big diagram.
      animated: false,
      className: edge.kind === 'manyToMany' ? 'er-edge er-edge--many' : 'er-edge',
      ariaLabel: t(edge.kind === 'manyToMany' ? 'diagram.manyToMany' : 'diagram.reference', { from: graph.nodes.find((node) => node.id === edge.source)?.data.label ?? edge.source, to: graph.nodes.find((node) => node.id === edge.target)?.data.label ?? edge.target, label: edge.label }),
    }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [studio.draft, studio.live.bundle, i18n, t]);

  return (
    <div className="page page--full">
      <div className="page__header">
        <div>
          <h1>{t('diagram.title')}</h1>
          <p className="page__intro">{t('diagram.intro')}</p>
        </div>
      </div>
      <div className="er-canvas" role="region" aria-label={t('diagram.title')}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          fitView
          minZoom={0.1}
          nodesConnectable={false}
          onNodeClick={(_event, node) => navigate(`/entities/${node.id}`)}
          onNodesChange={() => undefined}
          onKeyDown={(event) => {
            const target = event.target as HTMLElement;
            const id = target.closest('[data-id]')?.getAttribute('data-id');
            if (event.key === 'Enter' && id && studio.draft.entities[id]) navigate(`/entities/${id}`);
          }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <MiniMap pannable zoomable ariaLabel={t('diagram.minimap')} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
