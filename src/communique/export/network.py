"""The actor network: actors as nodes, an edge between two actors of one event, weighted by how many
events they share. Written by hand as GraphML and GEXF 1.3 (no networkx at run time)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

Node = dict[str, Any]
Edge = dict[str, Any]


def actor_network(records: list[dict[str, Any]]) -> tuple[list[Node], list[Edge]]:
    """Nodes (id, name, kind, country, events) and undirected edges (source < target, weight, types)."""
    nodes: dict[str, Node] = {}
    weights: Counter[tuple[str, str]] = Counter()
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for rec in records:
        ids = []
        for actor in rec.get("actors") or []:
            actor_id = str(actor.get("id"))
            node = nodes.setdefault(actor_id, {"id": actor_id, "name": actor.get("name") or actor_id,
                                               "kind": actor.get("kind") or "", "country": actor.get("country") or "",
                                               "events": 0})
            node["events"] += 1
            ids.append(actor_id)
        for a, b in combinations(sorted(set(ids)), 2):
            weights[(a, b)] += 1
            types[(a, b)][str(rec.get("type"))] += 1
    edges = [{"source": a, "target": b, "weight": w,
              "types": ";".join(f"{t}:{n}" for t, n in sorted(types[(a, b)].items()))}
             for (a, b), w in sorted(weights.items())]
    return sorted(nodes.values(), key=lambda n: n["id"]), edges


def write_graphml(nodes: list[Node], edges: list[Edge], stream: IO[str]) -> None:
    w = stream.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for key, target, kind in (("name", "node", "string"), ("kind", "node", "string"), ("country", "node", "string"),
                              ("events", "node", "int"), ("weight", "edge", "int"), ("types", "edge", "string")):
        w(f'  <key id="{key}" for="{target}" attr.name="{key}" attr.type="{kind}"/>\n')
    w('  <graph id="actors" edgedefault="undirected">\n')
    for n in nodes:
        w(f"    <node id={quoteattr(n['id'])}>")
        for key in ("name", "kind", "country", "events"):
            w(f'<data key="{key}">{escape(str(n[key]))}</data>')
        w("</node>\n")
    for i, e in enumerate(edges):
        w(f"    <edge id=\"e{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])}>")
        w(f"<data key=\"weight\">{e['weight']}</data><data key=\"types\">{escape(e['types'])}</data></edge>\n")
    w("  </graph>\n</graphml>\n")


def write_gexf(nodes: list[Node], edges: list[Edge], stream: IO[str]) -> None:
    w = stream.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
    w('  <meta><creator>Communiqué</creator><description>actors of diplomatic events</description></meta>\n')
    w('  <graph mode="static" defaultedgetype="undirected">\n')
    w('    <attributes class="node">\n')
    for i, (key, kind) in enumerate((("kind", "string"), ("country", "string"), ("events", "integer"))):
        w(f'      <attribute id="{i}" title="{key}" type="{kind}"/>\n')
    w('    </attributes>\n    <attributes class="edge">\n')
    w('      <attribute id="0" title="types" type="string"/>\n    </attributes>\n')
    w("    <nodes>\n")
    for n in nodes:
        w(f"      <node id={quoteattr(n['id'])} label={quoteattr(str(n['name']))}><attvalues>")
        for i, key in enumerate(("kind", "country", "events")):
            w(f'<attvalue for="{i}" value={quoteattr(str(n[key]))}/>')
        w("</attvalues></node>\n")
    w("    </nodes>\n    <edges>\n")
    for i, e in enumerate(edges):
        w(f"      <edge id=\"{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])} "
          f"weight=\"{float(e['weight'])}\"><attvalues><attvalue for=\"0\" value={quoteattr(e['types'])}/>"
          "</attvalues></edge>\n")
    w("    </edges>\n  </graph>\n</gexf>\n")
