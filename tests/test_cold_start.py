"""Start-up stays light: a command imports only what it uses (measured in
benchmarks/bench_reclassify.py; here the rule that keeps it so), and the plain-dict service
chain the queries read is the networkx graph `check` validates, node for node, edge for edge."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from matrix.load import Matrix
from service_chain import ServiceChain
from service_chain.graph import PlainGraph, build_graph

REPO = Path(__file__).resolve().parents[1]
PERSON = {"person_id": "SAK-1", "bydel": "Grunerlokka", "boevne": 3, "rus": 4, "psykisk_helse": 3, "somatisk_helse": 2, "atferd": 4,
          "sosial_fungering": 3, "tilsynsbehov": "heldøgn", "behandlingsbehov": "nei", "vold_trusler": "ja", "brannrisiko": "nei",
          "varighet": "langvarig", "boligsituasjon": "bostedslos", "avlastningsbehov": "ja"}
PROBE = """
import sys
from cli.main import main
code = main(sys.argv[1:])
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"networkx", "polars", "textual", "casestore", "openpyxl", "rich"})
print("LOADED=" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
"""


def test_classify_loads_no_graph_library_dataframes_store_or_ui(tmp_path: Path) -> None:
    source = tmp_path / "en.json"
    source.write_text(json.dumps(PERSON), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, "classify", str(source)], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["gruppe"] == 6
    assert "LOADED=\n" in done.stderr + "\n" and "LOADED=," not in done.stderr, done.stderr


def test_the_plain_graph_is_the_networkx_graph(matrix: Matrix) -> None:
    plain, graph = build_graph(matrix, PlainGraph()), build_graph(matrix)
    assert plain.nodes == dict(graph.nodes(data=True))
    assert plain.edges == {(u, v): data for u, v, data in graph.edges(data=True)}
    for n in graph.nodes:
        assert plain.successors(n) == list(graph.successors(n))
        assert plain.predecessors(n) == list(graph.predecessors(n))


def test_chain_answers_equal_the_graphs(matrix: Matrix) -> None:
    """The queries over the plain graph give what they gave over networkx."""
    chain = ServiceChain(matrix)
    on_networkx = ServiceChain(matrix)
    on_networkx._plain = on_networkx.graph  # type: ignore[assignment]
    for group in matrix.groups:
        assert chain.tiers_of(group) == on_networkx.tiers_of(group)
        for varighet in ("kortvarig", "langvarig"):
            for respite in (False, True):
                assert chain.services(group, varighet, respite) == on_networkx.services(group, varighet, respite)
