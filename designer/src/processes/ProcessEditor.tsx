// A process on a canvas: states as nodes (compound and parallel states as groups holding their
// children; the initial state and final states marked; probability, required fields, entry and
// exit actions listed), transitions as edges (event, guard chips), timers as dashed edges with
// their delay. Laid out automatically; zoom, fit, minimap. Select a node or edge (click, or Tab and
// Enter) to edit it in the panel; drag from a state's right handle to another to add a
// transition; Delete removes the selection. The validators' problems mark the node or edge they
// concern; the simulation lights up the path taken. Loaded on demand, like the entity diagram.
import { Background, Controls, Handle, MarkerType, MiniMap, Position, ReactFlow,  type Connection, type Edge, type Node, type NodeChange, type NodeProps, type XYPosition } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { EntityDocument, LocalisedText, MetadataBundle, ProcessDocument, StateDefinition } from '@stagecraft/core';
import { useMemo, useState } from 'react';
import { problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link } from '../shell/router';
import '../styles/processes.css';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { LocalisedInput } from '../ui/LocalisedInput';
import { addState, addTimer, addTransition, pasteState, removeState, removeTransition, STATE_NAME, stateAt, transitionRefOf, type TransitionRef } from './process-edits';
import { processGraph, type StateNodeData, type TransitionEdgeData } from './process-graph';
import { SimulationPanel } from './SimulationPanel';
import { StatePanel } from './StatePanel';
import { TransitionPanel } from './TransitionPanel';

type StateNodeView = Node<StateNodeData & { problemCount: number; isVisited: boolean; isCurrent: boolean }, 'state' | 'group'>;
type Selection = { kind: 'state'; path: string } | { kind: 'transition'; ref: TransitionRef; pointer: string } | { kind: 'simulation' } | null;

function StateNode({ data }: NodeProps<StateNodeView>) {
  const { t } = useI18n();
  const classes = ['process-node', `process-node--${data.kind}`, data.problemCount > 0 ? 'process-node--problem' : '', data.isVisited ? 'process-node--visited' : '', data.isCurrent ? 'process-node--current' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <Handle type="target" position={Position.Left} className="process-handle" />
      <div className="process-node__header">
        {data.isInitial && (
          <span className="process-node__initial" title={t('process.initialMark')}>
            ▶
          </span>
        )}
        <strong>{data.label}</strong>
        {data.kind === 'final' && <span className="badge">{t('process.finalMark')}</span>}
        {data.probability !== null && <span className="badge badge--brand">{data.probability}%</span>}
      </div>
      <div className="process-node__meta">
        <code>{data.name}</code>
        {data.requiredToEnter.length + data.requiredToLeave.length > 0 && <span>· {t('process.requiredCount', { count: data.requiredToEnter.length + data.requiredToLeave.length })}</span>}
        {data.entry.length + data.exit.length > 0 && <span>· {[...data.entry, ...data.exit].join(', ')}</span>}
        {data.problemCount > 0 && <span className="badge badge--danger">{t('process.problemCount', { count: data.problemCount })}</span>}
      </div>
      <Handle type="source" position={Position.Right} className="process-handle" />
    </div>
  );
}

const NODE_TYPES = { state: StateNode, group: StateNode };


