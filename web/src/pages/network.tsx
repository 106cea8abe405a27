import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Graph } from '../api';
import { Load } from '../components';
import { PALETTE } from '../format';
import { href } from '../router';
import { useApi } from '../use-api';

/** Edge colours by type; relation types not listed fall back to grey. */
const EDGE_COLOURS: Record<string, string> = {
  cooperation: '#2e8b57',
  conflict: '#c0392b',
  alliance: '#1f77b4',
  partnership: '#17becf',
  rivalry: '#d62728',
  dispute: '#ff7f0e',
  trade: '#8c564b',
  energy: '#bcbd22',
  arms_supply: '#7f0000',
  intelligence: '#9467bd',
  diplomatic_ties: '#7f7f7f',
};

function communityColour(c: number | string): string {
  const n =
    typeof c === 'number' ? c : [...String(c)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  return PALETTE[Math.abs(n) % PALETTE.length];
}

/**
 * Cytoscape injects a one-rule <style> element (`position: relative` on its container) unless
 * an element with its id exists; the server's CSP refuses inline styles, so we give it the id
 * to find and set that rule in styles.css instead.
 */
function preventStyleInjection(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.appendChild(marker);
}

function GraphView(props: { graph: Graph }) {
  const box = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<string>();
  useEffect(() => {
    const { nodes, edges } = props.graph;
    const maxC = Math.max(1e-9, ...nodes.map((n) => n.centrality));
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    preventStyleInjection();
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...nodes.map((n) => ({
          data: {
            id: n.id,
            label: n.label || n.id,
            size: 14 + 36 * Math.sqrt(n.centrality / maxC),
            colour: communityColour(n.community),
            // Five rings at most, by centrality.
            rank: Math.round(4 * Math.sqrt(n.centrality / maxC)),
            order: Number(n.community) * 1000 - n.centrality,
          },
        })),
        ...edges.map((e, i) => ({
          data: {
            id: `e${i}`,
            source: e.source,
            target: e.target,
            type: e.type,
            width: 1 + 7 * (e.weight / maxW),
            colour: EDGE_COLOURS[e.type] ?? '#999',
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            width: 'data(size)',
            height: 'data(size)',
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-size': 12,
            'text-background-color': '#fff',
            'text-background-opacity': 0.75,
            'text-background-padding': '1px',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            color: '#222',
          },
        },
        {
          selector: 'edge',
          // Straight, slightly spread lines: a pair often has several edge types, and bezier
          // bundles of them tie into a knot.
          style: {
            width: 'data(width)',
            'line-color': 'data(colour)',
            opacity: 0.65,
            'curve-style': 'haystack',
            'haystack-radius': 0.6,
          },
        },
      ],
      // Few nodes: one ring grouped by community, edges as chords. Many: rings by centrality,
      // hubs in the middle. Force layouts pull a news network's few hubs into one knot.
      layout:
        nodes.length <= 20
          ? {
              name: 'circle',
              sort: (x, y) => x.data('order') - y.data('order'),
              animate: false,
              padding: 30,
            }
          : {
              name: 'concentric',
              concentric: (n) => n.data('rank') as number,
              levelWidth: () => 1,
              minNodeSpacing: 28,
              animate: false,
              padding: 24,
            },
    });
    cy.on('tap', 'node', (e) => {
      location.hash = href('actor', e.target.id());
    });
    cy.on('tap', 'edge', (e) => {
      const d = e.target.data();
      location.hash = href('dyad', d.source, d.target);
    });
    cy.on('mouseover', 'edge', (e) => {
      const d = e.target.data();
      setHover(`${d.source}–${d.target}: ${d.type}`);
    });
    return () => cy.destroy();
  }, [props.graph]);
  const types = [...new Set(props.graph.edges.map((e) => e.type))];
  return (
    <>
      <div class="legend">
        {types.map((t) => (
          <span key={t}>
            <i style={{ background: EDGE_COLOURS[t] ?? '#999' }} /> {t.replace(/_/g, ' ')}
          </span>
        ))}
        <span class="muted">{hover ?? 'node size: centrality · colour: community · click to open'}</span>
      </div>
      <div ref={box} class="network" data-testid="network" />
    </>
  );
}

/** `#/network?level=state|actor`: the actors and how they interact. */
export function NetworkPage(props: { query: URLSearchParams }) {
  const level = props.query.get('level') === 'actor' ? 'actor' : 'state';
  const graph = useApi(() => api.graph({ level }), [level]);
  return (
    <div>
      <h1>Network</h1>
      <p class="toolbar">
        Level:{' '}
        <a class={level === 'state' ? 'on' : ''} href={href('network', { level: 'state' })}>
          states
        </a>{' '}
        <a class={level === 'actor' ? 'on' : ''} href={href('network', { level: 'actor' })}>
          all actors
        </a>
      </p>
      <Load state={graph} what="the network">
        {(g) => (g.nodes.length ? <GraphView graph={g} /> : <p class="muted">No events yet.</p>)}
      </Load>
    </div>
  );
}
