"""Terminal injection through the command line (issue 7, class 5).

ANSI/OSC escape sequences (an OSC retitles the terminal window, CSI moves the cursor or clears
the screen), C1 controls and bidirectional overrides in an assessment, an export or a matrix
file never reach the terminal as such; markup in a matrix file is shown as it is, and JSON
keeps every value exactly (as \\u escapes)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASELINE, SHIPPED_MATRIX

from casefiles.demo import demo_rows
from matrix.load import Matrix

REPO = Path(__file__).resolve().parents[1]
OSC = "\x1b]0;overtatt\x07"
CSI = "\x1b[2J\x1b[31m"
C1 = "\x9b31m"
BIDI = "\u202eevil"
HOSTILE = f"{OSC}{CSI}x{C1}{BIDI}"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def rusmatrise(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], input=stdin, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    for stream in (done.stdout, done.stderr):
        assert not any(c in stream for c in RAW), repr(stream[:400])


def test_classify_text_and_json_from_a_hostile_matrix(tmp_path: Path) -> None:
    path = hostile_matrix(tmp_path)
    person = json.dumps({**BASELINE, "person_id": f"P-{HOSTILE}", "brukers_onske": HOSTILE})
    done = rusmatrise("classify", "--tekst", "--matrix", str(path), stdin=person)
    assert done.returncode == 0, done.stderr
    assert "[/][bold]Klarer" in done.stdout
    assert_clean(done)
    done = rusmatrise("classify", "--matrix", str(path), stdin=person)
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    assert json.loads(done.stdout)["navn"].startswith("[/][bold]Klarer[@click=app.quit] \x1b]0;x\x07seg")  # JSON keeps it exactly


def test_an_error_message_that_quotes_a_hostile_value() -> None:
    done = rusmatrise("classify", stdin=json.dumps({**BASELINE, "bydel": f"Alna{HOSTILE}", "boevne": f"9{OSC}"}))
    assert done.returncode == 2 and "bydel" in done.stderr
    assert_clean(done)


def hostile_matrix(folder: Path) -> Path:
    text = SHIPPED_MATRIX.read_text(encoding="utf-8")
    hostile = "[/][bold]Klarer[@click=app.quit] \\u001b]0;x\\u0007seg i ordinær bolig"
    text = text.replace('verdi = "Klarer seg i ordinær bolig', f'verdi = "{hostile}', 1)
    path = folder / "fiendtlig.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_matrix_chain_and_check_show_a_hostile_matrix_file_as_it_is(tmp_path: Path) -> None:
    path = hostile_matrix(tmp_path)
    done = rusmatrise("matrix", "--matrix", str(path))
    assert done.returncode == 0, done.stderr
    assert "[/][bold]" in done.stdout  # as it is (the table folds the rest of the name)
    assert_clean(done)
    done = rusmatrise("chain", "1", "--matrix", str(path))
    assert done.returncode == 0, done.stderr
    assert "[/][bold]Klarer" in done.stdout
    assert_clean(done)
    assert_clean(rusmatrise("check", "--matrix", str(path)))
    done = rusmatrise("matrix", "--json", "--matrix", str(path))
    assert json.loads(done.stdout)[0]["navn"].startswith("[/][bold]Klarer[@click=app.quit] \x1b]0;x\x07seg")
    assert_clean(done)


def test_reclassify_and_tally_with_escapes_in_the_file_and_its_name(tmp_path: Path, matrix: Matrix) -> None:
    rows = list(demo_rows(40, 4, matrix))
    rows[0]["brukers_onske"] = HOSTILE
    rows[1]["boevne"] = f"7{OSC}"  # rejected, the value quoted in the rejects file only
    rows[2]["bydel"] = f"Mars{CSI}"
    export = tmp_path / f"eksport{OSC}.csv"
    with export.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(list(rows[0]))
        writer.writerows(row.values() for row in rows)
    done = rusmatrise("reclassify", str(export), "-o", str(tmp_path / "ut.csv"))
    assert done.returncode == 0, done.stderr
    assert_clean(done)
    for args in ([], ["--publish"], ["--json"], ["--publish", "--json"], ["-o", str(tmp_path / f"t{CSI}.pdf")]):
        assert_clean(rusmatrise("tally", str(export), *args))
    assert_clean(rusmatrise("tally", str(tmp_path / f"borte{OSC}.csv")))


@pytest.mark.parametrize("args", [["tally", "--db", "{}.sqlite"], ["verify", "--db", "{}.sqlite"], ["innsyn", "P1", "--db", "{}.sqlite"],
                                  ["classify", "--matrix", "{}.toml"], ["tui", "--db", "{}.sqlite"]])
def test_error_messages_naming_a_hostile_file_name(args: list[str], tmp_path: Path) -> None:
    """Messages from the error boundary quote the file the user named: shown, never obeyed."""
    done = rusmatrise(*[arg.format(tmp_path / f"borte{OSC}{C1}") for arg in args], stdin="")
    assert done.returncode != 0 and "borte" in done.stderr
    assert_clean(done)
