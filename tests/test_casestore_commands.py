"""The store's commands on both backends: import, tally --db and verify, end to end through
`rusmatrise`, and tampering done past the database's guards found by verify."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from casestore import CaseFilter, open_store
from cli.main import main
from tests.conftest import REPO

EXPORT = REPO / "tests" / "fixtures" / "files" / "eksport_komma.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_tally_and_verify_through_the_command(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", str(EXPORT), "--db", store_url, "--lang", "en")
    assert code == 0, err
    saved = int(out.split("Assessments saved: ")[1].split(",")[0])
    assert saved > 0
    code, out, _ = run(capsys, "import", str(EXPORT), "--db", store_url, "--lang", "en")
    assert code == 0 and out.startswith("Assessments saved: 0,") and f"already present: {saved}" in out
    code, out, _ = run(capsys, "tally", "--db", store_url, "--json", "--by", "gruppe")
    assert code == 0
    with open_store(store_url, create=False) as store:
        persons = store.person_count()
        actor = store.identity().user
        assert {e.actor for e in store.audit_log("assessments")} == {actor}
    assert sum(cell["antall"] for cell in json.loads(out)) == persons
    code, out, _ = run(capsys, "verify", "--db", store_url, "--lang", "en")
    assert code == 0 and "intact" in out


def test_import_of_a_missing_file_is_exit_1(store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.csv"), "--db", store_url, "--lang", "en")
    assert code == 1 and "nope.csv" in err


def test_verify_finds_tampering_by_the_postgres_superuser(pg_cluster, capsys: pytest.CaptureFixture[str]) -> None:
    db = pg_cluster.new_database()
    url = pg_cluster.url(db)
    assert run(capsys, "import", str(EXPORT), "--db", url)[0] == 0
    assert run(capsys, "verify", "--db", url)[0] == 0
    # The owner can switch the guards off; the chain still tells.
    pg_cluster.sql(db, "ALTER TABLE decisions DISABLE TRIGGER USER")  # nothing to change there: still intact
    assert run(capsys, "verify", "--db", url)[0] == 0
    pg_cluster.sql(db, "ALTER TABLE assessments DISABLE TRIGGER USER")
    pg_cluster.sql(db, "UPDATE assessments SET gruppe = 7 WHERE id = 5")
    code, _, err = run(capsys, "verify", "--db", url, "--lang", "en")
    assert code == 1 and "assessments id 5" in err and "changed" in err


def test_verify_finds_an_edited_audit_row_on_postgres(pg_cluster, capsys: pytest.CaptureFixture[str]) -> None:
    db = pg_cluster.new_database()
    url = pg_cluster.url(db)
    assert run(capsys, "import", str(EXPORT), "--db", url)[0] == 0
    pg_cluster.sql(db, "ALTER TABLE audit_log DISABLE TRIGGER USER")
    pg_cluster.sql(db, "UPDATE audit_log SET actor = 'noen andre' WHERE id = 3")
    code, _, err = run(capsys, "verify", "--db", url, "--lang", "en")
    assert code == 1 and "audit_log id 3" in err


def test_backup_restore_verify_round_trip(store_url: str, tmp_path: Path, pg_cluster, capsys: pytest.CaptureFixture[str]) -> None:
    """backup → restore into a new, empty store (SQLite and PostgreSQL, either way) → verify, with
    the same chain head; a restore into a store that holds anything is refused."""
    assert run(capsys, "import", str(EXPORT), "--db", store_url)[0] == 0
    with open_store(store_url, create=False) as store:
        store.move_person(store.caseload(CaseFilter())[0].person_id, "Alna", "flyttet")
        store.save_draft("UTKAST-1", "Alna", {"person_id": "UTKAST-1", "bydel": "Alna", "rus": "4"})
        _, head = store.verify()
        persons = store.person_count()
    backup = tmp_path / "kopi" / "backup.json"
    code, out, err = run(capsys, "backup", "--db", store_url, "-o", str(backup))
    assert code == 0, err
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    for target in (str(tmp_path / "restored.sqlite"), pg_cluster.url(pg_cluster.new_database())):
        code, out, err = run(capsys, "restore", str(backup), "--db", target, "--lang", "en")
        assert code == 0, err
        assert head.head in out
        with open_store(target, create=False) as restored:
            assert restored.person_count() == persons
            assert restored.verify() == (None, head)
            assert restored.open_draft("UTKAST-1").data["rus"] == "4"  # drafts are history too
        code, _, err = run(capsys, "restore", str(backup), "--db", target, "--lang", "en")
        assert code == 1 and "empty" in err
        assert run(capsys, "import", str(EXPORT), "--db", target)[0] == 0  # the restored store takes new writes on its chain
        assert run(capsys, "verify", "--db", target)[0] == 0


def test_restore_refuses_a_file_that_is_not_a_backup(store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"format": "something else"}', encoding="utf-8")
    code, _, err = run(capsys, "restore", str(bogus), "--db", store_url, "--lang", "en")
    assert code == 1 and "not a rusmatrise backup" in err


def test_innsyn_gives_the_whole_record_every_version(store_url: str, tmp_path: Path, matrix, classifier, person, capsys) -> None:
    from casestore import decide
    from matrix.assessment import parse_assessment

    with open_store(store_url) as store:
        first = parse_assessment(person(tilsynsbehov="daglig", vurdert_dato="2024-01-05"), matrix)
        result = classifier.classify(first)
        store.record(first, result, decide(matrix, first, result, 4, "trenger base"))
        corrected = parse_assessment(person(tilsynsbehov="dagtid", vurdert_dato="2024-01-05"), matrix)  # a correction
        store.record(corrected, classifier.classify(corrected))
    code, out, err = run(capsys, "innsyn", "P-0001", "--db", store_url, "--json")
    assert code == 0, err
    record = json.loads(out)
    assert record["bydel"] == "Alna" and [m["to_bydel"] for m in record["flyttinger"]] == ["Alna"]
    assert [a["opplysninger"]["tilsynsbehov"] for a in record["kartlegginger"]] == ["daglig", "dagtid"]
    decision = record["kartlegginger"][0]["beslutninger"][0]
    assert decision["begrunnelse_for_avvik"] == "trenger base"
    # who: the store's identity; a database login (PostgreSQL) is verified, an OS user (SQLite) is not, and says so
    verified = store_url.startswith("postgresql")
    assert decision["saksbehandler"] == record["kartlegginger"][0]["registrert_av"] == store.identity().user
    assert decision["saksbehandler_verifisert"] is record["kartlegginger"][1]["registrert_av_verifisert"] is verified
    document = tmp_path / "innsyn.txt"
    assert run(capsys, "innsyn", "P-0001", "--db", store_url, "-o", str(document), "--lang", "en")[0] == 0
    text = document.read_text(encoding="utf-8")
    assert "Assessment 1 of 2" in text and "Assessment 2 of 2" in text and "(trenger base)" in text and "Nothing is overwritten" in text
    assert (f"by {store.identity().user} (OS user, unverified)" in text) is not verified
    assert stat.S_IMODE(document.stat().st_mode) == 0o600
    code, _, err = run(capsys, "innsyn", "P-9999", "--db", store_url, "--lang", "en")
    assert code == 1 and "Found nothing about P-9999" in err


def test_tally_from_the_store_takes_its_supply_date_from_the_assessments_as_from_files(
    store_url: str, tmp_path: Path, matrix, classifier, person, capsys
) -> None:
    """SPEC 5/6: the supply date is --dato, else the end of the assessments' date range. The store
    carries each person's assessment date, so `tally --db` picks the same date as the same rows in a file."""
    from matrix.assessment import parse_assessment

    rows = [person(person_id="P-1", tilsynsbehov="heldogn", vurdert_dato="2024-06-30"),
            person(person_id="P-2", bydel="Stovner", tilsynsbehov="dagtid", vurdert_dato="2023-02-01")]
    with open_store(store_url) as store:
        for row in rows:
            assessment = parse_assessment(row, matrix)
            store.record(assessment, classifier.classify(assessment))
    export = tmp_path / "eksport.csv"
    fields = list(rows[0])
    export.write_text("\n".join([";".join(fields), *(";".join(str(r[f]) for f in fields) for r in rows)]) + "\n", encoding="utf-8")

    def supply_dates(*source: str) -> set[str]:
        code, out, err = run(capsys, "tally", *source, "--udekket", "--json")
        assert code == 0, err
        return {line["tilbud_dato"] for line in json.loads(out)}

    assert supply_dates("--db", store_url) == supply_dates(str(export)) == {"2024-06-30"}
    assert supply_dates("--db", store_url, "--dato", "2026-01-01") == {"2026-01-01"}


