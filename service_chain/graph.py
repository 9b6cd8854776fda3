"""The service chain (Helhetlig tiltakskjede) as a networkx graph built from matrix data.

Nodes are keyed "kind:name" and carry `kind`: gruppe, niva, tjeneste, tilbyder, boligtype,
boligstandard, ansvar. Edges carry `relation`:
  gruppe   -tilhorer_niva->    niva        (the group belongs to the tier)
  niva     -tilbyr->           tjeneste    (the tier offers the service)
  tilbyder -ansvarlig_for->    tjeneste    (the provider answers for the service)
  gruppe   -trenger_boligtype-> boligtype
  boligtype -har_standard->    boligstandard
  ansvar   -bosetter->         gruppe      (responsible for settling)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from matrix.load import Matrix

if TYPE_CHECKING:
    import networkx as nx


class GraphBuilder(Protocol):
    def add_node(self, node_for_adding: str, **attr: Any) -> None: ...

    def add_edge(self, u_of_edge: str, v_of_edge: str, **attr: Any) -> None: ...


class PlainGraph:
    """The few networkx.DiGraph operations the chain's queries use, on plain dicts, with the same
    semantics (a node added again gets its attributes updated, neighbours in insertion order):
    answering `classify` does not need networkx loaded (about 100 ms at start-up)."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str], dict[str, Any]] = {}
        self._succ: dict[str, dict[str, None]] = {}
        self._pred: dict[str, dict[str, None]] = {}

    def add_node(self, node_for_adding: str, **attr: Any) -> None:
        self.nodes.setdefault(node_for_adding, {}).update(attr)
        self._succ.setdefault(node_for_adding, {})
        self._pred.setdefault(node_for_adding, {})

    def add_edge(self, u_of_edge: str, v_of_edge: str, **attr: Any) -> None:
        for end in (u_of_edge, v_of_edge):
            if end not in self.nodes:
                self.add_node(end)
        self._succ[u_of_edge][v_of_edge] = None
        self._pred[v_of_edge][u_of_edge] = None
        self.edges.setdefault((u_of_edge, v_of_edge), {}).update(attr)

    def successors(self, n: str) -> list[str]:
        return list(self._succ[n])

    def predecessors(self, n: str) -> list[str]:
        return list(self._pred[n])


def node(kind: str, name: object) -> str:
    return f"{kind}:{name}"


def build_graph(matrix: Matrix, graph: Any = None) -> nx.DiGraph:
    """The chain as a networkx graph (or into `graph`, e.g. a PlainGraph)."""
    if graph is None:
        import networkx as nx

        graph = nx.DiGraph()
    d = matrix.data
    for provider in d.tilbyder:
        graph.add_node(node("tilbyder", provider.navn), kind="tilbyder", name=provider.navn, kilde=provider.kilde)
    for party in d.ansvar:
        graph.add_node(node("ansvar", party.kode), kind="ansvar", name=party.kode, kilde=party.kilde)
    for group in matrix.groups.values():
        g = node("gruppe", group.nr)
        graph.add_node(g, kind="gruppe", name=group.nr)
        housing = node("boligtype", group.boligtype.verdi)
        standard = node("boligstandard", group.boligstandard.verdi)
        graph.add_node(housing, kind="boligtype", name=group.boligtype.verdi)
        graph.add_node(standard, kind="boligstandard", name=group.boligstandard.verdi)
        graph.add_edge(g, housing, relation="trenger_boligtype")
        graph.add_edge(housing, standard, relation="har_standard")
        graph.add_edge(node("ansvar", group.ansvar.verdi), g, relation="bosetter")
    order = 0
    for tier in d.niva:
        n = node("niva", tier.id)
        graph.add_node(n, kind="niva", name=tier.id, varighet=tier.varighet, beskrivelse=tier.beskrivelse, kilde=tier.kilde, betinget=False)
        for nr in tier.grupper:
            graph.add_edge(node("gruppe", nr), n, relation="tilhorer_niva")
        for service in tier.tjenester:
            order += 1
            s = node("tjeneste", service.navn)
            graph.add_node(s, kind="tjeneste", name=service.navn)
            graph.add_edge(n, s, relation="tilbyr", order=order)
            graph.add_edge(node("tilbyder", service.tilbyder), s, relation="ansvarlig_for")
    # Respite stays are offered to every group, but only to those who need one.
    respite = d.avlastning
    n = node("niva", respite.niva)
    graph.add_node(n, kind="niva", name=respite.niva, varighet="alle", beskrivelse=respite.tjeneste, kilde=respite.kilde, betinget=True)
    s = node("tjeneste", respite.tjeneste)
    graph.add_node(s, kind="tjeneste", name=respite.tjeneste)
    graph.add_edge(n, s, relation="tilbyr", order=order + 1)
    graph.add_edge(node("tilbyder", respite.tilbyder), s, relation="ansvarlig_for")
    for nr in matrix.groups:
        graph.add_edge(node("gruppe", nr), n, relation="tilhorer_niva")
    return graph
