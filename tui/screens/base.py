"""What every screen of the app shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from tui.app import RusmatriseApp


class AppScreen(Screen[Any]):
    """A screen of RusmatriseApp, with the app typed (store, matrix, classifier, language)."""

    @property
    def rapp(self) -> RusmatriseApp:
        return cast("RusmatriseApp", self.app)
