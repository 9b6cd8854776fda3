"""`rusmatrise felter`: every input column with its allowed values and spellings; the README's
section is the same data."""

from __future__ import annotations

import pytest

from cli.main import main
from matrix.fields import CANONICAL_FIELDS, REQUIRED_FIELDS
from tests.conftest import REPO


def test_every_column_is_listed_with_required_and_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["felter", "--markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("|")[1].strip().strip("`"): line for line in lines[2:]}
    assert list(rows) == list(CANONICAL_FIELDS)
    for name, line in rows.items():
        assert line.split("|")[2].strip() == ("ja" if name in REQUIRED_FIELDS else "nei")
    assert "heldøgn" in rows["tilsynsbehov"] and "Grunerlokka" in rows["bydel"] and "bostedsløs" in rows["boligsituasjon"]
    assert "1–7" in rows["livskvalitet"] and "kvinne, mann, annet, ukjent" in rows["kjonn"]


def test_the_readme_section_is_generated_from_the_same_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["felter", "--markdown", "--lang", "en"]) == 0
    generated = capsys.readouterr().out.strip()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- felter:start -->\n", 1)[1].split("\n<!-- felter:end -->", 1)[0]
    assert section == generated, "regenerate the README section: rusmatrise felter --markdown --lang en"


def test_the_table_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["felter", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Allowed values" in out and "vurdert_dato" in out
