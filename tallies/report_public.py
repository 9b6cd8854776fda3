"""The published report's sections (`report --publish`): the same sections as the internal
report, every count read from one Publication (tallies.report_publish), shares and means
worked out from published counts only, and no free-text override reasons."""

from __future__ import annotations

from datetime import date
from typing import Any

from matrix.load import Matrix
from matrix.messages import Lang, t
from tallies.count import age_bands
from tallies.export import HIDDEN, WEIGHT_CELL, WEIGHT_MARGIN, PublishedTable, Shown
from tallies.history import SEXES, Snapshot
from tallies.indicators import DistrictIndicators, Indicators, moves
from tallies.report import Section
from tallies.report_publish import (
    ANSWERS,
    ASSESSMENTS,
    DECISIONS,
    DECLINED,
    MOVES,
    PERSONS,
    UNIT,
    YES,
    Grid,
    Publication,
    RecordCounter,
    assessment_records,
    chart,
    decision_records,
    derived_share,
    domains,
    grid,
    need_shown,
    need_tables,
    person_records,
    protect_units,
    published_view,
)
from tallies.suppression import Cell


class PublishedParts:
    """Every published table of one report, protected together per unit."""

    def __init__(self, snapshots: list[Snapshot], matrix: Matrix, district: str | None, day: date) -> None:
        year = day.year
        self.district = district
        mine = [s for s in snapshots if district is None or s.bydel == district]
        people = person_records(snapshots, year)  # city-wide: VEL's places are compared with the whole city's need
        count = RecordCounter(people)
        seen = sorted({r["bydel"] for r in people})
        names = matrix.districts.names()
        self.districts = [d for d in names if district is None or d == district] + [d for d in seen if d not in names and district is None]
        groups = sorted(matrix.groups)
        bands = [name for name, _ in age_bands()] + ["ukjent"]
        rows = [(d,) for d in self.districts]
        persons = {UNIT: PERSONS} if district is None else {UNIT: PERSONS, "bydel": district}  # a column total: this district's
        mine_only = {UNIT: ASSESSMENTS} if district is None else {UNIT: ASSESSMENTS, "bydel": district}
        self.need = grid("bydel_gruppe", "tally_bydel_gruppe", ("bydel",), rows, "gruppe", groups, count, persons)
        self.colocated, self.vel, self.colocated_lines, self.vel_lines = need_tables(people, matrix, day, district)
        self.sex = grid("bydel_kjonn_gruppe", "rap_kjonn", ("bydel", "kjonn"), [(d, k) for d in self.districts for k in SEXES],
                        "gruppe", groups, count, persons)
        self.age = grid("bydel_aldersgruppe_gruppe", "rap_alder", ("bydel", "aldersgruppe"),
                        [(d, a) for d in self.districts for a in bands], "gruppe", groups, count, persons)
        self.answers = grid("bydel_livskvalitet", "rap_livskvalitet", ("bydel",), rows, "livskvalitet", list(ANSWERS), count,
                            {**persons, "livskvalitet": ANSWERS})
        self.admissions = grid("bydel_kjonn_aldersgruppe_inntak10", "ind_inntak10_tittel", ("bydel", "kjonn", "aldersgruppe"),
                               [(d, k, a) for d in self.districts for k in SEXES for a in bands], "inntak10", [YES], count, persons)
        self.indicators = self._indicator_cells(count)
        assessments = assessment_records(mine)
        per_quarter = RecordCounter(assessments)
        moved = [{"bydel": d, "kvartal": q} for d, q in moves(mine, matrix)]
        self.quarters = sorted({r["kvartal"] for r in assessments} | {r["kvartal"] for r in moved})
        assessed = sorted({r["kvartal"] for r in assessments})
        self.trend = grid("kvartal_gruppe", "rap_trend_kvartal", ("kvartal",), [(q,) for q in assessed], "gruppe", groups,
                          per_quarter, mine_only) if assessed else None
        years = sorted({q[:4] for q in assessed})
        year_rows = [(y, d) for y in years for d in self.districts]
        self.trend_year = grid("aar_bydel_gruppe", "rap_trend_aar", ("aar", "bydel"), year_rows, "gruppe", groups, per_quarter,
                               mine_only,
                               row_filters=[{"kvartal": tuple(q for q in assessed if q.startswith(y)), "bydel": d}
                                            for y, d in year_rows]) if assessed else None
        move_quarters = sorted({r["kvartal"] for r in moved})
        self.moves = grid("bydel_kvartal_flyttinger", "ind_flytting_tittel", ("bydel",), rows, "kvartal", move_quarters,
                          RecordCounter(moved), None if district is None else {"bydel": district}) if move_quarters else None
        decisions = decision_records(mine)
        self.rules = sorted({r["regel"] for r in decisions})
        decided = RecordCounter(decisions)
        self.by_rule = self._decision_cells("regel", self.rules, decided, "beslutninger_regel")
        self.by_district = self._decision_cells("bydel", self.districts, decided, "beslutninger_bydel")
        units: dict[str, list[PublishedTable]] = {
            PERSONS: [g.cells for g in (self.need, self.sex, self.age, self.answers, self.admissions)]
            + [self.colocated, *([self.vel] if self.vel else []), self.indicators],
            ASSESSMENTS: [g.cells for g in (self.trend, self.trend_year) if g is not None],
            DECISIONS: [self.by_rule, self.by_district] if decisions else [],
            MOVES: [self.moves.cells] if self.moves else [],
        }
        every_district = sorted({*self.districts, *seen})
        relations = []  # a person's latest assessment is one of the assessments per quarter; the last quarter's are latest
        for place in self.districts if assessed else []:
            for g in groups:
                persons_here = {UNIT: PERSONS, "bydel": place, "gruppe": g}
                assessments_here = {UNIT: ASSESSMENTS, "bydel": place, "gruppe": g}
                relations += [(persons_here, assessments_here), ({**assessments_here, "kvartal": assessed[-1]}, persons_here)]
        self.publication = Publication({unit: tables for unit, tables in units.items() if tables}, {}, relations)
        self.publication.shown = protect_units(self.publication.units, domains(matrix, every_district, self.quarters, self.rules),
                                               relations, district is not None)
        self.targets = Indicators([], {target.kode: target for target in matrix.data.malindikator}, DistrictIndicators(""))

    def _indicator_cells(self, count: Any) -> PublishedTable:
        """Per district (then the whole city, in the city report): persons, answered, declined, answering 1, 10+ admissions."""
        cells: list[Cell] = []
        at: dict[tuple[int, int], int] = {}
        places = [{"bydel": d} for d in self.districts] + ([{}] if self.district is None else [])
        for i, place in enumerate(places):
            for j, extra in enumerate(({UNIT: PERSONS}, {UNIT: PERSONS, "livskvalitet": ANSWERS}, {UNIT: PERSONS, "livskvalitet": DECLINED},
                                       {UNIT: PERSONS, "livskvalitet": 1}, {UNIT: PERSONS, "inntak10": YES})):
                filter_ = {**place, **extra}
                at[(i, j)] = len(cells)
                cells.append(Cell(filter_, count(filter_), WEIGHT_MARGIN))
        return PublishedTable("indikatorer", cells, at)

    def _decision_cells(self, key: str, labels: list[str], count: Any, name: str) -> PublishedTable:
        cells: list[Cell] = []
        at: dict[tuple[int, int], int] = {}
        for i, label in enumerate(labels):
            for j, (extra, weight) in enumerate((({}, WEIGHT_MARGIN), ({"overstyrt": YES}, WEIGHT_CELL))):
                filter_ = {key: label, **extra, **({} if self.district is None else {"bydel": self.district})}
                at[(i, j)] = len(cells)
                cells.append(Cell(filter_, count(filter_), weight))
        return PublishedTable(name, cells, at)


