"""`rusmatrise reclassify`, `tally` and `demo` as a user runs them: exit codes, summaries,
languages, another matrix version, and a run killed midway."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SHIPPED_MATRIX

FIXTURES = Path(__file__).parent / "fixtures" / "files"
REPO = Path(__file__).resolve().parents[1]


def rusmatrise(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_summary_counts_and_transitions(tmp_path: Path) -> None:
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_bom_semikolon.csv"), "-o", str(tmp_path / "ut.csv"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Rader lest: 19 = klassifisert 7 + avvist 12" in out
    assert "Tomme rader hoppet over: 1" in out
    assert "Overganger fra tidligere gruppe" in out and "G7-behandling" in out
    assert f"Avviste rader (14 feil) står i {tmp_path / 'ut.avvist.csv'}" in out
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    assert (tmp_path / "ut.csv.manifest.json").exists()


def test_english_messages(tmp_path: Path) -> None:
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_komma.csv"), "-o", str(tmp_path / "ut.csv"), "--lang", "en")
    assert "Rows read: 19 = classified 7 + rejected 12" in done.stdout
    with (tmp_path / "ut.avvist.csv").open(encoding="utf-8-sig", newline="") as file:
        rejects = list(csv.DictReader(file))
    assert rejects[0]["feil"] == "is missing (required field)"


def test_strict_exits_3_with_rejects_and_0_without(tmp_path: Path) -> None:
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_komma.csv"), "-o", str(tmp_path / "ut.csv"), "--strict")
    assert done.returncode == 3 and "--strict: 12" in done.stderr
    assert (tmp_path / "ut.csv").exists()  # the run still completed
    clean = tmp_path / "ren.csv"
    rusmatrise("demo", "-n", "50", "-o", str(clean))
    assert rusmatrise("reclassify", str(clean), "-o", str(tmp_path / "ren-ut.csv"), "--strict").returncode == 0


def test_unreadable_input_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    done = rusmatrise("reclassify", str(tmp_path / "borte.csv"), "-o", str(tmp_path / "ut.csv"))
    assert done.returncode == 1 and "Finner ikke filen" in done.stderr and done.stdout == ""
    assert not list(tmp_path.iterdir())
    bad_mapping = tmp_path / "feil.toml"
    bad_mapping.write_text('[kolonner]\n"Navn" = "fornavn"\n', encoding="utf-8")
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_komma.csv"), "-o", str(tmp_path / "ut.csv"), "--mapping", str(bad_mapping))
    assert done.returncode == 1 and "fornavn" in done.stderr


def test_missing_columns_are_named_and_mapping_fixes_them(tmp_path: Path) -> None:
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_andre_navn.csv"), "-o", str(tmp_path / "ut.csv"))
    assert done.returncode == 1 and "mangler påkrevde kolonner: person_id, bydel, tilsynsbehov" in done.stderr
    assert not (tmp_path / "ut.csv").exists()
    done = rusmatrise("reclassify", str(FIXTURES / "eksport_andre_navn.csv"), "-o", str(tmp_path / "ut.csv"),
                      "--mapping", str(FIXTURES / "kolonner.toml"))
    assert "klassifisert 7 + avvist 12" in done.stdout and done.stderr == ""


def test_another_matrix_version_shows_who_would_move(tmp_path: Path) -> None:
    """A planner's what-if: daytime staffing now means group 5. Everyone in group 4 moves to 5."""
    changed = SHIPPED_MATRIX.read_text(encoding="utf-8").replace(
        'id = "G4-dagtid"\ngruppe = 4', 'id = "G4-dagtid"\ngruppe = 5'
    ).replace('versjon = "oslo-2024.1"', 'versjon = "hva-om-1"')
    assert 'id = "G4-dagtid"\ngruppe = 5' in changed
    matrix = tmp_path / "hva-om.toml"
    matrix.write_text(changed, encoding="utf-8")
    export = tmp_path / "eksport.csv"
    rusmatrise("demo", "-n", "400", "--seed", "2", "-o", str(export))
    rusmatrise("reclassify", str(export), "-o", str(tmp_path / "na.csv"))
    # The current groups become the previous groups of the what-if run.
    with (tmp_path / "na.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    for row in rows:
        row["tidligere_gruppe"] = row["gruppe"]
    with (tmp_path / "som-tidligere.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    done = rusmatrise("reclassify", str(tmp_path / "som-tidligere.csv"), "-o", str(tmp_path / "hva-om.csv"), "--matrix", str(matrix))
    assert done.returncode == 0, done.stderr
    with (tmp_path / "hva-om.csv").open(encoding="utf-8-sig", newline="") as file:
        after = list(csv.DictReader(file, delimiter=";"))
    moved = [r for r in after if r["endring"] == "4->5"]
    assert len(moved) == sum(1 for r in rows if r["gruppe"] == "4") > 0
    assert all(r["endring"] == f"{r['tidligere_gruppe']}->{r['gruppe']}" for r in after)
    assert not any(r["gruppe"] == "4" for r in after)
    manifest = json.loads((tmp_path / "hva-om.csv.manifest.json").read_text(encoding="utf-8"))
    assert manifest["matrise"]["versjon"] == "hva-om-1" and manifest["matrise"]["sha256"] == sha256(matrix)


def big_export(path: Path, copies: int) -> None:
    """The fixture's good rows many times over, each copy with its own person_ids."""
    with (FIXTURES / "eksport_komma.csv").open(encoding="utf-8", newline="") as file:
        rows = [r for r in csv.DictReader(file) if r["forventet"] == "ok"]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(copies):
            for n, row in enumerate(rows):
                writer.writerow({**row, "person_id": f"K{copy}-{n}"})


def test_killed_midway_leaves_no_output_or_a_complete_one_and_the_input_unchanged(tmp_path: Path) -> None:
    export = tmp_path / "stor.csv"
    big_export(export, 40_000)  # 280 000 rows: a few seconds of work
    before = sha256(export)
    output = tmp_path / "ut.csv"
    process = subprocess.Popen([sys.executable, "-m", "cli", "reclassify", str(export), "-o", str(output)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 60
    temporary = tmp_path / f".ut.csv.{process.pid}.tmp"
    while time.monotonic() < deadline and not (temporary.exists() and temporary.stat().st_size > 1_000_000):
        time.sleep(0.02)
    assert temporary.exists(), "the run writes to a temporary file first"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert sha256(export) == before
    assert not output.exists()
    assert not (tmp_path / "ut.avvist.csv").exists() and not (tmp_path / "ut.csv.manifest.json").exists()
    # Run to the end: the output is then complete, and a re-run leaves it byte for byte the same.
    assert rusmatrise("reclassify", str(export), "-o", str(output)).returncode == 0
    with output.open(encoding="utf-8-sig", newline="") as file:
        assert sum(1 for _ in csv.reader(file)) == 280_000 + 1
    first = sha256(output)
    rusmatrise("reclassify", str(export), "-o", str(output))
    assert sha256(output) == first and sha256(export) == before


def test_demo_is_reproducible_and_valid(tmp_path: Path) -> None:
    for name in ("a.csv", "b.csv"):
        assert rusmatrise("demo", "-n", "300", "--seed", "9", "-o", str(tmp_path / name)).returncode == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    done = rusmatrise("reclassify", str(tmp_path / "a.csv"), "-o", str(tmp_path / "ut.jsonl"), "--strict")
    assert done.returncode == 0 and "klassifisert 300 + avvist 0" in done.stdout
    assert rusmatrise("demo", "-n", "20", "-o", str(tmp_path / "d.xlsx")).returncode == 0
    assert rusmatrise("demo", "-n", "20", "-o", str(tmp_path / "d.jsonl")).returncode == 0
    assert len((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()) == 20


def test_tally_json_by_any_keys_and_from_several_files(tmp_path: Path) -> None:
    rusmatrise("demo", "-n", "500", "--seed", "1", "-o", str(tmp_path / "a.csv"))
    rusmatrise("demo", "-n", "300", "--seed", "2", "-o", str(tmp_path / "b.jsonl"))
    done = rusmatrise("tally", str(tmp_path / "a.csv"), str(tmp_path / "b.jsonl"), "--json", "--by", "bydel,gruppe")
    assert done.returncode == 0, done.stderr
    cells = json.loads(done.stdout)
    assert sum(c["antall"] for c in cells) == 800 and set(cells[0]) == {"bydel", "gruppe", "antall"}
    assert isinstance(cells[0]["gruppe"], int) and cells[0]["bydel"] == "Gamle Oslo"
    done = rusmatrise("tally", str(tmp_path / "a.csv"), "--json", "--by", "dekning", "--publish")
    published = json.loads(done.stdout)  # SPEC 6b: every table published together, cells with their filters
    assert [table["navn"] for table in published["tabeller"]] == ["tabell", "totalt"]
    cells = [c for table in published["tabeller"] for c in table["celler"]]
    assert all(c["antall"] in ("<5", "x") or c["antall"] == 0 or c["antall"] >= 5 for c in cells)
    assert {"dekning": "udekket", "antall": next(c["antall"] for c in cells if c.get("dekning") == "udekket")} in cells


def test_tally_text_files_and_errors(tmp_path: Path) -> None:
    rusmatrise("demo", "-n", "200", "-o", str(tmp_path / "a.csv"))
    done = rusmatrise("tally", str(tmp_path / "a.csv"), "--publish")
    assert done.returncode == 0 and "Samlokaliserte boliger: behov mot tilbud per" in done.stdout and "<5 = 1–4 personer" in done.stdout
    done = rusmatrise("tally", str(tmp_path / "a.csv"), "-o", str(tmp_path / "t.xlsx"), "--lang", "en")
    assert done.returncode == 0 and (tmp_path / "t.xlsx").exists() and "Wrote" in done.stdout
    assert rusmatrise("tally", str(tmp_path / "a.csv"), "--by", "bydel,skostørrelse").returncode == 2
    assert rusmatrise("tally").returncode == 2
    assert rusmatrise("tally", str(tmp_path / "borte.csv")).returncode == 1
    assert rusmatrise("tally", str(tmp_path / "a.csv"), "-o", str(tmp_path / "t.pdf")).returncode == 1
    done = rusmatrise("tally", str(FIXTURES / "eksport_komma.csv"))
    assert "12 rader er ikke talt" in done.stderr


def test_tally_from_the_case_store_equals_tally_from_its_export(tmp_path: Path) -> None:
    from casefiles.demo import demo_rows
    from casestore import open_store
    from casestore.demo import fill_demo
    from matrix.load import load_matrix

    db = tmp_path / "saker.db"
    with open_store(str(db)) as store:
        assert fill_demo(store, load_matrix(), n=300, seed=5) == 300
    from_db = rusmatrise("tally", "--db", str(db), "--json", "--by", "bydel,gruppe,dekning")
    assert from_db.returncode == 0, from_db.stderr
    # The same persons as an export (the store's demo caseload is drawn row by row; `rusmatrise
    # demo` draws its own a column at a time).
    rows = list(demo_rows(300, 5, load_matrix()))
    with (tmp_path / "samme.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    from_file = rusmatrise("tally", str(tmp_path / "samme.csv"), "--json", "--by", "bydel,gruppe,dekning")
    assert json.loads(from_db.stdout) == json.loads(from_file.stdout)


def test_tally_db_that_does_not_exist_is_an_error_not_an_empty_store(tmp_path):
    missing = tmp_path / "skrivefeil.sqlite"
    done = rusmatrise("tally", "--db", str(missing))
    assert done.returncode == 1 and "finnes ikke" in done.stderr
    assert not missing.exists()
