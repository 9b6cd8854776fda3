"""Access on the shared PostgreSQL store is the database's: roles, grants and row-level security.

A caseworker of Alna must not read, count or infer a Stovner person through any path: the
store's API (caseload, search, history, tallies, import) and plain SQL as that login, over
every table and view the login can read. A planner sees no raw person id; VEL sees only the
persons referred to it. Who did what is the login, whatever the client writes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from casestore import CaseFilter, StoreError, decide, open_store
from casestore.importer import import_file
from casestore.postgres import PostgresStore
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier

STOVNER_IDS = ("STO-1", "STO-2")


class Site:
    """One shared database with a caseworker in Alna and one in Stovner, VEL, a planner and an admin."""

    def __init__(self, cluster: Any, db: str, key: str) -> None:
        self.cluster = cluster
        self.db = db
        self.key = key
        suffix = uuid.uuid4().hex[:6]
        self.users = {
            "alna": f"alna_{suffix}",
            "stovner": f"stovner_{suffix}",
            "vel": f"vel_{suffix}",
            "plan": f"plan_{suffix}",
            "admin": f"admin_{suffix}",
        }

    def url(self, who: str | None = None) -> str:
        return self.cluster.url(self.db, user=self.users[who] if who else None)

    def store(self, who: str) -> PostgresStore:
        opened = open_store(self.url(who))
        assert isinstance(opened, PostgresStore)
        return opened

    def sql(self, who: str, statement: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.url(who), autocommit=True) as conn:
            cur = conn.execute(statement)
            return list(cur.fetchall()) if cur.description else []


@pytest.fixture
def site(pg_cluster: Any, matrix: Matrix, classifier: Classifier, person: Callable[..., dict[str, Any]]) -> Site:
    db = pg_cluster.new_database()
    key = uuid.uuid4().hex
    key_file = pg_cluster.dir / f"pseudonym-{db}.key"
    key_file.write_text(key + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(key_file, "postgres")
    os.chmod(key_file, 0o600)
    here = Site(pg_cluster, db, key)
    assert main(["db", "init", "--db", here.url(), "--nokkelfil", str(key_file)]) == 0
    for who, role, bydel in (
        ("alna", "saksbehandler", "alna"),
        ("stovner", "saksbehandler", "11"),
        ("vel", "vel", None),
        ("plan", "planlegger", None),
        ("admin", "admin", None),
    ):
        argv = ["db", "user", "add", here.users[who], "--role", role, "--db", here.url()]
        assert main([*argv, "--bydel", bydel] if bydel else argv) == 0

    def save(who: str, decided: int | None = None, **changes: Any) -> None:
        assessment = parse_assessment(person(**changes), matrix)
        result = classifier.classify(assessment)
        decision = decide(matrix, assessment, result, decided, "vurdert") if decided else None
        with here.store(who) as store:
            store.record(assessment, result, decision)

    save("stovner", person_id="STO-1", bydel="Stovner", tilsynsbehov="ukentlig")
    save("stovner", person_id="STO-2", bydel="Stovner", tilsynsbehov="heldogn", behandlingsbehov="ja")  # group 7: VEL
    save("alna", person_id="ALN-1", bydel="Alna", tilsynsbehov="daglig")
    save("alna", decided=6, person_id="ALN-2", bydel="Alna", tilsynsbehov="dagtid")  # decided 6: VEL
    return here


def _everything_readable(site: Site, who: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table and view in the schema that `who` may SELECT from."""
    relations = site.sql(
        who,
        """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p') AND has_table_privilege(c.oid, 'SELECT')""",
    )
    return {name: site.sql(who, f'SELECT * FROM "{name}"') for (name,) in relations}


def _mentions(rows: dict[str, list[tuple[Any, ...]]], needles: tuple[str, ...]) -> list[str]:
    return [f"{table}: {row}" for table, found in rows.items() for row in found if any(n in repr(row) for n in needles)]