def _titled(view: Shown, title: str, sheet: str) -> Shown:
    view.title, view.sheet = title, sheet
    return view


def need_section(parts: PublishedParts, matrix: Matrix, day: date, lang: Lang) -> tuple[list[Shown], list[Any], list[str]]:
    """The need tables, their charts and intro lines."""
    from tallies.report import group_columns

    publication = parts.publication
    city = parts.district is None
    tables = [published_view(parts.need, publication, lang, t("tally_bydel_gruppe", lang), t("rap_behov", lang))]
    value = publication.value(parts.need.cells)
    table = parts.need.table
    columns = len(table.columns)
    total_row = len(table.rows) if table.shows_column_totals else 0
    per_group = [value((total_row, j)) for j in range(columns)]
    charts = [chart(t("rap_behov_diagram", lang), "bar", group_columns(matrix, lang), [(t("ind_personer", lang), per_group)],
                    t("ind_personer", lang))]
    when = day.isoformat()
    colocated = need_shown(parts.colocated_lines, parts.colocated, publication,
                           t("behov_tittel_samlokalisert", lang, dato=when), t("ark_samlokalisert", lang), lang, city)
    tables.append(colocated)
    intro = [] if city else [t("rap_vel_hele_byen", lang)]
    shown_need = [row for row in colocated.rows[: len(colocated.rows) - colocated.total_rows] if row[2] != 0]
    if shown_need:
        charts.append(chart(t("rap_samlokalisert_diagram", lang, dato=when), "bar", [str(r[0]) for r in shown_need],
                            [(t("behov_personer", lang), [r[2] for r in shown_need]),
                             (t("behov_tilbud", lang), [r[4] for r in shown_need])],
                            t("ind_antall", lang)))
    if parts.vel is not None:
        vel = need_shown(parts.vel_lines, parts.vel, publication, t("behov_tittel_vel", lang, dato=when), t("ark_vel", lang), lang, True)
        tables.append(vel)
        rows = vel.rows[:-1]
        charts.append(chart(t("rap_vel_diagram", lang, dato=when), "bar", [f"{r[0]} ({r[1]})" for r in rows],
                            [(t("behov_personer", lang), [r[2] for r in rows]), (t("behov_tilbud", lang), [r[4] for r in rows])],
                            t("ind_antall", lang)))
    intro.append(t("behov_forklaring", lang, dato=when))
    return tables, charts, intro


