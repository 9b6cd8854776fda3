"""Structural checks of the service-chain graph (SPEC section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matrix.messages import Lang, t
from service_chain.graph import node

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class GraphProblem:
    kode: str
    params: dict[str, object]

    def message(self, lang: Lang = "nb") -> str:
        return t(self.kode, lang, **self.params)


def _reachable(graph: nx.DiGraph, start: str, kind: str) -> list[str]:
    import networkx as nx  # only `rusmatrise check` walks the graph: other commands start without networkx

    return [n for n in nx.descendants(graph, start) if graph.nodes[n]["kind"] == kind]


def validate_graph(graph: nx.DiGraph) -> list[GraphProblem]:
    problems: list[GraphProblem] = []
    nodes = graph.nodes
    for g in [n for n in graph if nodes[n]["kind"] == "gruppe"]:
        nr = nodes[g]["name"]
        if not _reachable(graph, g, "boligtype"):
            problems.append(GraphProblem("graf_boligtype", {"gruppe": nr}))
        if not _reachable(graph, g, "boligstandard"):
            problems.append(GraphProblem("graf_standard", {"gruppe": nr}))
        if not [p for p in graph.predecessors(g) if nodes[p]["kind"] == "ansvar"]:
            problems.append(GraphProblem("graf_bosetting", {"gruppe": nr}))
        beyond_general = [
            s
            for tier in graph.successors(g)
            if nodes[tier]["kind"] == "niva" and nodes[tier]["varighet"] != "alle" and not nodes[tier]["betinget"]
            for s in graph.successors(tier)
        ]
        if not beyond_general:
            problems.append(GraphProblem("graf_tjeneste", {"gruppe": nr}))
    for h in [n for n in graph if nodes[n]["kind"] == "boligtype"]:
        standards = sorted(nodes[s]["name"] for s in graph.successors(h))
        if len(standards) > 1:
            problems.append(GraphProblem("graf_flere_standarder", {"boligtype": nodes[h]["name"], "standarder": ", ".join(standards)}))
    for s in [n for n in graph if nodes[n]["kind"] == "tjeneste"]:
        providers = sorted(nodes[p]["name"] for p in graph.predecessors(s) if nodes[p]["kind"] == "tilbyder")
        if len(providers) != 1:
            params = {"tjeneste": nodes[s]["name"], "antall": len(providers), "tilbydere": ", ".join(providers) or "-"}
            problems.append(GraphProblem("graf_tilbyder", params))
    for n in graph:
        if graph.degree(n) == 0:
            problems.append(GraphProblem("graf_foreldrelos", {"node": n}))
    return problems


__all__ = ["GraphProblem", "node", "validate_graph"]