def test_alna_sees_no_stovner_person_through_the_store(site: Site) -> None:
    with site.store("alna") as alna:
        assert alna.identity().role == "saksbehandler" and alna.identity().bydel == "Alna"
        assert [r.person_id for r in alna.caseload(CaseFilter())] == ["ALN-1", "ALN-2"]
        assert alna.caseload_count(CaseFilter()) == 2
        assert alna.caseload(CaseFilter(search="STO")) == [] and alna.caseload_count(CaseFilter(bydel="Stovner")) == 0
        assert alna.person_count() == 2
        assert alna.history("STO-1") == [] and alna.latest_assessment("STO-2") is None
        assert alna.person_district("STO-1") is None
        assert alna.districts_in_use() == ["Alna"]
        assert sorted(r["bydel"] for r in alna.tally_records()) == ["Alna", "Alna"]
        with pytest.raises(StoreError):
            alna.audit_log()  # the audit log (with every person id) is the admin's
        from casestore.innsyn import person_record

        with pytest.raises(StoreError):
            person_record(alna, "STO-1")  # no innsyn export of another district's person either
        assert person_record(alna, "ALN-1")["bydel"] == "Alna"
        breach = None
        with pytest.raises(StoreError):
            breach = alna.verify()
        assert breach is None


def test_alna_cannot_write_for_stovner(site: Site, matrix: Matrix, classifier: Classifier, person, tmp_path: Path) -> None:
    export = tmp_path / "eksport.csv"
    fields = list(person())
    rows = [person(person_id="ALN-9", bydel="Alna"), person(person_id="STO-9", bydel="Stovner"), person(person_id="STO-1", bydel="Alna")]
    export.write_text(
        "\n".join([";".join(fields), *(";".join(str(r[f]) for f in fields) for r in rows)]) + "\n",
        encoding="utf-8",
    )
    with site.store("alna") as alna:
        report = import_file(alna, export, matrix)
    # A row of another district is refused, whether or not that district has the person; an id
    # Stovner holds, assessed in Alna, is Alna's own new record, as any new id would be.
    assert report.saved == 2, report
    assert [(r.rad, r.person_id, r.felt) for r in report.rejects] == [(2, "STO-9", "bydel")]
    with site.store("alna") as alna:
        assert [r.person_id for r in alna.caseload(CaseFilter())] == ["ALN-1", "ALN-2", "ALN-9", "STO-1"]
        assert [(a.data["bydel"], a.data["tilsynsbehov"]) for a in alna.history("STO-1")] == [("Alna", "ingen")]  # Alna's only
        assessment = parse_assessment(person(person_id="STO-1", bydel="Stovner"), matrix)
        with pytest.raises(StoreError):
            alna.record(assessment, classifier.classify(assessment))
    with site.store("stovner") as stovner:
        assert [(a.data["bydel"], a.data["tilsynsbehov"]) for a in stovner.history("STO-1")] == [("Stovner", "ukentlig")]  # untouched


def _outcome(call: Callable[[], object]) -> str:
    try:
        call()
    except StoreError as error:
        return f"refused: {error.kode}: {error.message('en')}"
    return "done"


def test_what_alna_writes_answers_alike_whether_stovner_has_the_person_or_not(
    site: Site, matrix: Matrix, classifier: Classifier, person
) -> None:
    """No write of Alna's tells an id Stovner holds from an id nobody holds: saving, importing,
    moving and reading back give the same answers for STO-2 (Stovner's) as for NEW-1 (no one's)."""

    def save(person_id: str, bydel: str = "Alna") -> Callable[[], object]:
        assessment = parse_assessment(person(person_id=person_id, bydel=bydel, tilsynsbehov="daglig"), matrix)
        return lambda: alna.record(assessment, classifier.classify(assessment))

    with site.store("alna") as alna:
        answers = {}
        for pid in ("STO-2", "NEW-1"):
            answers[pid] = (
                _outcome(lambda pid=pid: alna.move_person(pid, "Alna", "tar over")),  # not Alna's to move: refused alike
                _outcome(save(pid, "Stovner")),  # another district: refused alike
                _outcome(save(pid)),  # Alna's own record: made alike
                _outcome(save(pid)),  # and written to again alike
                [(a.data["bydel"], a.data["tilsynsbehov"]) for a in alna.history(pid)],
                [(m["from_bydel"], m["to_bydel"]) for m in alna.moves(pid)],
                alna.person_district(pid),
                _outcome(lambda pid=pid: alna.move_person(pid, "Alna", "allerede her")),  # Alna's own now: allowed alike
            )
        assert answers["STO-2"] == answers["NEW-1"], answers
        assert answers["NEW-1"][0].startswith("refused") and answers["NEW-1"][2] == "done"
        assert answers["NEW-1"][6] == "Alna"
    with site.store("stovner") as stovner:  # Stovner's record is as it was, and Stovner cannot tell Alna has one
        assert [(a.data["bydel"], a.data["tilsynsbehov"]) for a in stovner.history("STO-2")] == [("Stovner", "heldogn")]
        assert stovner.person_district("STO-2") == "Stovner" and "NEW-1" not in [r.person_id for r in stovner.caseload(CaseFilter())]
    with site.store("admin") as admin:  # the city sees one person STO-2, by the latest of both districts' assessments
        assert [r.person_id for r in admin.caseload(CaseFilter(search="STO-2"))] == ["STO-2"]
        assert sorted(a.data["bydel"] for a in admin.history("STO-2")) == ["Alna", "Alna", "Stovner"]
        assert admin.person_count() == 5 and admin.caseload_count(CaseFilter()) == 5
        assert sum(1 for _ in admin.tally_records()) == 5
        assert admin.verify()[0] is None
    with site.store("plan") as planner:
        assert sum(1 for _ in planner.tally_records()) == 5  # one person, counted once, for planners too


