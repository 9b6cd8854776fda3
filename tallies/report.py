"""The planner's report: need against supply as of a date, unmet need, indicators, trends,
equity and overrides, for one district or the whole city, as sections of tables and charts.

`build_report` is pure (snapshots in, a `Report` out); `tallies.report_html` and
`tallies.report_xlsx` write it. Persons are counted by their latest assessment; trends use
every assessment's date. Override reasons are free text typed by caseworkers: a reason is
shown only when at least `publish_threshold() + 1` decisions give it word for word, so a
reason that could point to one person never appears.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from matrix.load import Matrix
from matrix.messages import Lang, t
from matrix.supply import supply_on
from tallies.charts import Chart, numbers
from tallies.count import Table, Tally, age_bands, age_group, publish_threshold, tally
from tallies.export import Shown, groups_label, need_views, shown_table
from tallies.history import SEXES, Snapshot, latest_per_person
from tallies.indicators import indicators, latest_per_quarter
from tallies.need import colocated_lines, supply_date
from tallies.planner_views import indicator_views, targets_text

TOP_REASONS = 3


@dataclass
class Section:
    title: str
    intro: list[str] = field(default_factory=list)
    tables: list[Shown] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Report:
    title: str
    facts: list[tuple[str, Any]]  # label, value (a date stays a date)
    sections: list[Section]
    sources: list[str]
    supply_day: date
    district: str | None
    lang: Lang
    publication: Any = None  # tallies.report_publish.Publication when published: what the tables show, as SPEC 6b cells


def _records(snapshots: Iterable[Snapshot], matrix: Matrix) -> list[dict[str, Any]]:
    """Tally records from snapshots (latest per person): the group's attributes from the matrix."""
    rows = []
    for snap in snapshots:
        if snap.gruppe is None:
            continue
        group = matrix.groups[snap.gruppe]
        rows.append({"bydel": snap.bydel, "gruppe": snap.gruppe, "boligtype": group.boligtype.verdi,
                     "boligstandard": group.boligstandard.verdi, "ansvar": group.ansvar.verdi, "dekning": snap.dekning,
                     "kjonn": snap.kjonn, "fodselsar": snap.fodselsar if snap.fodselsar is not None else "",
                     "vurdert_dato": snap.vurdert_dato})
    return rows


def group_columns(matrix: Matrix, lang: Lang) -> list[str]:
    return [t("rap_gruppe_n", lang, n=g) for g in sorted(matrix.groups)]


def _need_section(city: Tally, local: Tally, matrix: Matrix, district: str | None, day: date, lang: Lang) -> Section:
    section = Section(t("rap_behov", lang))
    main = local.district_group_table()
    keep = [i for i, (name,) in enumerate(main.rows) if (district is None and main.row_totals[i]) or name == district]
    table = Table(main.title, main.row_keys, main.column_key, [main.rows[i] for i in keep], main.columns,
                  [main.values[i] for i in keep])
    section.tables.append(shown_table(table, False, lang))
    section.charts.append(Chart(t("rap_behov_diagram", lang), "bar", group_columns(matrix, lang),
                                [(t("ind_personer", lang), [float(n) for n in table.column_totals])], t("ind_personer", lang)))
    colocated, vel = need_views(city, day, False, lang)
    if district is not None:  # the district's own row; VEL's places serve the whole city
        colocated.rows = [row for row in colocated.rows[:-1] if row[0] == district]
        colocated.total_rows = 0
        section.intro.append(t("rap_vel_hele_byen", lang))
    section.tables += [colocated, vel]
    shown_rows = [row for row in colocated.rows[: len(colocated.rows) - colocated.total_rows] if row[2] or row[4]]
    if shown_rows:
        section.charts.append(Chart(
            t("rap_samlokalisert_diagram", lang, dato=day.isoformat()), "bar", [str(r[0]) for r in shown_rows],
            [(t("behov_personer", lang), numbers([r[2] for r in shown_rows])),
             (t("behov_tilbud", lang), numbers([r[4] for r in shown_rows]))],
            t("ind_antall", lang)))
    vel_rows = vel.rows[:-1]
    if vel_rows:
        section.charts.append(Chart(
            t("rap_vel_diagram", lang, dato=day.isoformat()), "bar", [f"{r[0]} ({r[1]})" for r in vel_rows],
            [(t("behov_personer", lang), numbers([r[2] for r in vel_rows])), (t("behov_tilbud", lang), numbers([r[4] for r in vel_rows]))],
            t("ind_antall", lang)))
    section.intro.append(t("behov_forklaring", lang, dato=day.isoformat()))
    return section


