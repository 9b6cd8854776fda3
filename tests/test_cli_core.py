"""The commands of SPEC section 5 that the decision engine serves: classify, matrix, chain, check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import BASELINE, SHIPPED_MATRIX

CLASSIFY_KEYS = ["gruppe", "regel", "begrunnelse", "boligtype", "boligstandard", "bemanning", "beliggenhet",
                 "ansvar", "ansvarlig", "dekning", "tjenester", "advarsler", "merknader", "matrise_versjon"]


def rusmatrise(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_classify_from_stdin_gives_the_contract_keys():
    done = rusmatrise("classify", stdin=json.dumps({**BASELINE, "tilsynsbehov": "heldøgn", "vold_trusler": "ja"}))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert all(key in result for key in CLASSIFY_KEYS)
    assert (result["gruppe"], result["regel"], result["ansvar"], result["ansvarlig"]) == (6, "G6-risiko", "vel", "Velferdsetaten")
    assert {"tjeneste", "tilbyder", "niva"} <= set(result["tjenester"][0])  # and `antatt`, added after the contract keys
    assert all({"kode", "tekst"} == set(flag) for flag in result["advarsler"] + result["merknader"])


def test_classify_from_file_in_english(tmp_path):
    path = tmp_path / "person.json"
    path.write_text(json.dumps({**BASELINE, "tilsynsbehov": "dagtid"}), encoding="utf-8")
    done = rusmatrise("classify", str(path), "--lang", "en")
    assert done.returncode == 0
    assert json.loads(done.stdout)["begrunnelse"].startswith("Group 4 by rule G4-dagtid")


def test_classify_invalid_input_exit_2_names_every_field_and_prints_nothing():
    done = rusmatrise("classify", stdin=json.dumps({**BASELINE, "boevne": 7, "bydel": "Asker", "person_id": "01010150075"}))
    assert done.returncode == 2 and done.stdout == ""
    assert "felt boevne: «7» er ikke et helt tall fra 1 til 5" in done.stderr
    assert "felt bydel:" in done.stderr and "felt person_id:" in done.stderr
    english = rusmatrise("classify", "--lang", "en", stdin=json.dumps({k: v for k, v in BASELINE.items() if k != "rus"}))
    assert english.returncode == 2 and english.stdout == ""
    assert english.stderr.strip() == "field rus: is missing (required field)"


def test_classify_not_json_and_not_an_object():
    assert rusmatrise("classify", stdin="{nope").returncode == 2
    done = rusmatrise("classify", stdin="[1, 2]")
    assert done.returncode == 2 and "ett JSON-objekt" in done.stderr


def test_classify_text_output():
    done = rusmatrise("classify", "--tekst", stdin=json.dumps({**BASELINE, "rus": 3}))
    assert done.returncode == 0
    assert done.stdout.startswith("Gruppe 2: Ordinær bolig med ambulant booppfølging")
    assert "Bydel/NAV:" in done.stdout


def test_matrix_json_lists_groups_with_sources():
    done = rusmatrise("matrix", "--json")
    groups = json.loads(done.stdout)
    assert [g["gruppe"] for g in groups] == [1, 2, 3, 4, 5, 6, 7]
    assert set(groups[0]["kilde"]) == {"navn", "boligtype", "boligstandard", "bemanning", "beliggenhet", "ansvar", "boligtilbyder"}
    assert groups[6]["ansvar"] == "vel" and groups[3]["ansvar"] == "bydel"
    # Settling versus providing (SPEC section 2): the district settles group 5, VEL provides the home.
    assert (groups[4]["ansvar"], groups[4]["boligtilbyder"]) == ("bydel", "vel")


def test_matrix_table_marks_assumed_cells():
    done = rusmatrise("matrix")
    assert done.returncode == 0 and "* = antatt" in done.stdout


def test_chain_json_follows_duration():
    short = json.loads(rusmatrise("chain", "1", "--varighet", "kortvarig", "--json").stdout)
    long = json.loads(rusmatrise("chain", "1", "--json").stdout)
    assert {s["niva"] for s in short} == {"T0", "T1"} and {s["niva"] for s in long} == {"T0", "T2"}
    assert rusmatrise("chain", "9").returncode == 2


def test_check_passes_on_shipped_data():
    done = rusmatrise("check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "625\u202f000 mulige kartlegginger kontrollert" in done.stdout


def _variant(tmp_path: Path, old: str, new: str) -> str:
    text = SHIPPED_MATRIX.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


def test_check_fails_on_a_gap(tmp_path):
    # Without the catch-all row, a person with no needs and no difficulties gets no group.
    path = _variant(tmp_path, 'naar = { alltid = true }', 'naar = { felt = "maks", minst = 2 }')
    done = rusmatrise("check", "--matrix", path)
    assert done.returncode == 1
    assert "beslutningstabellen har hull" in done.stdout and "største vansker på ett område: 1" in done.stdout
    assert "maks=" not in done.stdout and "False" not in done.stdout  # words, not codes


def test_check_fails_on_a_shadowed_row(tmp_path):
    # G3-boevne moved below G2-vansker (maks ≥ 3 already holds whenever boevne ≥ 4).
    text = SHIPPED_MATRIX.read_text(encoding="utf-8")
    start = text.index('[[beslutningstabell.regel]]\nid = "G3-boevne"')
    end = text.index('[[beslutningstabell.regel]]\nid = "G2-ukentlig"')
    block = text[start:end]
    text = text[:start] + text[end:]
    anchor = text.index('[[beslutningstabell.regel]]\nid = "G1"')
    path = tmp_path / "shadowed.toml"
    path.write_text(text[:anchor] + block + text[anchor:], encoding="utf-8")
    done = rusmatrise("check", "--matrix", str(path), "--lang", "en")
    assert done.returncode == 1
    assert "rule G3-boevne can never decide" in done.stdout


def test_check_fails_on_a_broken_file(tmp_path):
    path = _variant(tmp_path, 'kode = "vel"', 'kode = "velferd"')
    done = rusmatrise("check", "--matrix", path)
    assert done.returncode == 1
    assert "gruppe #6 → ansvar → verdi" in done.stderr


def test_check_fails_on_a_service_with_two_providers(tmp_path):
    path = _variant(tmp_path, '{ navn = "Brukerrom", tilbyder = "Velferdsetaten" }', '{ navn = "Fastlege", tilbyder = "Velferdsetaten" }')
    done = rusmatrise("check", "--matrix", path, "--lang", "en")
    assert done.returncode == 1
    assert "service 'Fastlege' has 2 providers" in done.stdout