def test_direct_sql_as_alna_holds_no_other_districts_person(site: Site) -> None:
    readable = _everything_readable(site, "alna")
    assert {"persons", "assessments", "decisions", "person_moves"} <= set(readable)
    assert "audit_log" not in readable and "app_users" not in readable and "planner_records" not in readable
    assert _mentions(readable, STOVNER_IDS) == []
    assert _mentions(readable, ("Stovner",)) == []
    assert sorted(r[1] for r in readable["persons"]) == ["ALN-1", "ALN-2"]
    for statement in (
        "UPDATE assessments SET gruppe = 1",
        "DELETE FROM decisions",
        "TRUNCATE person_moves",
        "INSERT INTO audit_log(id, at, actor, action, table_name, details) VALUES (999, 'x', 'x', 'x', 'x', '{}')",
        "SELECT rm_person_bydel(1)",
        "SELECT * FROM rm_planner_records()",
        "SELECT * FROM rm_planner_history()",
        "SELECT audit_append('x', 'x', 'x', 'x', 1, 'x', 'x')",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            site.sql("alna", statement)
    # probing by id says nothing either: every id not Alna's reads alike
    probes = site.sql("alna", "SELECT i, rm_sees_person(i) FROM generate_series(1, 20) i")
    assert sum(1 for _, seen in probes if seen) == 2


def test_vel_sees_referred_persons_across_districts_only(site: Site) -> None:
    with site.store("vel") as vel:
        assert [r.person_id for r in vel.caseload(CaseFilter())] == ["ALN-2", "STO-2"]
    readable = _everything_readable(site, "vel")
    assert _mentions(readable, ("STO-1", "ALN-1")) == []


def test_a_planner_sees_counts_and_pseudonyms_never_a_person_id(site: Site) -> None:
    with site.store("plan") as planner:
        assert sorted(r["bydel"] for r in planner.tally_records()) == ["Alna", "Alna", "Stovner", "Stovner"]
        with pytest.raises(StoreError):
            planner.caseload(CaseFilter())
    readable = _everything_readable(site, "plan")
    assert set(readable) == {"planner_records", "schema_migrations"}
    assert _mentions(readable, ("ALN-", "STO-")) == []
    expected = sorted(hmac.new(site.key.encode(), pid.encode(), hashlib.sha256).hexdigest() for pid in ("ALN-1", "ALN-2", *STOVNER_IDS))
    assert sorted(r[0] for r in readable["planner_records"]) == expected  # keyed with the file's key, not stored in the database
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        site.sql("plan", "SELECT rm_pseudonym('ALN-1')")  # no oracle to hash guessed ids with
    tables = site.cluster.sql(site.db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    for (table,) in tables:  # the key is in no table (only the path of its file is)
        assert site.key not in repr(site.cluster.sql(site.db, f'SELECT * FROM "{table}"'))


def test_who_did_it_is_the_login(site: Site) -> None:
    # Past the application, straight SQL as Alna's login naming someone else: the database
    # stamps the login over whatever the client wrote.
    aid = site.sql("alna", "SELECT id FROM assessments ORDER BY id LIMIT 1")[0][0]
    site.sql(
        "alna",
        "INSERT INTO decisions(assessment_ref, suggested_gruppe, suggested_regel, final_gruppe, reason, caseworker, decided_at,"
        f" matrise_versjon, boligtype, boligstandard, ansvar, dekning) VALUES ({aid}, 3, 'G3-daglig', 3, NULL, 'typed by hand',"
        " '2025-01-01T00:00:00+00:00', 'v', 'ordinær bolig', 'ordinær', 'bydel', 'ukjent')",
    )
    with site.store("admin") as admin:
        audit = admin.audit_log()
        history = admin.history("ALN-2")
        assert admin.verify()[0] is None
    by_table = {(e.table_name, e.details.get("person_id")): e.actor for e in audit}
    assert by_table[("assessments", "ALN-1")] == site.users["alna"]
    assert by_table[("assessments", "STO-1")] == site.users["stovner"]
    assert history[0].recorded_by == site.users["alna"] and history[0].decisions[0].caseworker == site.users["alna"]
    assert history[0].verified and history[0].decisions[0].verified  # a database login: shown without the unverified mark
    assert all(e.verified for e in audit)
    with site.store("admin") as admin:
        typed = [d for a in admin.history("ALN-1") for d in a.decisions]
    assert [d.caseworker for d in typed] == [site.users["alna"]]
    assert "typed by hand" not in repr(audit) and "typed by hand" not in repr(typed)


def test_a_move_between_districts_is_an_audited_hand_over(site: Site) -> None:
    with site.store("stovner") as stovner:
        with pytest.raises(StoreError):
            stovner.move_person("STO-1", "Alna", "  ")
        stovner.move_person("STO-1", "Alna", "flyttet til Furuset")
        assert stovner.history("STO-1") == []
    with site.store("alna") as alna:
        assert len(alna.history("STO-1")) == 1 and alna.person_district("STO-1") == "Alna"
    with site.store("admin") as admin:
        moves = [e for e in admin.audit_log("person_moves") if e.details.get("to_bydel") == "Alna" and e.details.get("from_bydel")]
        assert [(m.actor, m.details["from_bydel"], m.details["reason"]) for m in moves] == [
            (site.users["stovner"], "Stovner", "flyttet til Furuset")
        ]
        assert admin.verify()[0] is None


def test_the_tui_on_postgres_shows_who_is_logged_in_and_only_their_district(site: Site, matrix: Matrix) -> None:
    import asyncio

    from tests.tui_pilot import SIZE, TODAY, screen_text
    from tui.app import RusmatriseApp

    async def scenario() -> None:
        with site.store("alna") as alna:
            app = RusmatriseApp(alna, matrix, lang="nb", today=TODAY, theme="textual-dark", cursor_blink=False)
            async with app.run_test(size=SIZE) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                text = screen_text(app)
                assert f"Innlogget: {site.users['alna']} · saksbehandler · Alna" in text
                assert "ALN-1" in text and "ALN-2" in text and "STO-" not in text
                assert app.identity.user == site.users["alna"] and app.identity.verified

    asyncio.run(scenario())


def test_saving_over_a_newer_assessment_by_someone_else_keeps_both_and_says_so(
    site: Site, matrix: Matrix, classifier: Classifier, person
) -> None:
    import asyncio

    from tests.tui_pilot import SIZE, TODAY
    from tui.screens.assessment import AssessmentScreen
    from tui.screens.caseload import CaseloadScreen
    from tui.widgets.choice import ChoiceSet

    async def scenario() -> list[str]:
        with site.store("alna") as alna:
            app = RusmatriseApp(alna, matrix, lang="nb", today=TODAY, theme="textual-dark", cursor_blink=False)
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                await pilot.press("enter")  # the first person, ALN-1, opened by Alna's caseworker
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, AssessmentScreen) and screen.base is not None
                assert screen.base.person_id == "ALN-1"
                # meanwhile someone else saves a newer assessment of the same person
                newer = parse_assessment(person(person_id="ALN-1", bydel="Alna", tilsynsbehov="heldogn"), matrix)
                with site.store("admin") as admin:
                    admin.record(newer, classifier.classify(newer))
                screen.query_one("#f-tilsynsbehov", ChoiceSet).focus()
                await pilot.press("4")
                await pilot.pause()
                await pilot.press("ctrl+s")
                await pilot.pause()
                await pilot.press("ctrl+s")  # accept the suggestion
                await pilot.pause()
                assert isinstance(app.screen, CaseloadScreen)
                return [str(n.message) for n in app._notifications]

    from tui.app import RusmatriseApp

    messages = asyncio.run(scenario())
    conflict = [m for m in messages if "nyere kartlegging" in m]
    assert len(conflict) == 1 and site.users["admin"] in conflict[0] and "Begge versjonene er tatt vare på" in conflict[0]
    with site.store("admin") as admin:
        history = admin.history("ALN-1")
    assert [a.data["tilsynsbehov"] for a in history] == ["daglig", "heldogn", "dagtid"]  # all three kept
    assert [a.recorded_by for a in history[1:]] == [site.users["admin"], site.users["alna"]]


RARE_REASON = "flyttet hjem til mor i Tøyengata 5"  # a reason that could point to one person


def _fill_for_planners(site: Site, matrix: Matrix, classifier: Classifier, person) -> None:
    """Overrides (five with a common reason, one with a rare one), quality of life, admissions, and
    a move from an institution to a home, in both districts, written by each district's caseworker."""
    for district, who in (("Alna", "alna"), ("Stovner", "stovner")):
        with site.store(who) as store:
            for i in range(7):
                assessment = parse_assessment(
                    person(person_id=f"{who[:3].upper()}-P{i}", bydel=district, tilsynsbehov="ukentlig", livskvalitet=str(1 + i % 7),
                           institusjonsinntak_12m=str(4 * i), kjonn="kvinne" if i % 2 else "mann", fodselsar=str(1960 + 3 * i),
                           vurdert_dato=f"2024-0{1 + i % 6}-15"),
                    matrix,
                )  # fmt: skip
                result = classifier.classify(assessment)
                reason = "trenger tettere oppfølging" if i < 5 else RARE_REASON if i == 5 and district == "Alna" else None
                decision = decide(matrix, assessment, result, result.gruppe + 1 if reason else result.gruppe, reason)
                store.record(assessment, result, decision)
            for day, housing in (("2024-02-01", "institusjon"), ("2024-08-20", "ordinar_bolig")):
                assessment = parse_assessment(person(person_id=f"{who[:3].upper()}-MOVE", bydel=district, boligsituasjon=housing,
                                                     vurdert_dato=day), matrix)  # fmt: skip
                store.record(assessment, classifier.classify(assessment))


def test_a_planner_gets_the_admins_report_and_indicators_from_pseudonymised_views(
    site: Site, matrix: Matrix, classifier: Classifier, person, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date, datetime

    from tallies.history import snapshots_from_store
    from tallies.report import build_report

    _fill_for_planners(site, matrix, classifier, person)
    day, now = date(2026, 1, 1), datetime(2026, 1, 2, 12, 0)
    reports, indicators, need = {}, {}, {}
    for who in ("plan", "admin"):
        with site.store(who) as store:
            reports[who] = build_report(snapshots_from_store(store, matrix), matrix, None, day, "nb", now=now)
        assert main(["indicators", "--db", site.url(who), "--json"]) == 0
        indicators[who] = json.loads(capsys.readouterr().out)
        out = tmp_path / f"rapport-{who}.html"
        assert main(["report", "--db", site.url(who), "--dato", day.isoformat(), "-o", str(out)]) == 0, capsys.readouterr().err
        capsys.readouterr()
        assert main(["tally", "--db", site.url(who), "--udekket", "--json"]) == 0
        need[who] = json.loads(capsys.readouterr().out)
        html = out.read_text(encoding="utf-8")
        assert RARE_REASON not in html and "trenger tettere oppfølging (10)" in html
        assert not any(pid in html for pid in ("ALN-", "STO-"))
    assert reports["plan"] == reports["admin"]  # the same figures, tables and charts as the admin's
    assert indicators["plan"] == indicators["admin"]
    assert need["plan"] == need["admin"]  # need against supply, as of the same (last assessment) date
    assert {line["tilbud_dato"] for line in need["plan"]} == {max(a.vurdert_dato for a in _all_assessments(site)).isoformat()}
    moved = [row for row in indicators["plan"] if row["bydel"] in ("Alna", "Stovner")]
    assert all(row["flyttinger"] == [{"kvartal": "2024-K3", "antall": 1}] for row in moved), moved
    # straight SQL as the planner: every assessment, no person id, and a rare reason never word for word
    history = site.sql("plan", "SELECT * FROM rm_planner_history()")
    assert len(history) == 2 * (7 + 2) + 4 and _mentions({"h": history}, ("ALN-", "STO-", RARE_REASON)) == []
    assert {row[0] for row in history}.isdisjoint(row[0] for row in site.sql("plan", "SELECT * FROM rm_planner_history()"))
    for statement in ("SELECT * FROM persons", "SELECT * FROM assessments", "SELECT rm_person_ref('X', 'Alna', 'now')"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            site.sql("plan", statement)


def _all_assessments(site: Site) -> list[Any]:
    with site.store("admin") as admin:
        return [a for r in admin.caseload(CaseFilter(), limit=1000) for a in admin.history(r.person_id)]


def test_the_tui_for_a_planner_opens_on_the_tallies_and_writes_the_report(site: Site, matrix: Matrix, tmp_path: Path) -> None:
    import asyncio

    from textual.widgets import Input

    from tests.tui_pilot import SIZE, TODAY, screen_text
    from tui.app import RusmatriseApp
    from tui.screens.tallies import TalliesScreen

    report = tmp_path / "rapport.html"

    async def scenario() -> None:
        with site.store("plan") as planner:
            app = RusmatriseApp(planner, matrix, lang="nb", today=TODAY, theme="textual-dark", cursor_blink=False)
            async with app.run_test(size=SIZE) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, TalliesScreen) and screen.result is not None and screen.result.total == 4
                assert f"Innlogget: {site.users['plan']} · planlegger" in screen_text(app)
                await pilot.press("r")
                await pilot.pause()
                app.screen.query_one("#ask-text", Input).value = str(report)
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert screen.exported == report

    asyncio.run(scenario())
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and not any(pid in html for pid in ("ALN-", "STO-"))


def test_a_backup_with_an_id_in_two_districts_restores_into_postgres_but_not_sqlite(
    site: Site, matrix: Matrix, classifier: Classifier, person, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment = parse_assessment(person(person_id="STO-1", bydel="Alna"), matrix)
    with site.store("alna") as alna:
        alna.record(assessment, classifier.classify(assessment))  # Alna's own record of an id Stovner holds
    backup = tmp_path / "backup.json"
    assert main(["backup", "--db", site.url("admin"), "-o", str(backup)]) == 0
    capsys.readouterr()
    assert main(["restore", str(backup), "--db", str(tmp_path / "lokal.sqlite"), "--lang", "en"]) == 1
    assert "one person id in several districts' records (1 ids)" in capsys.readouterr().err
    assert main(["restore", str(backup), "--db", site.cluster.url(site.cluster.new_database())]) == 0


def test_vel_writes_for_referred_persons_only_and_refuses_alike_otherwise(
    site: Site, matrix: Matrix, classifier: Classifier, person
) -> None:
    def save(person_id: str, bydel: str = "Alna") -> Callable[[], object]:
        assessment = parse_assessment(person(person_id=person_id, bydel=bydel, tilsynsbehov="heldogn", behandlingsbehov="ja"), matrix)
        return lambda: vel.record(assessment, classifier.classify(assessment))

    with site.store("vel") as vel:
        assert _outcome(save("ALN-2")) == "done"  # referred (decided group 6), in its district
        refused = {pid: _outcome(save(pid)) for pid in ("ALN-1", "NOPE-1")}  # not referred / no such person
        assert refused["ALN-1"] == refused["NOPE-1"] and refused["NOPE-1"].startswith("refused")
        assert _outcome(save("ALN-2", "Stovner")).startswith("refused")  # moving a person is the district's act
        assert [a.data["bydel"] for a in vel.history("ALN-2")] == ["Alna", "Alna"]
