import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/analysis/network.js';
import { graphmlDocument } from '../../src/export/graphml-document.js';
import { networkGraphml } from '../../src/export/network-graphml.js';
import { HAS_NETWORKX, readGraph } from './helpers.js';

const ODD = 'org:odd"<&>\'';
const dir = mkdtempSync(join(tmpdir(), 'faultline-graphml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small analysed network: a person with an odd id, two edge types between one pair. */
const NETWORK: Network = {
  nodes: [
    { id: 'AZE', label: 'Azerbaijan', kind: 'state', events: 3, degree: 2, centrality: 1, community: 0 },
    { id: 'IRN', label: 'Iran', kind: 'state', events: 2, degree: 1, centrality: 0, community: 1 },
    {
      id: ODD,
      label: 'Odd "Name"\t<&>\nSecond line',
      kind: 'org',
      events: 1,
      degree: 1,
      centrality: 0.25,
      community: 0,
    },
  ],
  edges: [
    { source: 'AZE', target: 'IRN', type: 'conflict', weight: 12.5, events: 2, eventIds: ['a', 'b'] },
    { source: 'AZE', target: 'IRN', type: 'dispute', weight: 1, events: 1, eventIds: ['r'] },
    { source: ODD, target: 'AZE', type: 'cooperation', weight: 1.9, events: 1, eventIds: ['c'] },
  ],
};

describe('graphmlDocument: the one GraphML writer', () => {
  it('writes keys (name defaulting to the id), escaped ids and values, and leaves out undefined values', () => {
    const xml = graphmlDocument({
      id: 'g',
      keys: [
        { id: 'label', for: 'node', type: 'string' },
        { id: 'nevents', for: 'node', name: 'events', type: 'int' },
        { id: 'first', for: 'edge', type: 'string' },
      ],
      nodes: [
        {
          id: ODD,
          data: [
            ['label', 'a<b'],
            ['nevents', 2],
          ],
        },
        {
          id: 'AZE',
          data: [
            ['label', 'Azerbaijan'],
            ['nevents', undefined],
          ],
        },
      ],
      edges: [{ source: ODD, target: 'AZE', data: [['first', undefined]] }],
    });
    expect(xml.split('\n').slice(2, 5)).toEqual([
      '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
      '  <key id="nevents" for="node" attr.name="events" attr.type="int"/>',
      '  <key id="first" for="edge" attr.name="first" attr.type="string"/>',
    ]);
    expect(xml).toContain(
      '<node id="org:odd&quot;&lt;&amp;&gt;&apos;"><data key="label">a&lt;b</data><data key="nevents">2</data></node>',
    );
    expect(xml).toContain('<node id="AZE"><data key="label">Azerbaijan</data></node>');
    expect(xml).toContain('<edge id="e0" source="org:odd&quot;&lt;&amp;&gt;&apos;" target="AZE"></edge>');
    expect(xml.endsWith('  </graph>\n</graphml>\n')).toBe(true);
  });
});

describe.skipIf(!HAS_NETWORKX)('faultline graph --format graphml read by networkx', () => {
  it('gives every node and edge of the network back with its attributes', () => {
    const file = join(dir, 'network.graphml');
    writeFileSync(file, networkGraphml(NETWORK));
    const g = readGraph('graphml', file);
    expect(Object.keys(g.nodes).sort()).toEqual(NETWORK.nodes.map((n) => n.id).sort());
    for (const n of NETWORK.nodes) {
      const { id, ...attrs } = n;
      expect(g.nodes[id]).toEqual(attrs);
    }
    const edges = g.edges
      .map(([u, v, d]) => [u, v, d])
      .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    const want = NETWORK.edges
      .map((e) => [e.source, e.target, { type: e.type, weight: e.weight, events: e.events }])
      .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    expect(edges).toEqual(want);
  });
});

describe.skipIf(HAS_NETWORKX)('faultline graph --format graphml (networkx missing)', () => {
  it.skip('needs /usr/bin/python3 with networkx (Debian python3-networkx); CI installs it', () => {});
});
