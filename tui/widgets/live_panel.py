"""The live suggestion beside the form: group, why, what it means, which services follow.

`show()` runs on every keystroke, so the panel is a line-based scroll view that renders its
content to lines itself and only repaints: a change of a widget's size makes Textual lay out
the whole screen on its next frame tick (about 10 ms for this form, after waiting up to a
frame), while a repaint is drawn at once. The scrollable height therefore only grows (to the
longest content shown so far), and the scrollbar gutter is fixed so the width never changes.
Values from data are added as text, never parsed as markup, and every rendered segment passes
`matrix.safe_text.terminal_text` (a matrix text or a typed value cannot send an escape).

A keystroke usually changes one or two parts (the rule and its conditions), so each part's
lines are kept by content and only changed parts are rendered again; and only the changed
lines are repainted, so the frame after a keystroke redraws a few lines of the screen, not the
whole height of the form beside the panel.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.renderables.digits import Digits
from textual.scroll_view import ScrollView
from textual.strip import Strip

from casestore import StoredDecision
from casestore.identity_text import who_text
from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.safe_text import terminal_text
from rules.result import Classification
from tui.text import tr

ASSUMED = "*"
_RENDERED_PARTS_KEPT = 64  # parts' rendered lines kept by content; a screenful is about ten parts


def _heading(title: str) -> Text:
    return Text(title, style="bold underline")


def _part_key(part: RenderableType) -> Hashable:
    """What a part shows, as a key: its words and their styles (equal keys render alike)."""
    if isinstance(part, Text):
        return (part.plain, tuple((span.start, span.end, str(span.style)) for span in part.spans), str(part.style))
    return (type(part).__name__, str(getattr(part, "_text", id(part))))


class LivePanel(ScrollView, can_focus=True):
    """Shows a Classification, or what is missing or wrong, in words."""

    DEFAULT_CSS = """
    LivePanel {
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    """

    def __init__(self, matrix: Matrix, lang: Lang, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.matrix = matrix
        self.lang = lang
        self.gruppe: int | None = None  # what the panel shows now, for tests and the save dialog
        self.parts: list[RenderableType] = []
        self._shown: list[Hashable] = []
        self._strips: list[Strip] = []
        self._rendered: dict[tuple[Hashable, int], list[Strip]] = {}  # (part, width) → its lines

    def _show(self, parts: list[RenderableType]) -> None:
        """Replace the content, unless it is the same as shown (a keystroke that changed nothing)."""
        keys = [_part_key(p) for p in parts]
        if keys == self._shown:
            return
        self._shown = keys
        self.parts = parts
        self._render_strips()

    def _part_lines(self, part: RenderableType, key: Hashable, width: int) -> list[Strip]:
        found = self._rendered.get((key, width))
        if found is None:
            if len(self._rendered) >= _RENDERED_PARTS_KEPT:
                self._rendered.clear()
            console = self.app.console
            options = console.options.update_width(width)
            # every value shown passes the terminal gate here, segment by segment
            found = self._rendered[(key, width)] = [
                Strip([Segment(terminal_text(s.text), s.style, s.control) for s in line])
                for line in console.render_lines(part, options, pad=True, new_lines=False)
            ]
        return found

    def _render_strips(self, repaint_all: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: on_resize renders
        strips: list[Strip] = []
        for part, key in zip(self.parts, self._shown, strict=True):
            strips.extend(self._part_lines(part, key, width))
        before, self._strips = self._strips, strips
        grown = Size(width, max(len(strips), self.virtual_size.height if self.virtual_size.width == width else 0))
        if grown != self.virtual_size:
            self.virtual_size = grown  # a layout pass, rarely: the height only grows
            repaint_all = True
        if repaint_all:
            self.refresh()
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        changed = [y for y in range(top, top + height)
                   if (before[y] if y < len(before) else None) != (strips[y] if y < len(strips) else None)]
        if changed:  # one region from the first to the last changed line in view
            self.refresh_lines(changed[0], changed[-1] - changed[0] + 1)

    def on_resize(self) -> None:
        self._render_strips(repaint_all=True)

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index < len(self._strips):
            return self._strips[index].crop_extend(0, width, None).apply_style(self.rich_style)
        return Strip.blank(width, self.rich_style)

    def plain(self) -> str:
        """The panel's words (for tests and screen readers' sake), whitespace collapsed."""
        return " ".join(" ".join(p.plain for p in self.parts if isinstance(p, Text)).split())

    # -- the three states ------------------------------------------------------------------
    def show(self, result: Classification, varighet: str, decided: tuple[StoredDecision, Classification] | None = None) -> None:
        """The suggestion; with `decided` (the stored decision and what its group implies) the
        decision first, and housing and services for the decided group."""
        self.gruppe = result.gruppe
        if decided is None:
            head = [Text(tr("p_title"), style="bold"), Digits(str(result.gruppe)),
                    Text(t("p_group", self.lang, gruppe=result.gruppe, navn=result.navn), style="bold")]
            implied = result
        else:
            decision, implied = decided
            head = [Text(tr("p_decided_title"), style="bold"), Digits(str(decision.final_gruppe)),
                    Text(t("p_group", self.lang, gruppe=implied.gruppe, navn=implied.navn), style="bold"),
                    self._decision(decision, result)]
        self._show([*head, self._reason(result), self._flags(result), self._housing(implied), self._services(implied, varighet)])

    def _decision(self, decision: StoredDecision, suggestion: Classification) -> Text:
        """Who decided, when, and why: the decided group is what counts."""
        when = decision.decided_at[:10]
        if len(when) == 10 and when[4] == "-":
            when = f"{when[8:10]}.{when[5:7]}.{when[0:4]}"
        text = Text(tr("p_decided_by", hvem=terminal_text(who_text(decision.caseworker, decision.verified, self.lang)), dato=when) + "\n")
        if decision.overridden:
            text.append(tr("p_decided_override", gruppe=suggestion.gruppe, navn=suggestion.navn) + "\n", style="bold")
            text.append(tr("p_decided_reason", grunn=decision.reason or "") + "\n")
        else:
            text.append(tr("p_decided_accepted") + "\n")
        return text

    def show_missing(self, missing: list[str], invalid: list[tuple[str, str]]) -> None:
        """Not enough information: which fields are missing and which are wrong, by name."""
        self.gruppe = None
        text = Text(tr("p_missing") + "\n")
        if missing:
            text.append(tr("p_missing_list", liste=", ".join(missing)) + "\n")
        if invalid:
            text.append(tr("p_invalid") + ":\n", style="bold")
            for label, message in invalid:
                text.append(f"  • {label}: {message}\n")
        self._show([Text(tr("p_title"), style="bold"), Digits("-"), Text(tr("p_no_group"), style="bold"), text])

    def show_gap(self, message: str) -> None:
        self.gruppe = None
        self._show([Text(tr("p_title"), style="bold"), Digits("-"), Text(tr("p_gap", tekst=message), style="bold")])

    # -- parts -----------------------------------------------------------------------------
    def _reason(self, result: Classification) -> Text:
        trace = result.forklaring
        text = Text("\n" + tr("p_rule", regel=trace.regel, tekst=trace.regel_tekst) + "\n")
        if trace.oppfylt:
            text.append(tr("p_held") + ":\n")
            for held in trace.oppfylt:
                text.append(f"  ✓ {held.text(self.lang)}\n")
        if trace.ogsa_truffet:
            text.append(tr("p_also", liste=", ".join(trace.ogsa_truffet)) + "\n")
        return text

    def _flags(self, result: Classification) -> Text:
        text = Text()
        for title, mark, flags in ((tr("p_warnings"), "!", result.advarsler), (tr("p_notes"), "i", result.merknader)):
            if flags:
                text.append("\n")
                text.append(_heading(title))
                text.append("\n")
                for flag in flags:
                    text.append(f"  {mark} {flag.tekst}\n")
        return text

    def _housing(self, result: Classification) -> Text:
        group = self.matrix.groups[result.gruppe]
        rows: Iterable[tuple[str, str, bool]] = (
            (tr("p_boligtype"), group.boligtype.text(self.lang), group.boligtype.antatt),
            (tr("p_boligstandard"), group.boligstandard.text(self.lang), group.boligstandard.antatt),
            (tr("p_bemanning"), group.bemanning.text(self.lang), group.bemanning.antatt),
            (tr("p_beliggenhet"), group.beliggenhet.text(self.lang), group.beliggenhet.antatt),
            (tr("p_ansvarlig"), result.ansvarlig, group.ansvar.antatt),
            (tr("p_boligtilbyder"), result.boligtilbyder_navn, group.boligtilbyder.antatt),
            (tr("p_dekning"), tr(f"dekning_{result.dekning}"), False),
        )
        text = Text("\n")
        text.append(_heading(tr("p_housing")))
        text.append("\n")
        any_assumed = False
        for label, value, assumed in rows:
            any_assumed |= assumed
            text.append(f"  {label}: ", style="bold")
            text.append(value + (ASSUMED if assumed else "") + "\n")
        if any_assumed:
            text.append(tr("m_legend") + "\n", style="italic")
        return text

    def _services(self, result: Classification, varighet: str) -> Text:
        """The services by provider, and within each provider by tier, each tier with its
        description (a bare "T2" tells a caseworker nothing)."""
        by_provider: dict[str, dict[str, list[str]]] = {}
        for service in result.tjenester:
            by_provider.setdefault(service.tilbyder, {}).setdefault(service.niva, []).append(service.tjeneste)
        text = Text("\n")
        text.append(_heading(tr("p_services", varighet=tr(f"varighet_{varighet}"))))
        text.append("\n")
        for provider, tiers in by_provider.items():
            text.append(f"  {provider}\n", style="bold")
            for tier, names in tiers.items():
                text.append(f"    {self.matrix.tier_text(tier, self.lang)}\n", style="italic")
                for name in names:
                    text.append(f"      • {name}\n")
        return text