def _indicator_section(snapshots: list[Snapshot], matrix: Matrix, lang: Lang) -> Section:
    found = indicators(snapshots, matrix)
    section = Section(t("rap_indikatorer", lang), [t("ind_forklaring", lang), *targets_text(found, lang)])
    section.tables += indicator_views(found, lang)
    rows = [r for r in found.districts if r.besvart]
    if rows:
        names = [r.bydel for r in rows]
        target = found.targets.get("livskvalitet_snitt")
        section.charts.append(Chart(t("rap_snitt_diagram", lang), "bar", names, [(t("ind_snitt", lang), [r.snitt for r in rows])],
                                    t("ind_snitt", lang), target.grense if target else None, t("rap_maal", lang)))
        share = found.targets.get("livskvalitet_andel_1")
        section.charts.append(Chart(t("rap_andel_diagram", lang), "bar", names,
                                    [(t("ind_andel_1", lang), [None if r.andel_1 is None else r.andel_1 * 100 for r in rows])],
                                    "%", share.grense if share else None, t("rap_maal", lang)))
    quarters = sorted(found.whole_city.flyttinger)
    if quarters:
        section.charts.append(Chart(t("ind_flytting_tittel", lang), "line", quarters,
                                    [(t("ind_flytting_ark", lang), [float(found.whole_city.flyttinger[q]) for q in quarters])],
                                    t("ind_antall", lang)))
    return section


def _trend_section(snapshots: list[Snapshot], matrix: Matrix, lang: Lang) -> Section:
    """Persons per group among those assessed in each quarter (each person's latest that quarter)."""
    section = Section(t("rap_trender", lang), [t("rap_trender_tekst", lang)])
    latest = latest_per_quarter(snapshots)
    counts = Counter((q, snap.gruppe) for (q, _), snap in latest.items())
    years = Counter((snap.vurdert_dato.year, snap.bydel, snap.gruppe) for snap in latest.values() if snap.vurdert_dato)
    quarters = sorted({q for q, _ in counts})
    groups = sorted(matrix.groups)
    if not quarters:
        section.intro.append(t("rap_ingen_datoer", lang))
        return section
    table = Table("rap_trend_kvartal", ("kvartal",), "gruppe", [(q,) for q in quarters], groups,
                  [[counts.get((q, g), 0) for g in groups] for q in quarters])
    section.tables.append(_titled(shown_table(table, False, lang), t("rap_trend_kvartal", lang), t("rap_trend_ark", lang)))
    section.charts.append(Chart(t("rap_trend_diagram", lang), "line", quarters,
                                [(t("rap_gruppe_n", lang, n=g), [float(counts.get((q, g), 0)) for q in quarters]) for g in groups],
                                t("ind_personer", lang)))
    rows = sorted({(y, d) for y, d, _ in years}, key=lambda r: (r[0], matrix.districts.names().index(r[1])))
    by_year = Table("rap_trend_aar", ("aar", "bydel"), "gruppe", [(str(y), d) for y, d in rows], groups,
                    [[years.get((y, d, g), 0) for g in groups] for y, d in rows])
    section.tables.append(_titled(shown_table(by_year, False, lang), t("rap_trend_aar", lang), t("rap_trend_aar_ark", lang)))
    return section


def _titled(view: Shown, title: str, sheet: str) -> Shown:
    view.title, view.sheet = title, sheet
    return view


def _equity_section(snapshots: list[Snapshot], matrix: Matrix, lang: Lang, year: int) -> Section:
    section = Section(t("rap_likeverd", lang), [t("rap_likeverd_tekst", lang)])
    groups = sorted(matrix.groups)
    names = matrix.districts.names()
    present = [d for d in names if any(s.bydel == d for s in snapshots)]
    bands = [name for name, _ in age_bands()] + ["ukjent"]
    by_sex = Counter((s.bydel, s.kjonn, s.gruppe) for s in snapshots)
    by_age = Counter((s.bydel, age_group(s.fodselsar, year) if s.fodselsar is not None else "ukjent", s.gruppe) for s in snapshots)
    sex_rows = [(d, k) for d in present for k in SEXES if any(by_sex.get((d, k, g)) for g in groups)]
    age_rows = [(d, a) for d in present for a in bands if any(by_age.get((d, a, g)) for g in groups)]
    if sex_rows:
        table = Table("rap_kjonn", ("bydel", "kjonn"), "gruppe", sex_rows, groups, [[by_sex.get((d, k, g), 0) for g in groups]
                                                                                    for d, k in sex_rows])
        section.tables.append(_titled(shown_table(table, False, lang), t("rap_kjonn", lang), t("rap_kjonn_ark", lang)))
        totals: Counter[tuple[str, int | None]] = Counter()
        for (_, k, g), n in by_sex.items():
            totals[(k, g)] += n
        sexes = [k for k in SEXES if any(totals.get((k, g)) for g in groups)]
        section.charts.append(Chart(t("rap_kjonn_diagram", lang), "bar", group_columns(matrix, lang),
                                    [(k, [float(totals.get((k, g), 0)) for g in groups]) for k in sexes], t("ind_personer", lang),
                                    stacked=True))
    if age_rows:
        table = Table("rap_alder", ("bydel", "aldersgruppe"), "gruppe", age_rows, groups,
                      [[by_age.get((d, a, g), 0) for g in groups] for d, a in age_rows])
        section.tables.append(_titled(shown_table(table, False, lang), t("rap_alder", lang), t("rap_alder_ark", lang)))
    return section