def indicator_views(parts: PublishedParts, lang: Lang) -> tuple[list[Shown], list[Any]]:
    publication = parts.publication
    value = publication.value(parts.indicators)
    answers = publication.value(parts.answers.cells)
    header = ["bydel", t("ind_personer", lang), t("ind_besvart", lang), t("ind_avslatt", lang), t("ind_andel_1", lang),
              t("ind_andel_1_maal", lang), t("ind_snitt", lang), t("ind_snitt_maal", lang), t("ind_inntak10", lang)]
    names = [*parts.districts, *([t("ind_hele_byen", lang)] if parts.district is None else [])]
    body, means, shares, labels = [], [], [], []
    for i, name in enumerate(names):
        persons, answered, declined, ones, admitted = (value((i, j)) for j in range(5))
        if persons == 0:
            continue
        share = derived_share(ones, answered)
        mean = _mean(answers, i if i < len(parts.districts) else len(parts.districts), answered)
        body.append([name, persons, answered, declined, share, _met(parts, "livskvalitet_andel_1", share, lang), mean,
                     _met(parts, "livskvalitet_snitt", mean, lang), admitted])
        if i < len(parts.districts) and answered != 0:
            labels.append(name)
            means.append(mean)
            shares.append(share)
    views = [Shown(t("ind_tittel", lang), header, body, 1, 1 if parts.district is None and body else 0, t("ind_ark", lang))]
    views.append(published_view(parts.answers, publication, lang, t("rap_livskvalitet", lang), t("rap_livskvalitet_ark", lang)))
    admissions = published_view(parts.admissions, publication, lang, t("ind_inntak10_tittel", lang), t("ind_inntak10_ark", lang))
    admissions.header[-1] = t("ind_antall", lang)
    views.append(admissions)
    charts = []
    if labels:
        mean_target = parts.targets.targets.get("livskvalitet_snitt")
        share_target = parts.targets.targets.get("livskvalitet_andel_1")
        charts.append(chart(t("rap_snitt_diagram", lang), "bar", labels, [(t("ind_snitt", lang), means)], t("ind_snitt", lang),
                            target=mean_target.grense if mean_target else None, target_label=t("rap_maal", lang)))
        charts.append(chart(t("rap_andel_diagram", lang), "bar", labels, [(t("ind_andel_1", lang), shares)], "%",
                            target=share_target.grense if share_target else None, target_label=t("rap_maal", lang)))
    if parts.moves is not None:
        views.append(published_view(parts.moves, publication, lang, t("ind_flytting_tittel", lang), t("ind_flytting_ark", lang)))
        move_value = publication.value(parts.moves.cells)
        table = parts.moves.table
        row = len(table.rows) if table.shows_column_totals else 0
        charts.append(chart(t("ind_flytting_tittel", lang), "line", [str(c) for c in table.columns],
                            [(t("ind_flytting_ark", lang), [move_value((row, j)) for j in range(len(table.columns))])],
                            t("ind_antall", lang)))
    return views, charts


def _mean(answers: Any, row: int, answered: Any) -> Any:
    """The mean answer, from the seven published answer counts of `row` (the last row: the column totals)."""
    if answered == 0:
        return "–"
    counts = [answers((row, j)) for j in range(len(ANSWERS))]
    if not all(isinstance(n, int) for n in counts) or not isinstance(answered, int):
        return HIDDEN
    return round(sum(v * n for v, n in zip(ANSWERS, counts, strict=True)) / answered, 2)


def _met(parts: PublishedParts, code: str, value: Any, lang: Lang) -> str:
    if not isinstance(value, int | float):
        return HIDDEN if value == HIDDEN else "–"
    met = parts.targets.met(code, value)
    return "–" if met is None else t("ind_ja" if met else "ind_nei", lang)


