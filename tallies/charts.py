"""Charts for the planner's report: one chart description, drawn by matplotlib as inline SVG
(HTML) and rebuilt as a native Excel chart by the XLSX writer. The one module that talks to
matplotlib.

matplotlib's sharp edges, and how each is handled here:
- Backend: the default may try a GUI toolkit (or fail without a display). The Agg backend is
  selected before pyplot is imported, and figures are made with `Figure()` directly, never
  through pyplot's global state, so threads (the TUI's workers) cannot trip over each other.
- Fonts in SVG: by default text becomes paths (`svg.fonttype = "path"`), so the SVG needs no
  font file and renders the same everywhere; kept explicitly.
- Metadata and namespaces: matplotlib writes a DOCTYPE, an RDF <metadata> block and xmlns
  attributes, all with http:// URIs. None is a resource, but a report that "fetches nothing"
  should not even look as if it might: they are removed (inline SVG in HTML needs none).
- Ids: every chart defines ids (clip paths, glyphs); several SVGs in one page would clash, so
  each chart's ids are prefixed with the chart's own prefix.
- Determinism: `svg.hashsalt` is fixed so the same data gives the same SVG.
- Speed: importing matplotlib takes a few hundred milliseconds; this module is imported only
  when a report is written.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure

matplotlib.rcParams.update({"svg.fonttype": "path", "svg.hashsalt": "rusmatrise", "font.size": 9})

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#bf9000")


@dataclass(frozen=True)
class Chart:
    """A bar or line chart: categories along x, one or more series, an optional target line."""

    title: str
    kind: str  # "bar" or "line"
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    y_label: str = ""
    target: float | None = None
    target_label: str = ""
    stacked: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.categories or not any(v for _, values in self.series for v in values if v)


def _draw(chart: Chart) -> Figure:
    width = max(6.5, min(10.0, 0.45 * len(chart.categories) * max(1, len(chart.series) if not chart.stacked else 1) + 3))
    figure = Figure(figsize=(width, 3.4), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(len(chart.categories)))
    if chart.kind == "line":
        for i, (name, values) in enumerate(chart.series):
            axes.plot(positions, [float("nan") if v is None else v for v in values], marker="o", label=name,
                      color=PALETTE[i % len(PALETTE)])
    else:
        count = len(chart.series)
        bottom = [0.0] * len(positions)
        step = 0.8 / (1 if chart.stacked else max(count, 1))
        for i, (name, values) in enumerate(chart.series):
            heights = [0.0 if v is None else float(v) for v in values]
            if chart.stacked:
                axes.bar(positions, heights, 0.8, bottom=bottom, label=name, color=PALETTE[i % len(PALETTE)])
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
            else:
                offset = (i - (count - 1) / 2) * step
                axes.bar([p + offset for p in positions], heights, step, label=name, color=PALETTE[i % len(PALETTE)])
    if chart.target is not None:
        axes.axhline(chart.target, color="#c00000", linestyle="--", linewidth=1, label=chart.target_label or None)
    labels = [textwrap.fill(c, 22) for c in chart.categories]  # long category names wrap instead of overlapping
    axes.set_xticks(positions, labels, rotation=35 if len(chart.categories) > 5 else 0,
                    ha="right" if len(chart.categories) > 5 else "center")
    axes.set_title(chart.title, loc="left", fontsize=10, fontweight="bold")
    axes.set_ylabel(chart.y_label)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if len(chart.series) > 1 or chart.target is not None:
        axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return figure


_DOCTYPE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_NAMESPACES = re.compile(r'\s+xmlns(:xlink)?="[^"]*"')
_ID = re.compile(r'id="([^"]+)"')


def svg(chart: Chart, prefix: str) -> str:
    """The chart as an inline <svg> element: no DOCTYPE, no metadata, no URIs, ids prefixed."""
    buffer = io.StringIO()
    _draw(chart).savefig(buffer, format="svg")
    text = _METADATA.sub("", _DOCTYPE.sub("", buffer.getvalue()))
    text = _NAMESPACES.sub("", text)
    ids = set(_ID.findall(text))
    for name in sorted(ids, key=len, reverse=True):
        text = text.replace(f'id="{name}"', f'id="{prefix}-{name}"').replace(f"#{name})", f"#{prefix}-{name})")
        text = text.replace(f'href="#{name}"', f'href="#{prefix}-{name}"')
    return text.replace("<svg ", f'<svg role="img" aria-label="{_attribute(chart.title)}" ', 1)


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def numbers(values: Sequence[object]) -> list[float | None]:
    """Table cells as chart values: numbers stay, anything else (e.g. "–") is no value."""
    return [float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None for v in values]
