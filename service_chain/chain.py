"""Queries on the service chain: which services a group gets, and from whom."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from matrix.load import Matrix
from service_chain.graph import PlainGraph, build_graph, node

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class ServiceLine:
    tjeneste: str
    tilbyder: str
    niva: str
    antatt: bool = False  # the group gets this tier by the product's assumption (not in the printed range)

    def as_json(self) -> dict[str, str | bool]:
        return {"tjeneste": self.tjeneste, "tilbyder": self.tilbyder, "niva": self.niva, "antatt": self.antatt}


class ServiceChain:
    """The chain for one matrix; answers are memoised (there are only groups × durations)."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix
        self._plain = build_graph(matrix, PlainGraph())  # what the queries read
        self._memo: dict[tuple[int, str, bool], tuple[ServiceLine, ...]] = {}

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The chain as a networkx graph (built on first use: `check` validates it)."""
        return build_graph(self.matrix)

    def tiers_of(self, group: int) -> list[str]:
        g = node("gruppe", group)
        return [self._plain.nodes[n]["name"] for n in self._plain.successors(g) if self._plain.nodes[n]["kind"] == "niva"]

    def own_durations(self, group: int) -> set[str]:
        """The durations of the group's own tiers (T0-like tiers for everyone left out)."""
        nodes = self._plain.nodes
        return {nodes[node("niva", tid)]["varighet"] for tid in self.tiers_of(group)} - {"alle"}

    def selected_tiers(self, group: int, varighet: str, respite: bool = False) -> list[str]:
        """T0-like tiers always; then the group's tiers of this duration, or all if it has none."""
        nodes = self._plain.nodes
        tiers = [node("niva", tid) for tid in self.tiers_of(group)]
        general = [n for n in tiers if nodes[n]["varighet"] == "alle" and not nodes[n]["betinget"]]
        own = [n for n in tiers if nodes[n]["varighet"] != "alle"]
        matching = [n for n in own if nodes[n]["varighet"] == varighet] or own
        chosen = general + matching
        if respite:
            chosen += [n for n in tiers if nodes[n]["betinget"]]
        return [nodes[n]["name"] for n in chosen]

    def services(self, group: int, varighet: str = "langvarig", respite: bool = False) -> tuple[ServiceLine, ...]:
        key = (group, varighet, respite)
        if key not in self._memo:
            self._memo[key] = tuple(self._services(*key))
        return self._memo[key]

    def _services(self, group: int, varighet: str, respite: bool) -> list[ServiceLine]:
        lines: list[ServiceLine] = []
        added = {tier.id: set(tier.lagt_til.grupper) for tier in self.matrix.data.niva if tier.lagt_til}
        for tier in self.selected_tiers(group, varighet, respite):
            t = node("niva", tier)
            offered = sorted(self._plain.successors(t), key=lambda s: self._plain.edges[t, s]["order"])
            for s in offered:
                lines.append(ServiceLine(self._plain.nodes[s]["name"], self.provider_of(s), tier, group in added.get(tier, set())))
        return lines

    def provider_of(self, service_node: str) -> str:
        providers = [p for p in self._plain.predecessors(service_node) if self._plain.nodes[p]["kind"] == "tilbyder"]
        return self._plain.nodes[providers[0]]["name"]
