"""The command line's structure: one language throughout (--help and argparse's errors too),
`--lang` wherever it is given, each option declared once, and no store made by a typo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli.main import COMMANDS, main
from tests.conftest import REPO


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse exits for --help and usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_lang_before_the_command_is_honoured(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--lang", "en", "chain", "9")[2].strip() == "Unknown group 9"
    assert run(capsys, "chain", "9", "--lang", "en")[2].strip() == "Unknown group 9"
    assert run(capsys, "--lang", "en", "chain", "9", "--lang", "nb")[2].strip() == "Ukjent gruppe 9"


def test_lang_from_the_environment(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUSMATRISE_LANG", "en")
    assert run(capsys, "chain", "9")[2].strip() == "Unknown group 9"
    assert run(capsys, "chain", "9", "--lang", "nb")[2].strip() == "Ukjent gruppe 9"
    monkeypatch.setenv("RUSMATRISE_LANG", "klingon")  # not a language we speak: the default
    assert run(capsys, "chain", "9")[2].strip() == "Ukjent gruppe 9"


def test_help_is_norwegian_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("bruk: rusmatrise") and "valg:" in out and "vis denne hjelpeteksten og avslutt" in out
    assert "usage" not in out and "show this help" not in out and "options:" not in out
    code, out, _ = run(capsys, "--lang", "en", "reclassify", "--help")
    assert code == 0 and out.startswith("usage: rusmatrise reclassify") and "exit 3 if any row is rejected" in out
    assert "INPUT" in out and "INNDATA" not in out


def test_usage_errors_are_in_the_users_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "reclassify")
    assert code == 2 and "rusmatrise reclassify: feil: disse argumentene mangler: INNDATA, -o/--output" in err
    code, _, err = run(capsys, "chain", "x", "--lang", "en")
    assert code == 2 and "error: argument GROUP: invalid int value: 'x'" in err
    code, _, err = run(capsys, "chain", "4", "--varighet", "evig")
    assert code == 2 and "ugyldig valg: 'evig' (velg blant 'kortvarig', 'langvarig')" in err
    code, _, err = run(capsys, "matrix", "--bogus")
    assert code == 2 and "ukjente argumenter: --bogus" in err


def test_the_environment_variables_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("nb", "en"):
        out = run(capsys, "--lang", lang, "--help")[1]
        assert "RUSMATRISE_LANG" in out and "RUSMATRISE_THEME" in out
        assert "RUSMATRISE_SAKSBEHANDLER" not in out  # who saves is the store's identity, never a name set in the environment
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "RUSMATRISE_LANG" in readme and "RUSMATRISE_THEME" in readme


def test_each_option_is_declared_once() -> None:
    source = (REPO / "cli" / "main.py").read_text(encoding="utf-8")
    declared = re.findall(r'option\("(-[-\w]+)"', source)
    assert declared.count("--matrix") == 1
    assert source.count('"aldersgruppe"') == 0, "the tally keys come from tallies.keys"
    takes_matrix = [command.name for command in COMMANDS if any("--matrix" in o.flags for o in command.options)]
    assert takes_matrix == ["tui", "classify", "reclassify", "tally", "supply", "indicators", "report", "chain", "matrix", "check",
                            "utskrift", "saksliste", "felter", "demo", "import"]
    assert declared.count("--dato") == 1


def test_a_mistyped_store_path_is_refused_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "sakr.sqlite"
    code, _, err = run(capsys, "tui", "--db", str(typo))
    assert code == 1 and not typo.exists()
    assert f"Databasen {typo} finnes ikke" in err and "--opprett" in err


def test_the_default_store_location_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    from casestore.url import default_path

    out = run(capsys, "tui", "--help")[1]
    assert str(default_path()) in re.sub(r"\s+", "", out) or str(default_path()) in out.replace("\n", "")
