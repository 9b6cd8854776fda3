"""The case document (utskrift): content, escaping, and a real render in headless Chromium."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from pathlib import Path

import pytest

from casedoc.pdf import chromium, run_chromium
from casestore import decide, open_store
from cli.main import main
from matrix import Matrix
from matrix.assessment import parse_assessment
from rules import Classifier
from tests.conftest import BASELINE

HOSTILE = "<script>alert('x')</script> & «Ola»"


def _store_with_override(tmp_path: Path, matrix: Matrix, classifier: Classifier) -> str:
    """P-77: suggested 3, decided 5 by a caseworker whose (OS user) name and reason are hostile markup."""
    db = tmp_path / "case.sqlite"
    with pytest.MonkeyPatch.context() as patch, open_store(str(db)) as store:
        patch.setattr("casestore.sqlite.os_user", lambda: "Kari")
        first = parse_assessment({**BASELINE, "person_id": "P-77", "tilsynsbehov": "ukentlig", "vurdert_dato": "2025-01-10"}, matrix)
        result = classifier.classify(first, today=date(2025, 1, 10))
        store.record(first, result, decide(matrix, first, result, result.gruppe))
        later = parse_assessment({**BASELINE, "person_id": "P-77", "tilsynsbehov": "daglig", "boligsituasjon": "bostedslos",
                                  "brukers_onske": HOSTILE, "vurdert_dato": "2025-05-02"}, matrix)
        result = classifier.classify(later, today=date(2025, 5, 2))
        assert result.gruppe == 3
        patch.setattr("casestore.sqlite.os_user", lambda: f"Kari {HOSTILE}")
        store.record(later, result, decide(matrix, later, result, 5, f"Trenger base {HOSTILE}"))
    return str(db)


def test_html_has_decision_suggestion_services_history_and_escapes_everything(tmp_path: Path, matrix: Matrix,
                                                                               classifier: Classifier,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = _store_with_override(tmp_path, matrix, classifier)
    out = tmp_path / "utskrift.html"
    assert main(["utskrift", "P-77", "--db", db, "-o", str(out)]) == 0
    assert str(out.resolve()) in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; «Ola»" in html
    assert "Gruppe 5: Samlokalisert bolig med base, heldøgnsbemanning" in html  # the decision first
    assert "Avviker fra forslaget (gruppe 3:" in html and "Begrunnelse: Trenger base" in html
    assert "Besluttet av Kari &lt;script&gt;" in html and "Signatur: Kari &lt;script&gt;" in html
    assert "«Ola» (OS-bruker, ikke verifisert)" in html  # SQLite: who decided is the OS user, marked as nothing checked it
    assert "Velferdsetaten" in html and "Bydel/NAV" in html  # services by provider
    assert "Kartlegging 10.01.2025" in html and "Kartlegging 02.05.2025" in html  # the history
    assert "@page { size: A4" in html and "http" not in html.split("<body>")[1]  # prints on A4, fetches nothing
    english = tmp_path / "document.html"
    assert main(["utskrift", "P-77", "--db", db, "-o", str(english), "--lang", "en"]) == 0
    assert "Decided by Kari" in english.read_text(encoding="utf-8") and "(OS user, unverified)" in english.read_text(encoding="utf-8")


def test_unknown_person_and_wrong_suffix_are_refused(tmp_path: Path, matrix: Matrix, classifier: Classifier,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = _store_with_override(tmp_path, matrix, classifier)
    assert main(["utskrift", "P-404", "--db", db, "-o", str(tmp_path / "x.html")]) == 1
    assert "Fant ingen kartlegging for P-404" in capsys.readouterr().err
    assert main(["utskrift", "P-77", "--db", db, "-o", str(tmp_path / "x.docx")]) == 2
    assert not (tmp_path / "x.html").exists()


def test_missing_chromium_is_said_in_words(tmp_path: Path, matrix: Matrix, classifier: Classifier,
                                           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store_with_override(tmp_path, matrix, classifier)
    monkeypatch.setenv("RUSMATRISE_CHROMIUM", "no-such-browser")
    assert main(["utskrift", "P-77", "--db", db, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "fant ikke no-such-browser" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


def _png_pixels(path: Path) -> bytes:
    """The decompressed scanlines of a PNG (enough to see whether anything was drawn)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat = 8, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            idat += data[offset + 8:offset + 8 + length]
        offset += 12 + length
    return zlib.decompress(idat)


def test_renders_in_headless_chromium_and_prints_a_pdf(tmp_path: Path, matrix: Matrix, classifier: Classifier) -> None:
    try:
        chromium()
    except Exception:
        pytest.skip("no Chromium here (scripts/system-deps.sh installs it)")
    db = _store_with_override(tmp_path, matrix, classifier)
    page = tmp_path / "utskrift.html"
    assert main(["utskrift", "P-77", "--db", db, "-o", str(page)]) == 0
    shot = tmp_path / "utskrift.png"
    run_chromium(f"--screenshot={shot}", "--window-size=794,1123", page.as_uri())
    pixels = _png_pixels(shot)
    assert len(set(pixels)) > 20, "the page rendered blank"
    pdf = tmp_path / "utskrift.pdf"
    assert main(["utskrift", "P-77", "--db", db, "-o", str(pdf)]) == 0
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 5_000 and b"/MediaBox [0 0 594.9" in content  # A4: 595 × 842 pt
