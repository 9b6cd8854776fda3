"""One language throughout (issue 11, item 7): no English in the Norwegian product and no
Norwegian in the English one, checked over every message catalog, every command's --help and
every screen of the TUI, with the word-list detector of tests/language.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandPalette
from tui_pilot import SIZE, make_app, pilot_test, screen_text

from cli.main import COMMANDS, main
from cli.parser import Command
from matrix import Matrix
from matrix.messages import LANGS, catalog
from tallies.keys import TALLY_KEYS
from tests.conftest import REPO, SHIPPED_MATRIX
from tests.language import data_phrases, foreign_words, report

PHRASES = data_phrases(SHIPPED_MATRIX)
# What people typed (the demo caseload's wishes) is data too, in whatever language it was written.
TYPED = data_phrases(REPO / "casefiles" / "data" / "demo.toml")
# Codes of the interface (SPEC section 5): command names and the keys --by takes.
CODES = [*(c.name for c in COMMANDS), *TALLY_KEYS]


def test_the_detector_sees_the_other_language() -> None:
    assert "commands" in foreign_words("Search for commands…", "nb") and "Dismiss" in foreign_words("Dismiss menu", "nb")
    assert "udekket" in foreign_words("Coverage: udekket", "en")
    assert foreign_words("Bydel Alna settles; services: Samtaletilbud, Kartlegging", "en", PHRASES) == []  # data, not UI
    assert foreign_words("felt `tilsynsbehov`: «Ønsker ikke å svare»", "en") == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_catalog_is_in_its_own_language(lang: str) -> None:
    found = list(report(((key, entry[lang]) for key, entry in catalog().items()), lang, PHRASES))
    assert not found, "\n".join(found)


def _command_paths(commands: tuple[Command, ...], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for command in commands:
        here = (*path, command.name)
        yield here
        yield from _command_paths(command.children, here)


@pytest.mark.parametrize("lang", LANGS)
def test_every_commands_help_is_in_one_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    found = []
    for path in [(), *_command_paths(COMMANDS)]:
        with pytest.raises(SystemExit):
            main([*path, "--help", "--lang", lang])
        text = capsys.readouterr().out
        found += report([(" ".join(path) or "rusmatrise", text)], lang, [*PHRASES, *CODES])
    assert not found, "\n".join(found)


async def _screens(app, pilot) -> list[tuple[str, str]]:
    """Every screen a caseworker or planner reaches, as read off the terminal."""
    seen = []

    async def look(name: str) -> None:
        await pilot.pause()
        seen.append((name, screen_text(app)))

    await look("caseload")
    await pilot.press("enter")
    await look("assessment (latest)")
    await pilot.press("ctrl+s")
    await look("save dialog")
    await pilot.press("escape", "escape", "h")
    await look("history")
    await pilot.press("escape", "n")
    await look("assessment (new)")
    await pilot.press("x", "escape")
    await look("confirm dialog")
    await pilot.press("enter", "escape", "m")
    await pilot.pause()
    await pilot.press("escape", "k")
    await look("service chain")
    await pilot.press("escape", "m")
    await look("matrix")
    await pilot.press("escape", "f1")
    await look("help")
    await pilot.press("escape", "i")
    await look("import")
    await pilot.press("escape", "t")
    await app.workers.wait_for_complete()
    await look("tallies")
    for view in range(4):
        await pilot.press("v")
        await look(f"tallies view {view + 2}")
    await pilot.press("e")
    await look("export dialog")
    await pilot.press("escape", "escape", "ctrl+p")
    await look("command palette")
    assert isinstance(app.screen, CommandPalette)
    return seen


@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_is_in_one_language(lang: str, tmp_path: Path, matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    @pilot_test
    async def walk() -> None:
        app = make_app(Path("s.sqlite"), matrix, demo=40, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            screens = await _screens(app, pilot)
        assert len(screens) >= 15
        found = list(report(screens, lang, [*PHRASES, *TYPED]))
        assert not found, "\n".join(found)

    walk()