function NewStateDialog({ process, parents, onClose, onCreate }: { process: ProcessDocument; parents: string[]; onClose(): void; onCreate(name: string, parent: string | null, label: LocalisedText): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [label, setLabel] = useState<LocalisedText | undefined>(undefined);
  const [parent, setParent] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (): void => {
    const siblings = parent === '' ? process.states : (stateAt(process, parent)?.states ?? {});
    if (!STATE_NAME.test(name)) return setError(t('process.stateNameInvalid'));
    if (Object.hasOwn(siblings, name)) return setError(t('process.stateNameTaken', { name }));
    onCreate(name, parent === '' ? null : parent, label ?? name);
  };
  return (
    <Dialog title={t('process.newState')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormRow id="state-name" label={t('process.stateName')} hint={t('process.stateNameHint')} error={error}>
          <input value={name} onChange={(event) => (setName(event.target.value), setError(undefined))} autoComplete="off" />
        </FormRow>
        <LocalisedInput label={t('process.stateLabel')} value={label} onChange={setLabel} idPrefix="new-state-label" />
        <FormRow id="state-parent" label={t('process.inside')}>
          <select value={parent} onChange={(event) => setParent(event.target.value)}>
            <option value="">{t('process.topLevel')}</option>
            {parents.map((path) => (
              <option key={path} value={path}>
                {path}
              </option>
            ))}
          </select>
        </FormRow>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('process.addState')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Adds a top-level state's stage option to the entity's stage field, so lists and boards know it. */
function ensureStageOption(bundle: MetadataBundle, process: ProcessDocument, name: string, label: LocalisedText): void {
  const field = bundle.entities[process.entity]?.fields.find((candidate) => candidate.name === process.stageField);
  if (field?.type === 'enum' && !field.options.some((option) => option.value === name)) field.options.push({ value: name, label });
}

export default function ProcessEditor({ name }: { name: string }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const studio = useStudio();
  const [selection, setSelection] = useState<Selection>(null);
  const [isAdding, setAdding] = useState(false);
  // A copied state (Ctrl+C or Copy), pasted beside the selected state (Ctrl+V or Paste).
  const [clipboard, setClipboard] = useState<{ name: string; definition: StateDefinition } | null>(null);
  const [path, setPath] = useState<{ visited: string[]; current: string[] }>({ visited: [], current: [] });
  // Where the administrator dragged states to, until the chart's shape changes (then it is laid out anew).
  const [moved, setMoved] = useState<{ layout: string; positions: Record<string, XYPosition> }>({ layout: '', positions: {} });
  const process = studio.draft.processes[name];
  const entity: EntityDocument | undefined = process ? studio.draft.entities[process.entity] : undefined;
  const processPath = `/processes/${name}`;
  const graph = useMemo(() => (process ? processGraph(process, (value) => i18n.text(value as never)) : { nodes: [], edges: [] }), [process, i18n]);

  const layoutKey = `${graph.nodes.length}:${graph.edges.length}`;
  const positions = moved.layout === layoutKey ? moved.positions : {};
  const { nodes, edges } = useMemo(() => {
    const flowNodes: StateNodeView[] = graph.nodes.map((node) => {
      const pointer = `${processPath}${node.data.pointer}`;
      const problemCount = problemsUnder(studio.problems, pointer).filter((problem) => !/\/(on|after|states)\//.test(problem.path.slice(pointer.length))).length;
      return {
        id: node.id,
        type: node.data.kind === 'compound' || node.data.kind === 'parallel' ? 'group' : 'state',
        position: positions[node.id] ?? node.position,
        ...(node.parentId ? { parentId: node.parentId, extent: 'parent' as const } : {}),
        width: node.width,
        height: node.height,
        style: { width: node.width, height: node.height },
        data: { ...node.data, problemCount, isVisited: path.visited.includes(node.id), isCurrent: path.current.includes(node.id) },
        selected: selection?.kind === 'state' && selection.path === node.id,
        ariaLabel: t('process.nodeLabel', { label: node.data.label, name: node.id }),
      };
    });
    const flowEdges: Array<Edge<TransitionEdgeData>> = graph.edges.map((edge) => {
      const hasProblem = problemsUnder(studio.problems, `${processPath}${edge.data.pointer}`).length > 0;
      const guardText = edge.data.guards.length > 0 ? ` [${edge.data.guards.join(', ')}]` : '';
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        data: edge.data,
        label: edge.data.kind === 'timer' ? `⏱ ${edge.data.delay ?? ''} ${edge.data.label}` : `${edge.data.label}${guardText}`,
        className: ['process-edge', edge.data.kind === 'timer' ? 'process-edge--timer' : '', hasProblem ? 'process-edge--problem' : ''].filter(Boolean).join(' '),
        markerEnd: { type: MarkerType.ArrowClosed },
        selected: selection?.kind === 'transition' && selection.pointer === edge.data.pointer,
        focusable: true,
        ariaLabel: t(edge.data.kind === 'timer' ? 'process.timerEdgeLabel' : 'process.edgeLabel', { event: edge.data.label, from: edge.source, to: edge.target, delay: edge.data.delay ?? '' }),
      };
    });
    return { nodes: flowNodes, edges: flowEdges };
  }, [graph, studio.problems, selection, path, processPath, t, positions]);

  if (!process) {
    return (
      <div className="page">
        <p>{t('process.notFound', { name })}</p>
        <Link href="/processes">{t('process.back')}</Link>
      </div>
    );
  }
  const change = (edit: (document: ProcessDocument, entityDocument: EntityDocument | undefined) => void): void =>
    studio.change((bundle) => {
      const document = bundle.processes[name];
      if (document) edit(document, bundle.entities[document.entity]);
    });
  const addMove = (source: string, target: string, kind: 'event' | 'timer'): void => {
    const stem = (target.split('.').pop() ?? target).replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    let created: TransitionRef | undefined;
    change((document) => {
      created = kind === 'event' ? addTransition(document, source, target, `TO_${stem.toUpperCase()}`) : addTimer(document, source, target, `after${stem.charAt(0).toUpperCase()}${stem.slice(1).replace(/_/g, '')}`, 'P1D');
    });
    if (created) setSelection({ kind: 'transition', ref: created, pointer: pointerOfRef(created) });
  };
  const connect = (connection: Connection): void => {
    if (connection.source && connection.target) addMove(connection.source, connection.target, 'event');
  };
  const removeSelected = (): void => {
    if (selection?.kind === 'state') {
      const removed = selection.path;
      change((document, entityDocument) => {
        removeState(document, removed);
        // A stage added in this draft leaves the stage picklist with its state; a published one stays (records may hold it until migrated).
        const liveField = studio.live.bundle.entities[document.entity]?.fields.find((field) => field.name === document.stageField);
        const isPublished = liveField?.type === 'enum' && liveField.options.some((option) => option.value === removed);
        const field = entityDocument?.fields.find((candidate) => candidate.name === document.stageField);
        if (!removed.includes('.') && !isPublished && field?.type === 'enum') field.options = field.options.filter((option) => option.value !== removed);
      });
      setSelection(null);
    } else if (selection?.kind === 'transition') {
      change((document) => removeTransition(document, selection.ref));
      setSelection(null);
    }
  };
  const copySelected = (): void => {
    if (selection?.kind !== 'state') return;
    const definition = stateAt(process, selection.path);
    if (definition) setClipboard({ name: selection.path.split('.').pop() ?? selection.path, definition: structuredClone(definition) });
  };
  const paste = (): void => {
    if (!clipboard) return;
    const beside = selection?.kind === 'state' ? selection.path : null;
    const parent = beside !== null && beside.includes('.') ? beside.slice(0, beside.lastIndexOf('.')) : null;
    let pasted: string | undefined;
    studio.change((bundle) => {
      const document = bundle.processes[name];
      if (!document) return;
      pasted = pasteState(document, parent, clipboard);
      if (pasted && parent === null) ensureStageOption(bundle, document, pasted, clipboard.definition.label ?? pasted);
    });
    if (pasted) setSelection({ kind: 'state', path: pasted });
  };
  // A state may go inside any other that is not final: an atomic one becomes compound, starting at it.
  const parents = graph.nodes.filter((node) => node.data.kind !== 'final').map((node) => node.id);
  const dateFields = (entity?.fields ?? []).filter((field) => field.type === 'date' || field.type === 'datetime').map((field) => ({ name: field.name, label: text(field.label) || field.name }));

  return (
    <div className="page page--full process-editor">
      <nav className="breadcrumb" aria-label={t('process.back')}>
        <Link href="/processes">{t('process.back')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>{text(process.label) || process.name}</h1>
          <p className="page__intro">
            <code>{process.name}</code> · {text(entity?.label) || process.entity} · {t('process.intro')}
          </p>
        </div>
        <div className="inline-form">
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('process.addState')}
          </button>
          <button type="button" className={selection?.kind === 'simulation' ? 'button button--primary' : 'button'} aria-pressed={selection?.kind === 'simulation'} onClick={() => setSelection(selection?.kind === 'simulation' ? null : { kind: 'simulation' })}>
            {t('simulation.open')}
          </button>
        </div>
      </div>
      <div className="process-editor__body">
        <div className="process-canvas" role="region" aria-label={t('process.canvas', { name: text(process.label) || process.name })}>
          <ReactFlow
            // A state or move added or removed lays the chart out anew: fit the view to it again.
            key={layoutKey}
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            fitView
            fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
            minZoom={0.1}
            onConnect={connect}
            onNodeClick={(_event, node) => setSelection({ kind: 'state', path: node.id })}
            onEdgeClick={(_event, edge) => {
              const ref = transitionRefOf(edge.id);
              if (ref) setSelection({ kind: 'transition', ref, pointer: edge.id });
            }}
            onNodesChange={(changes: NodeChange[]) => {
              const dragged = changes.filter((change): change is NodeChange & { type: 'position'; id: string; position: XYPosition } => change.type === 'position' && change.position !== undefined);
              if (dragged.length === 0) return;
              setMoved((current) => ({ layout: layoutKey, positions: { ...(current.layout === layoutKey ? current.positions : {}), ...Object.fromEntries(dragged.map((change) => [change.id, change.position])) } }));
            }}
            onEdgesChange={() => undefined}
            deleteKeyCode={null}
            onKeyDown={(event) => {
              const target = event.target as HTMLElement;
              const nodeId = target.closest('.react-flow__node')?.getAttribute('data-id');
              const edgeId = target.closest('.react-flow__edge')?.getAttribute('data-id');
              if (event.key === 'Enter' && nodeId) setSelection({ kind: 'state', path: nodeId });
              const ref = event.key === 'Enter' && edgeId ? transitionRefOf(edgeId) : undefined;
              if (ref && edgeId) setSelection({ kind: 'transition', ref, pointer: edgeId });
              if ((event.key === 'Delete' || event.key === 'Backspace') && (nodeId || edgeId) && target.tagName !== 'INPUT') removeSelected();
              if ((event.ctrlKey || event.metaKey) && event.key === 'c' && nodeId) copySelected();
              if ((event.ctrlKey || event.metaKey) && event.key === 'v') paste();
            }}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={24} />
            <MiniMap pannable zoomable ariaLabel={t('diagram.minimap')} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <aside className="process-editor__panel" aria-label={t('process.panel')}>
          {selection === null && <p className="muted">{t('process.selectHint')}</p>}
          {selection?.kind === 'state' && <StatePanel key={selection.path} process={process} entity={entity} path={selection.path} processPath={processPath} problems={studio.problems} change={change} onRemove={removeSelected} onCopy={copySelected} onPaste={clipboard ? paste : undefined} onAddMove={(target, kind) => addMove(selection.path, target, kind)} statePaths={graph.nodes.map((node) => node.id)} />}
          {selection?.kind === 'transition' && (
            <TransitionPanel
              key={selection.pointer}
              process={process}
              transition={selection.ref}
              pointer={selection.pointer}
              processPath={processPath}
              states={graph.nodes}
              problems={studio.problems}
              dateFields={dateFields}
              entity={entity}
              change={(edit) => change((document) => edit(document))}
              onSelect={(ref) => setSelection({ kind: 'transition', ref, pointer: pointerOfRef(ref) })}
              onRemove={removeSelected}
            />
          )}
          {selection?.kind === 'simulation' && <SimulationPanel process={process} entity={entity} edges={graph.edges} onPath={(visited, current) => setPath({ visited, current })} />}
        </aside>
      </div>
      {isAdding && (
        <NewStateDialog
          process={process}
          parents={parents}
          onClose={() => setAdding(false)}
          onCreate={(stateName, parent, label) => {
            studio.change((bundle) => {
              const document = bundle.processes[name];
              if (!document) return;
              addState(document, parent, stateName, label);
              if (parent === null) ensureStageOption(bundle, document, stateName, label);
            });
            setAdding(false);
            setSelection({ kind: 'state', path: parent === null ? stateName : `${parent}.${stateName}` });
          }}
        />
      )}
    </div>
  );
}

function pointerOfRef(ref: TransitionRef): string {
  const state = ref.state
    .split('.')
    .map((part) => `/states/${part}`)
    .join('');
  if (ref.kind === 'timer') return `${state}/after/${ref.index}`;
  return ref.index === null ? `${state}/on/${ref.event}` : `${state}/on/${ref.event}/${ref.index}`;
}