def _override_rows(snapshots: list[Snapshot], key: str, lang: Lang) -> list[list[Any]]:
    decided = [s for s in snapshots if s.besluttet]
    labels = sorted({getattr(s, key) for s in decided})
    rows = []
    least = publish_threshold() + 1
    for label in labels:
        mine = [s for s in decided if getattr(s, key) == label]
        overridden = [s for s in mine if s.overstyrt]
        reasons = Counter(s.grunn.strip() for s in overridden if s.grunn.strip())
        common = [f"{reason} ({n})" for reason, n in reasons.most_common(TOP_REASONS) if n >= least]
        rest = sum(reasons.values()) - sum(n for reason, n in reasons.most_common(TOP_REASONS) if n >= least)
        if rest:
            common.append(t("rap_andre_grunner", lang, antall=rest))
        rows.append([label, len(mine), len(overridden), round(100 * len(overridden) / len(mine), 1), "; ".join(common)])
    return rows


def _override_section(snapshots: list[Snapshot], lang: Lang) -> Section:
    section = Section(t("rap_overstyring", lang), [t("rap_overstyring_tekst", lang, minst=publish_threshold() + 1)])
    header = [t("rap_besluttet", lang), t("rap_overstyrt", lang), t("rap_andel_overstyrt", lang), t("rap_grunner", lang)]
    by_rule = _override_rows(snapshots, "regel", lang)
    if not by_rule:
        section.intro.append(t("rap_ingen_beslutninger", lang))
        return section
    section.tables.append(Shown(t("rap_per_regel", lang), [t("rap_regel", lang), *header], by_rule, 1, 0, t("rap_regel_ark", lang)))
    section.tables.append(Shown(t("rap_per_bydel", lang), ["bydel", *header], _override_rows(snapshots, "bydel", lang), 1, 0,
                               t("rap_overstyring_ark", lang)))
    section.charts.append(Chart(t("rap_overstyring_diagram", lang), "bar", [str(r[0]) for r in by_rule],
                                [(t("rap_andel_overstyrt", lang), [float(r[3]) for r in by_rule])], "%"))
    return section


def build_report(snapshots: Iterable[Snapshot], matrix: Matrix, district: str | None = None, day: date | None = None,
                 lang: Lang = "nb", now: datetime | None = None, publish: bool = False) -> Report:
    """The report for `district` (a canonical name; None: the whole city) as of `day`;
    `publish`: every count under disclosure control, no free-text reasons (tallies.report_public)."""
    every = list(snapshots)
    latest = latest_per_person(every)
    city = tally(_records(latest, matrix), ("bydel", "gruppe"), matrix)
    supply_day = supply_date(city, day)
    mine = [s for s in every if district is None or s.bydel == district]
    mine_latest = [s for s in latest if district is None or s.bydel == district]
    local = tally(_records(mine_latest, matrix), ("bydel", "gruppe"), matrix)
    year = supply_day.year
    counted: list[tuple[str, Any]] = []
    publication = None
    if publish:
        from tallies.report_public import published_sections

        sections, counted, publication = published_sections(every, matrix, district, supply_day, lang)
    else:
        sections = [
            _need_section(city, local, matrix, district, supply_day, lang),
            _indicator_section(mine, matrix, lang),
            _trend_section(mine, matrix, lang),
            _equity_section(mine_latest, matrix, lang, year),
            _override_section(mine, lang),
        ]
    supply = supply_on(matrix, supply_day)
    sources = [f"{t('tilbud_samlokaliserte', lang)} ({groups_label(supply.samlokaliserte_grupper, supply.samlokaliserte_antatt)}): "
               f"{supply.samlokaliserte_grupper_kilde}"]
    sources += [f"{c.kategori}: {c.plasser if c.plasser is not None else '–'} — {c.kilde}" for c in supply.vel]
    sources += [t("tilbud_maal", lang, kategori=g.kategori, fra_plasser=g.fra_plasser, plasser=g.plasser, innen=g.innen,
                  per=g.status.per.isoformat(), status=g.status.verdi, merknad=g.status.merknad or g.status.kilde) for g in supply.maal]
    sources.append(t("antatt_merke", lang))
    place = district or t("ind_hele_byen", lang)
    colocated = [line for line in colocated_lines(city, supply) if line.bydel == district]  # None: the total row
    counted = counted or [
        (t("rap_personer", lang), len(mine_latest)),
        (t("rap_mangel", lang), colocated[0].mangel if colocated and colocated[0].mangel is not None else "–"),
        (t("rap_overskudd", lang), colocated[0].overskudd if colocated and colocated[0].overskudd is not None else "–"),
    ]
    facts: list[tuple[str, Any]] = [
        (t("rap_omrade", lang), place),
        (t("rap_tilbudsdato", lang), supply_day),
        *counted,
        (t("rap_matrise", lang), f"{matrix.version} ({t('rap_gyldig_fra', lang)} {matrix.data.matrise.gyldig_fra.dato.isoformat()})"),
        (t("rap_laget", lang), (now or datetime.now()).replace(microsecond=0)),
    ]
    return Report(t("rap_tittel", lang, omrade=place), facts, sections, sources, supply_day, district, lang, publication)
