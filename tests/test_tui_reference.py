"""Help, the command palette, the matrix reference card and the service chain screen."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Select, Tree
from tui_pilot import SIZE, make_app, pilot_test, screen_text, text_of, until

from matrix import Matrix
from tui.screens.caseload import CaseloadScreen
from tui.screens.chain import ChainScreen
from tui.screens.help import HelpScreen
from tui.screens.matrix_card import MatrixScreen


@pilot_test
async def test_f1_explains_the_screen_and_the_matrix_and_escape_closes(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        words = text_of(app.screen)
        assert "Sakslisten viser" in words and "første regel som passer" in words
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n", "f1")
        await pilot.pause()
        assert "panelet til høyre" in text_of(app.screen)


@pilot_test
async def test_command_palette_opens_the_matrix(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Matrisen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)


@pilot_test
async def test_matrix_card_marks_assumed_cells(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        words = text_of(app.screen)
        assert "* = antatt" in words
        for group in matrix.groups.values():
            shown = f"{group.boligtype.verdi}{'*' if group.boligtype.antatt else ''}"
            assert shown in words
        assert "G7-behandling" in words and words.count("Gruppe") >= 7


@pilot_test
async def test_service_chain_filters_by_group(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChainScreen)
        tree = screen.query_one(Tree)
        all_tiers = [str(node.label) for node in tree.root.children]
        assert len(all_tiers) == len(matrix.data.niva)
        screen.query_one("#chain-group", Select).value = 7
        await pilot.pause()
        tiers = [str(node.label).split(":")[0] for node in tree.root.children]
        assert tiers == [f"Nivå {tier.id}" for tier in matrix.data.niva if 7 in tier.grupper]
        provider_of_t5 = [str(child.label) for child in tree.root.children[-1].children]
        assert "Velferdsetaten" in provider_of_t5
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseloadScreen)


@pilot_test
async def test_english_labels_with_lang_en(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "New assessment" in screen_text(app), seconds=10)  # the footer paints late on a busy machine
        text = screen_text(app)
        assert "New assessment" in text and "Quit" in text and "All districts" in text
        assert "Avslutt" not in text


@pilot_test
async def test_english_form_shows_english_level_descriptions(tmp_path: Path, matrix: Matrix) -> None:
    app = make_app(tmp_path / "c.sqlite", matrix, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "Paying rent, keeping the home, daily tasks" in text
        assert "1 No difficulties: manages home and daily life" in text  # the level text wraps after this
        assert "klarer bolig og hverdag selv" not in text