def test_names_from_an_sqlite_store_stay_unverified_when_restored_into_postgres(
    tmp_path: Path, pg_cluster, matrix, classifier, person, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving from an SQLite file to the shared store by backup and restore must not turn an OS
    user's name into a checked login: those rows keep the mark, rows written afterwards have none."""
    from casestore import decide
    from matrix.assessment import parse_assessment

    monkeypatch.setattr("casestore.sqlite.os_user", lambda: "kari")
    local = str(tmp_path / "lokal.sqlite")
    with open_store(local) as store:
        first = parse_assessment(person(tilsynsbehov="daglig"), matrix)
        result = classifier.classify(first)
        store.record(first, result, decide(matrix, first, result, 4, "trenger base"))
    backups = [tmp_path / "fra-sqlite.json", tmp_path / "fra-postgres.json"]
    assert run(capsys, "backup", "--db", local, "-o", str(backups[0]))[0] == 0
    shared, again = pg_cluster.url(pg_cluster.new_database()), pg_cluster.url(pg_cluster.new_database())
    assert run(capsys, "restore", str(backups[0]), "--db", shared)[0] == 0
    with open_store(shared) as store:
        later = parse_assessment(person(tilsynsbehov="dagtid"), matrix)
        store.record(later, classifier.classify(later))
        login = store.identity().user
    assert run(capsys, "backup", "--db", shared, "-o", str(backups[1]))[0] == 0
    assert run(capsys, "restore", str(backups[1]), "--db", again)[0] == 0
    for url in (shared, again):
        with open_store(url) as store:
            history = store.history("P-0001")
            assert [(a.recorded_by, a.verified) for a in history] == [("kari", False), (login, True)]
            assert [(d.caseworker, d.verified) for d in history[0].decisions] == [("kari", False)]
            marks = {(e.actor, e.verified) for e in store.audit_log()}
            assert ("kari", True) not in marks and ("kari", False) in marks and (login, True) in marks
            assert store.verify()[0] is None
        code, out, _ = run(capsys, "innsyn", "P-0001", "--db", url)
        assert code == 0 and "av kari (OS-bruker, ikke verifisert)" in out and f"av {login}:" in out
