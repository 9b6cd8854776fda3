"""Supply as of a date (dated series and Handlingsplan nr. 2's events) and need against it,
never netted: through the real commands, on the shipped matrix file."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from matrix import Matrix


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def places(supply: dict[str, Any]) -> dict[str, int]:
    return {row["kategori"]: row["plasser"] for row in supply["vel"]}


def test_supply_in_mid_2024_is_figur_4_of_the_prioslo_report(capsys: pytest.CaptureFixture[str]) -> None:
    supply = run_json(capsys, "supply", "--dato", "2024-06-30", "--json")
    assert supply["dato"] == "2024-06-30"
    assert supply["vel_total"] == 382
    assert places(supply) == {"Akutt-, utrednings- og videreformidlingsenheter": 102, "Mestringsenheter": 109, "Omsorgssentre": 63,
                              "Omsorgssenter rusfri": 22, "Ressurssentre": 58, "Forsterket bo- og behandling": 28}
    assert all("figur 4 (kap. 3.2.4)" in row["kilde"] and "HP2" not in row["kilde"] for row in supply["vel"])
    assert supply["samlokaliserte_total"] == 113
    assert {row["bydel"]: row["boliger"] for row in supply["samlokaliserte"]}["Gamle Oslo"] == 30
    assert set(supply) >= {"dato", "vel", "vel_total", "samlokaliserte", "samlokaliserte_total"}
    goal = supply["maal"][0]
    assert (goal["fra_plasser"], goal["plasser"], goal["innen"], goal["status"]) == (28, 55, 2026, "ikke oppnådd")
    assert "kap. 3.2.1" in goal["kilde"]


def test_supply_in_2026_has_the_closures_and_the_transfer(capsys: pytest.CaptureFixture[str]) -> None:
    before = places(run_json(capsys, "supply", "--dato", "2024-06-30", "--json"))
    supply = run_json(capsys, "supply", "--dato", "2026-01-01", "--json")
    after = places(supply)
    assert supply["vel_total"] == 348 == 382 - 34
    assert after["Ressurssentre"] == before["Ressurssentre"] - 26  # Haugenstua, 1 April 2025
    transfer = next(c for row in supply["vel"] for c in row["endringer"] if c["type"] == "overforing")
    assert transfer["plasser_antatt"] and transfer["plasser_kilde"].startswith("antatt:")
    moved = transfer["plasser"]
    assert after["Mestringsenheter"] == before["Mestringsenheter"] - 8 - moved  # Exit closes, Østensjøveien moves
    assert after["Omsorgssentre"] == before["Omsorgssentre"] + moved
    assert {k: v for k, v in after.items() if k not in ("Ressurssentre", "Mestringsenheter", "Omsorgssentre")} == {
        k: v for k, v in before.items() if k not in ("Ressurssentre", "Mestringsenheter", "Omsorgssentre")}


def test_supply_between_the_two_closures_has_only_the_first(capsys: pytest.CaptureFixture[str]) -> None:
    supply = run_json(capsys, "supply", "--dato", "2025-04-01", "--json")
    assert supply["vel_total"] == 382 - 26
    assert places(supply)["Mestringsenheter"] == 109


def test_before_the_first_figure_there_is_none_not_a_guess(capsys: pytest.CaptureFixture[str]) -> None:
    supply = run_json(capsys, "supply", "--dato", "2022-01-01", "--json")
    assert supply["vel_total"] is None and all(row["plasser"] is None for row in supply["vel"])
    assert supply["samlokaliserte_total"] == 73  # Tabell 4, jun.21


def test_grunerlokkas_misreported_2020_figure_is_kept_and_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    supply = run_json(capsys, "supply", "--dato", "2020-03-01", "--json")
    row = next(r for r in supply["samlokaliserte"] if r["bydel"] == "Grünerløkka")
    assert row["boliger"] == 20 and row["flagget"] and "feilrapportert" in row["merknad"]
    assert supply["samlokaliserte_total"] == 66


def test_a_bad_date_is_refused_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["supply", "--dato", "31.12.2025"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "31.12.2025" in captured.err


def test_supply_text_names_the_date_and_marks_assumed_groups(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["supply", "--dato", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Tilbud per 2026-01-01" in out and "348" in out and "6*" in out and "ikke oppnådd" in out


# -- need against supply, never netted ---------------------------------------------------------

PERSONS = {  # district → (persons in groups 4–5, others)
    "Gamle Oslo": (5, 3),  # 30 homes in jun.24: a surplus of 25
    "Alna": (10, 2),  # 4 homes: short of 6
    "Sagene": (7, 0),  # no homes: short of 7
    "St. Hanshaugen": (30, 1),  # 26 homes: short of 4
    "Bjerke": (22, 0),  # 22 homes: neither
}


def classified_file(tmp_path: Path, matrix: Matrix) -> Path:
    path = tmp_path / "klassifisert.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "bydel", "gruppe", "boligtype", "boligstandard", "ansvar", "dekning", "vurdert_dato"])
        n = 0
        for district, (in_groups, others) in PERSONS.items():
            for i in range(in_groups + others):
                group = (4, 5)[i % 2] if i < in_groups else (2, 6, 7)[i % 3]
                g = matrix.groups[group]
                n += 1
                writer.writerow([f"P{n}", district, group, g.boligtype.verdi, g.boligstandard.verdi, g.ansvar.verdi,
                                 "udekket" if i % 3 == 0 else "dekket", "2024-05-15"])
    return path


def test_unmet_need_is_the_sum_of_the_districts_shortfalls(tmp_path: Path, matrix: Matrix,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = classified_file(tmp_path, matrix)
    lines = run_json(capsys, "tally", str(source), "--udekket", "--dato", "2024-06-30", "--json")
    homes = {row["bydel"]: row["boliger"] for row in run_json(capsys, "supply", "--dato", "2024-06-30", "--json")["samlokaliserte"]}
    colocated = [line for line in lines if line["kategori"] == "samlokaliserte"]
    districts = {line["bydel"]: line for line in colocated if line["bydel"] is not None}
    (total,) = [line for line in colocated if line["bydel"] is None]
    for district, line in districts.items():
        need = PERSONS.get(district, (0, 0))[0]  # an independent count: persons in groups 4–5
        assert (line["behov"], line["tilbud"]) == (need, homes[district])
        assert line["mangel"] == max(need - homes[district], 0) and line["overskudd"] == max(homes[district] - need, 0)
        assert line["grupper"] == [4, 5] and line["antatt"] and line["tilbud_dato"] == "2024-06-30"
    shortfalls = [max(n - homes[d], 0) for d, (n, _) in PERSONS.items()]
    assert total["mangel"] == sum(line["mangel"] for line in districts.values()) == sum(shortfalls) == 6 + 7 + 4
    surpluses = [max(homes[d] - PERSONS.get(d, (0, 0))[0], 0) for d in homes]
    assert total["overskudd"] == sum(line["overskudd"] for line in districts.values()) == sum(surpluses) == 25 + 3 + 21 + 7
    assert total["behov"] - total["tilbud"] != total["mangel"]  # netting would have hidden the shortfall
    assert total["tilbud_dato"] == "2024-06-30"


def test_vel_places_are_compared_city_wide_with_their_groups(tmp_path: Path, matrix: Matrix,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = classified_file(tmp_path, matrix)
    lines = run_json(capsys, "tally", str(source), "--udekket", "--dato", "2026-01-01", "--json")
    vel = {tuple(line["grupper"]): line for line in lines if line["kategori"] != "samlokaliserte"}
    six = vel[(6,)]
    assert six["bydel"] is None and six["tilbud"] == 75 + 22 and six["antatt"]  # after the Østensjøveien transfer
    assert six["behov"] == sum(1 for _, others in PERSONS.values() for i in range(others) if (2, 6, 7)[i % 3] == 6)
    assert vel[(7,)]["tilbud"] == 28 and not vel[(7,)]["antatt"]


def test_need_tables_name_the_supply_date_and_the_assumed_mark(tmp_path: Path, matrix: Matrix,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = classified_file(tmp_path, matrix)
    assert main(["tally", str(source), "--udekket"]) == 0  # default: the latest assessment date
    out = capsys.readouterr().out
    assert "behov mot tilbud per 2024-05-15" in out and "4–5*" in out and "6*" in out
    assert "aldri" in out  # the note says a surplus is never subtracted
    assert main(["tally", str(source)]) == 0
    assert "per 2024-05-15" in capsys.readouterr().out
