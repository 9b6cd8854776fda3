"""The indicators (SPEC section 6a) against an independent computation on a fixture with known
answers, from files and from the case store's history; and the empty cases."""

from __future__ import annotations

import csv
import json
import random
import tomllib
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from casestore import decide, open_store
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.conftest import BASELINE, REPO

COLUMNS = ["person_id", "bydel", "vurdert_dato", "gruppe", "regel", "boligtype", "boligstandard", "ansvar", "dekning",
           "boligsituasjon", "livskvalitet", "institusjonsinntak_12m", "kjonn", "fodselsar"]
SITUATIONS = ["institusjon", "midlertidig", "ordinar_bolig", "samlokalisert_heldogn", "bostedslos", "fengsel"]
PERMANENT = {"ordinar_bolig", "samlokalisert_delvis", "samlokalisert_heldogn", "skjermet_heldogn", "bo_og_behandling"}


def write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({"gruppe": 2, "regel": "G2-vansker", "boligtype": "ordinær bolig", "boligstandard": "ordinær",
                             "ansvar": "bydel", "dekning": "dekket", **row})
    return path


def indicators_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    assert main(["indicators", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def fixture_rows(seed: int = 7) -> list[dict[str, Any]]:
    """60 persons in three districts, one to three assessments each, on distinct dates."""
    rng = random.Random(seed)
    rows = []
    for n in range(60):
        district = ("Alna", "Sagene", "Bjerke")[n % 3]
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 300))
        for _ in range(rng.randint(1, 3)):
            rows.append({
                "person_id": f"P{n:03d}", "bydel": district, "vurdert_dato": day.isoformat(),
                "boligsituasjon": rng.choice(SITUATIONS),
                "livskvalitet": rng.choice(["1", "2", "4", "5", "7", "vil_ikke_svare", "Ønsker ikke å svare", ""]),
                "institusjonsinntak_12m": str(rng.choice([0, 3, 9, 10, 14])),
                "kjonn": rng.choice(["kvinne", "mann", "K", "M"]), "fodselsar": str(rng.randint(1950, 2004)),
            })
            day += timedelta(days=rng.randrange(30, 200))
    return rows


def age_band(birth: int, year: int) -> str:
    """An independent reading of the age bands in tallies/data/tally.toml."""
    bands = tomllib.loads((REPO / "tallies" / "data" / "tally.toml").read_text(encoding="utf-8"))["aldersgrupper"]["grupper"]
    age = year - birth
    return next(band["navn"] for band in bands if "til" not in band or age <= band["til"])


