"""Shared fixtures: the shipped matrix, a classifier, and a complete baseline assessment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from matrix import Matrix, load_matrix
from rules import Classifier

REPO = Path(__file__).resolve().parents[1]
SHIPPED_MATRIX = REPO / "matrix" / "data" / "oslo.toml"

# A person with no difficulties and no needs: group 1 by the default table.
BASELINE: dict[str, Any] = {
    "person_id": "P-0001",
    "bydel": "Alna",
    "boevne": 1,
    "rus": 1,
    "psykisk_helse": 1,
    "somatisk_helse": 1,
    "atferd": 1,
    "sosial_fungering": 1,
    "tilsynsbehov": "ingen",
    "behandlingsbehov": "nei",
    "vold_trusler": "nei",
    "brannrisiko": "nei",
    "varighet": "langvarig",
    "boligsituasjon": "ordinar_bolig",
}


@pytest.fixture(scope="session")
def matrix() -> Matrix:
    return load_matrix()


@pytest.fixture(scope="session")
def classifier(matrix: Matrix) -> Classifier:
    return Classifier(matrix)


@pytest.fixture
def person() -> Callable[..., dict[str, Any]]:
    """The baseline assessment with some fields changed: person(tilsynsbehov="heldogn")."""

    def make(**changes: Any) -> dict[str, Any]:
        return {**BASELINE, **changes}

    return make


# -- PostgreSQL: one throwaway cluster per test session, a fresh database per test ----------
@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pg_cluster import Cluster, pg_bin

    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (scripts/system-deps.sh installs it)")
    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, empty database's URL (superuser over the unix socket)."""
    return pg_cluster.url(pg_cluster.new_database())


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same store test on both backends: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "case.sqlite")
    return str(request.getfixturevalue("pg_url"))