def trend_views(parts: PublishedParts, matrix: Matrix, lang: Lang) -> tuple[list[Shown], list[Any]]:
    if parts.trend is None or parts.trend_year is None:
        return [], []
    publication = parts.publication
    quarters = _all_rows(parts.trend)
    views = [published_view(parts.trend, publication, lang, t("rap_trend_kvartal", lang), t("rap_trend_ark", lang), quarters),
             published_view(parts.trend_year, publication, lang, t("rap_trend_aar", lang), t("rap_trend_aar_ark", lang))]
    value = publication.value(parts.trend.cells)
    table = parts.trend.table
    groups = sorted(matrix.groups)
    lines = [(t("rap_gruppe_n", lang, n=g), [value((i, j)) for i in range(len(table.rows))]) for j, g in enumerate(groups)]
    return views, [chart(t("rap_trend_diagram", lang), "line", [str(q) for (q,) in table.rows], lines, t("ind_personer", lang))]


def _all_rows(view_grid: Grid) -> list[int]:
    return list(range(len(view_grid.table.rows)))


def override_views(parts: PublishedParts, lang: Lang) -> tuple[list[Shown], list[Any]]:
    publication = parts.publication
    if not parts.rules:
        return [], []
    header = [t("rap_besluttet", lang), t("rap_overstyrt", lang), t("rap_andel_overstyrt", lang)]
    views, shares = [], []
    for table, labels, first, title, sheet in ((parts.by_rule, parts.rules, t("rap_regel", lang), "rap_per_regel", "rap_regel_ark"),
                                               (parts.by_district, parts.districts, "bydel", "rap_per_bydel", "rap_overstyring_ark")):
        value = publication.value(table)
        body = []
        for i, label in enumerate(labels):
            decided, overridden = value((i, 0)), value((i, 1))
            if decided == 0:
                continue
            body.append([label, decided, overridden, derived_share(overridden, decided)])
        views.append(Shown(t(title, lang), [first, *header], body, 1, 0, t(sheet, lang)))
        if table is parts.by_rule:
            shares = body
    charts = [chart(t("rap_overstyring_diagram", lang), "bar", [str(r[0]) for r in shares], [(t("rap_andel_overstyrt", lang),
                                                                                              [r[3] for r in shares])], "%")]
    return views, charts


def persons_shown(parts: PublishedParts) -> Any:
    """The report's count of persons as published: the grand total (city) or the district's total."""
    value = parts.publication.value(parts.need.cells)
    table = parts.need.table
    if parts.district is None:
        return value((len(table.rows), len(table.columns)))
    return value((0, len(table.columns)))


def published_sections(snapshots: list[Snapshot], matrix: Matrix, district: str | None, day: date,
                       lang: Lang) -> tuple[list[Section], list[tuple[str, Any]], Publication]:
    """The report's sections as published, the facts that carry counts, and the publication itself."""
    parts = PublishedParts(snapshots, matrix, district, day)
    legend = t("rap_prikket", lang)
    need_views, need_charts, need_intro = need_section(parts, matrix, day, lang)
    indicator_tables, indicator_charts = indicator_views(parts, lang)
    trend_tables, trend_charts = trend_views(parts, matrix, lang)
    override_tables, override_charts = override_views(parts, lang)
    equity = [published_view(parts.sex, parts.publication, lang, t("rap_kjonn", lang), t("rap_kjonn_ark", lang)),
              published_view(parts.age, parts.publication, lang, t("rap_alder", lang), t("rap_alder_ark", lang))]
    sections = [
        Section(t("rap_behov", lang), [*need_intro, legend], need_views, need_charts),
        Section(t("rap_indikatorer", lang), [t("ind_forklaring", lang), t("rap_indikatorer_publisert", lang), legend],
                indicator_tables, indicator_charts),
        Section(t("rap_trender", lang), [t("rap_trender_tekst", lang), legend] if trend_tables else [t("rap_ingen_datoer", lang)],
                trend_tables, trend_charts),
        Section(t("rap_likeverd", lang), [t("rap_likeverd_tekst", lang), legend], equity),
        Section(t("rap_overstyring", lang), [t("rap_overstyring_publisert", lang), legend] if override_tables
                else [t("rap_ingen_beslutninger", lang)], override_tables, override_charts),
    ]
    total_row = need_views[1].rows[-1]
    facts = [(t("rap_personer", lang), persons_shown(parts)), (t("rap_mangel", lang), total_row[5]),
             (t("rap_overskudd", lang), total_row[6]), (t("rap_publisering", lang), legend)]
    return sections, facts, parts.publication