def expected(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The indicators computed the plain way, straight from the rows."""
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_person.setdefault(row["person_id"], []).append(row)
    result: dict[str, dict[str, Any]] = {}
    for history in by_person.values():
        history.sort(key=lambda r: r["vurdert_dato"])
        last = history[-1]
        out = result.setdefault(last["bydel"], {"answers": [], "declined": 0, "cells": {}, "moves": {}})
        if last["livskvalitet"].isdigit():
            out["answers"].append(int(last["livskvalitet"]))
        elif last["livskvalitet"]:
            out["declined"] += 1
        if int(last["institusjonsinntak_12m"]) >= 10:
            sex = {"K": "kvinne", "M": "mann"}.get(last["kjonn"], last["kjonn"])
            key = (sex, age_band(int(last["fodselsar"]), int(last["vurdert_dato"][:4])))
            out["cells"][key] = out["cells"].get(key, 0) + 1
        for before, after in pairwise(history):
            if before["boligsituasjon"] in ("institusjon", "midlertidig") and after["boligsituasjon"] in PERMANENT:
                day = date.fromisoformat(after["vurdert_dato"])
                moved = result.setdefault(after["bydel"], {"answers": [], "declined": 0, "cells": {}, "moves": {}})["moves"]
                key = f"{day.year}-K{(day.month - 1) // 3 + 1}"
                moved[key] = moved.get(key, 0) + 1
    return result


def test_indicators_equal_an_independent_computation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = fixture_rows()
    found = {row["bydel"]: row for row in indicators_json(capsys, str(write_rows(tmp_path / "a.csv", rows)))}
    wanted = expected(rows)
    assert set(found) == set(wanted) == {"Alna", "Sagene", "Bjerke"}
    for district, want in wanted.items():
        got = found[district]
        answers = want["answers"]
        assert got["besvart_livskvalitet"] == len(answers) and got["vil_ikke_svare"] == want["declined"]
        assert got["andel_livskvalitet_1"] == pytest.approx(answers.count(1) / len(answers))
        assert got["snitt_livskvalitet"] == pytest.approx(sum(answers) / len(answers))
        assert got["andel_livskvalitet_1_oppnadd"] == (answers.count(1) / len(answers) * 100 < 10)
        assert got["snitt_livskvalitet_oppnadd"] == (sum(answers) / len(answers) > 4.5)
        cells = {(c["kjonn"], c["aldersgruppe"]): c["antall"] for c in got["inntak10_fordeling"]}
        assert cells == want["cells"] and got["inntak10"] == sum(want["cells"].values())
        assert {m["kvartal"]: m["antall"] for m in got["flyttinger"]} == want["moves"]
    assert sum(m["antall"] for row in found.values() for m in row["flyttinger"]) > 0  # the fixture has moves


def test_known_answers_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"person_id": f"A{i}", "bydel": "Grunerlokka", "vurdert_dato": "2024-03-01", "boligsituasjon": "ordinar_bolig",
             "livskvalitet": answer, "institusjonsinntak_12m": "12" if i == 0 else "0", "kjonn": "kvinne", "fodselsar": "2000"}
            for i, answer in enumerate(["1", "4", "7", "vil_ikke_svare", ""])]
    (row,) = indicators_json(capsys, str(write_rows(tmp_path / "b.csv", rows)))
    assert row["bydel"] == "Grünerløkka" and row["personer"] == 5
    assert (row["besvart_livskvalitet"], row["vil_ikke_svare"]) == (3, 1)
    assert row["andel_livskvalitet_1"] == pytest.approx(1 / 3) and row["snitt_livskvalitet"] == pytest.approx(4.0)
    assert row["andel_livskvalitet_1_oppnadd"] is False and row["snitt_livskvalitet_oppnadd"] is False
    assert row["inntak10_fordeling"] == [{"kjonn": "kvinne", "aldersgruppe": "under 25", "antall": 1}]


@pytest.mark.parametrize("answer", ["", "vil_ikke_svare"], ids=["no answers", "everyone declining"])
def test_no_answers_give_no_share_and_no_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str], answer: str) -> None:
    rows = [{"person_id": f"N{i}", "bydel": "Alna", "vurdert_dato": "2024-01-01", "boligsituasjon": "institusjon",
             "livskvalitet": answer, "institusjonsinntak_12m": "0", "kjonn": "mann", "fodselsar": "1980"} for i in range(4)]
    (row,) = indicators_json(capsys, str(write_rows(tmp_path / "c.csv", rows)))  # one district: one object
    assert row["besvart_livskvalitet"] == 0 and row["vil_ikke_svare"] == (4 if answer else 0)
    assert row["andel_livskvalitet_1"] is None and row["snitt_livskvalitet"] is None
    assert row["andel_livskvalitet_1_oppnadd"] is None and row["snitt_livskvalitet_oppnadd"] is None
    assert row["inntak10"] == 0 and row["flyttinger"] == []
    assert main(["indicators", str(tmp_path / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert "Hele byen" in out and "–" in out


def test_moves_from_the_store_history(tmp_path: Path, matrix: Matrix, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(str(tmp_path / "case.sqlite"))
    classifier = Classifier(matrix)
    steps = {  # person → (district, [(date, housing), ...])
        "S1": ("Stovner", [("2024-01-10", "institusjon"), ("2024-05-02", "ordinar_bolig")]),
        "S2": ("Stovner", [("2024-02-01", "midlertidig"), ("2024-04-20", "bostedslos"), ("2024-08-15", "samlokalisert_heldogn")]),
        "S3": ("Alna", [("2024-03-01", "midlertidig"), ("2024-06-30", "ordinar_bolig"), ("2024-09-01", "institusjon")]),
    }
    for person, (district, history) in steps.items():
        for day, housing in history:
            raw = {**BASELINE, "person_id": person, "bydel": district, "vurdert_dato": day, "boligsituasjon": housing,
                   "tilsynsbehov": "heldogn", "livskvalitet": 3}
            assessment = parse_assessment(raw, matrix)
            result = classifier.classify(assessment)
            decision = decide(matrix, assessment, result, 6, "trenger skjermet bolig") if person == "S3" else None
            store.record(assessment, result, decision)
    store.close()
    found = {row["bydel"]: row for row in indicators_json(capsys, "--db", str(tmp_path / "case.sqlite"))}
    assert found["Stovner"]["flyttinger"] == [{"kvartal": "2024-K2", "antall": 1}]  # S2 went via bostedsløs: no move
    assert found["Alna"]["flyttinger"] == [{"kvartal": "2024-K2", "antall": 1}]
    assert found["Stovner"]["besvart_livskvalitet"] == 2 and found["Stovner"]["snitt_livskvalitet"] == 3


def test_files_or_store_not_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators"]) == 2
    assert main(["indicators", "x.csv", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert main(["indicators", str(tmp_path / "finnes-ikke.csv")]) == 1


def test_an_unclassified_export_keeps_declining_persons_in_the_indicators(tmp_path: Path, matrix: Matrix,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "eksport.csv"
    rows = [{**BASELINE, "person_id": f"U{i}", "bydel": "Sagene", "vurdert_dato": "2024-02-01", "livskvalitet": answer}
            for i, answer in enumerate(["vil_ikke_svare", "2", "6"])]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (row,) = indicators_json(capsys, str(path))
    assert (row["personer"], row["besvart_livskvalitet"], row["vil_ikke_svare"]) == (3, 2, 1)
    assert row["snitt_livskvalitet"] == 4
    assert main(["tally", str(path), "--json"]) == 0  # declining is an answer: the need counts take all three
    assert sum(cell["antall"] for cell in json.loads(capsys.readouterr().out)) == 3
