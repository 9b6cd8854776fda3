"""The planner's report: HTML rendered in real headless Chromium (charts visible, nothing
fetched), XLSX with native charts and typed cells, and its content from files and the store."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casestore import decide, open_store
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.chromium import chromium, page_requests
from tests.conftest import BASELINE
from tests.test_indicators import fixture_rows, write_rows

BAR_BLUE = (0x1F, 0x4E, 0x79)  # the first colour of tallies.charts.PALETTE


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_rows(tmp_path_factory.mktemp("report") / "historikk.csv", fixture_rows())


@pytest.fixture(scope="module")
def html(export: Path) -> Path:
    out = export.with_name("rapport.html")
    assert main(["report", str(export), "--dato", "2026-01-01", "-o", str(out)]) == 0
    return out


def test_the_html_is_one_file_that_fetches_nothing(html: Path) -> None:
    text = html.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text
    for reference in ("<script", "<link", "<img", "<iframe", "src=", "url(http", "@import"):
        assert reference not in text
    assert text.count("<svg") >= 4
    assert "Tilbud per" in text and "2026-01-01" in text and "@page" in text and "@media print" in text


def test_the_html_renders_in_chromium_with_visible_charts_and_no_request(html: Path, tmp_path: Path) -> None:
    from PIL import Image

    net_log = tmp_path / "net.json"
    dom = chromium(tmp_path, f"--log-net-log={net_log}", "--net-log-capture-mode=Everything", "--dump-dom", html.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<svg" in dom.stdout and "Behov og tilbud" in dom.stdout and "Indikatorer" in dom.stdout
    assert page_requests(net_log) == []
    shot = tmp_path / "rapport.png"
    done = chromium(tmp_path, "--window-size=1100,1800", f"--screenshot={shot}", html.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(image.width * image.height) or []
    bars = sum(n for n, pixel in colours if all(abs(a - b) <= 12 for a, b in zip(pixel, BAR_BLUE, strict=True)))
    assert bars > 2000, f"only {bars} pixels in the bars' colour: the charts are not visible"


def test_the_net_log_check_catches_a_page_that_fetches(tmp_path: Path) -> None:
    page = tmp_path / "henter.html"
    page.write_text('<!DOCTYPE html><img src="http://example.invalid/x.png">', encoding="utf-8")
    net_log = tmp_path / "net.json"
    chromium(tmp_path, f"--log-net-log={net_log}", "--dump-dom", page.as_uri())
    assert page_requests(net_log) == ["http://example.invalid/x.png"]


def test_the_xlsx_has_native_charts_typed_cells_and_filters(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export.with_name("rapport.xlsx")
    assert main(["report", str(export), "--dato", "2026-01-01", "-o", str(out), "--lang", "en"]) == 0
    with zipfile.ZipFile(out) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        assert len(charts) >= 4
        assert any(b"<barChart>" in archive.read(name) for name in charts)
        assert any(b"<lineChart>" in archive.read(name) for name in charts)
    book = load_workbook(out)
    overview = book[book.sheetnames[0]]
    facts = {row[0]: row[1] for row in overview.iter_rows(min_row=2, max_row=8, values_only=True)}
    assert facts["Supply as of"] == datetime(2026, 1, 1)  # a date cell, not text
    assert isinstance(facts["Persons (latest assessment)"], int)
    capsys.readouterr()
    assert main(["tally", str(export), "--udekket", "--dato", "2026-01-01", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    districts = [line for line in lines if line["kategori"] == "samlokaliserte" and line["bydel"] is not None]
    shortfall = "Shortfall of co-located homes (the sum of the districts' shortfalls)"
    assert facts[shortfall] == sum(line["mangel"] for line in districts)
    sheet = book["Need co-located"] if "Need co-located" in book.sheetnames else book[book.sheetnames[2]]
    assert sheet.freeze_panes is not None and sheet.auto_filter.ref and sheet["A1"].font.bold
    numbers = [c for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3) for c in row if c.value is not None]
    assert numbers and all(c.data_type == "n" for c in numbers)


def test_the_report_for_one_district(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "alna.html"
    assert main(["report", str(export), "--bydel", "alna", "--dato", "2024-06-30", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Boligbehov i rusfeltet — Alna" in text and "Sagene</td>" not in text


def test_overrides_trends_and_moves_from_the_store(tmp_path: Path, matrix: Matrix) -> None:
    store = open_store(str(tmp_path / "case.sqlite"))
    classifier = Classifier(matrix)
    reason = "trenger skjermet bolig"
    for n in range(12):
        for day, housing in (("2024-02-01", "institusjon"), ("2024-08-01", "ordinar_bolig")):
            raw = {**BASELINE, "person_id": f"S{n}", "bydel": ("Stovner", "Alna")[n % 2], "vurdert_dato": day,
                   "boligsituasjon": housing, "tilsynsbehov": "heldogn", "livskvalitet": 1 + n % 7}
            assessment = parse_assessment(raw, matrix)
            result = classifier.classify(assessment)
            final = 6 if n < 7 else result.gruppe
            store.record(assessment, result, decide(matrix, assessment, result, final, reason if n < 7 else None))
    store.close()
    out = tmp_path / "fra_lager.html"
    assert main(["report", "--db", str(tmp_path / "case.sqlite"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "G5-heldogn" in text and f"{reason} (14)" in text  # 7 persons × 2 assessments overridden, same reason
    assert "2024-K1" in text and "2024-K3" in text  # trends per quarter; the moves land in K3


def test_bad_usage_is_refused(export: Path, tmp_path: Path) -> None:
    assert main(["report", str(export), "-o", str(tmp_path / "r.pdf")]) == 2
    assert main(["report", str(export), "--bydel", "Atlantis", "-o", str(tmp_path / "r.html")]) == 2
    assert main(["report", "-o", str(tmp_path / "r.html")]) == 2
    assert not list(tmp_path.glob("r.*")) and not list(tmp_path.glob(".r.*"))
