"""The peer: what an analyst with polars would write to reclassify an export.

Reads the shipped matrix file with tomllib and turns its decision table, warnings and notes
into vectorised when/then chains in table order (hit policy FIRST); reads the export with
polars, computes the same result columns as `rusmatrise reclassify` (gruppe, regel, boligtype,
boligstandard, bemanning, beliggenhet, ansvar, dekning, advarsler, merknader, endring) and
writes them beside the input columns, semicolon CSV with BOM and CRLF like the product.

No validation, no rejects, no duplicate check, no manifest, no spreadsheet neutralisation:
cells are taken as the demo writes them (canonical codes, ja/nei). It is the yardstick in
benchmarks/bench_reclassify.py, not part of the product.

    python benchmarks/analyst_polars.py INPUT.csv OUTPUT.csv [--today YYYY-MM-DD] [--tally]

With --tally it instead counts persons per bydel and gruppe in a classified file (a polars
group_by), as `rusmatrise tally --json` does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

MATRIX = Path(__file__).resolve().parents[1] / "matrix" / "data" / "oslo.toml"
DOMAIN = ["boevne", "rus", "psykisk_helse", "somatisk_helse", "atferd", "sosial_fungering"]
INTEGERS = [*DOMAIN, "institusjonsinntak_12m", "livskvalitet", "tidligere_gruppe"]
YES_NO = ["behandlingsbehov", "vold_trusler", "brannrisiko", "avlastningsbehov"]
OPERATORS = {"lik": "eq", "ulik": "ne", "minst": "ge", "hoyst": "le", "over": "gt", "under": "lt"}


def condition(cond: dict[str, Any]) -> pl.Expr:
    if "alle" in cond:
        return pl.all_horizontal([condition(part) for part in cond["alle"]])
    if "minst_en" in cond:
        return pl.any_horizontal([condition(part) for part in cond["minst_en"]])
    if cond.get("alltid"):
        return pl.lit(True)
    column = pl.col(cond["felt"])
    if "en_av" in cond:
        return column.is_in(cond["en_av"])
    operator = next(op for op in OPERATORS if op in cond)
    return getattr(column, OPERATORS[operator])(cond[operator])


def first_match(rules: list[dict[str, Any]], value: str) -> pl.Expr:
    chain = pl.when(condition(rules[0]["naar"])).then(pl.lit(rules[0][value]))
    for rule in rules[1:]:
        chain = chain.when(condition(rule["naar"])).then(pl.lit(rule[value]))
    return chain


def codes(flags: list[dict[str, Any]]) -> pl.Expr:
    found = [pl.when(condition(flag["naar"])).then(pl.lit(flag["kode"])) for flag in flags]
    joined = pl.concat_list(found).list.drop_nulls().list.join(", ")
    return pl.when(joined != "").then(joined)  # none: an empty cell (null), as csv.writer writes ""


def reclassify(source: Path, target: Path, today: date) -> None:
    matrix = tomllib.loads(MATRIX.read_text(encoding="utf-8"))
    rules = matrix["beslutningstabell"]["regel"]
    groups = {g["nr"]: g for g in matrix["gruppe"]}
    housing = {h["kode"]: h.get("boligniva") for h in matrix["boligsituasjon"]}
    frame = pl.read_csv(source, separator=";", infer_schema=False)
    columns = frame.columns
    typed = frame.with_columns(
        *(pl.col(name).cast(pl.Int64) for name in INTEGERS),
        *(pl.col(name) == "ja" for name in YES_NO),
        maks=pl.max_horizontal(pl.col(name).cast(pl.Int64) for name in DOMAIN),
        dager_siden_vurdering=(pl.lit(today) - pl.col("vurdert_dato").str.to_date()).dt.total_days(),
    )
    typed = typed.with_columns(gruppe=first_match(rules, "gruppe"), regel=first_match(rules, "id"))
    have = pl.col("boligsituasjon").replace_strict(housing, default=None, return_dtype=pl.Int64)
    need = pl.col("gruppe").replace_strict({nr: g["boligniva"] for nr, g in groups.items()}, return_dtype=pl.Int64)
    typed = typed.with_columns(dekning=pl.when(have.is_null()).then(pl.lit("ukjent"))
                               .when((have == 0) | (have < need)).then(pl.lit("udekket"))
                               .when(have == need).then(pl.lit("dekket")).otherwise(pl.lit("overdekket")))
    attributes = {name: pl.col("gruppe").replace_strict({nr: g[name]["verdi"] for nr, g in groups.items()}, return_dtype=pl.String)
                  for name in ("boligtype", "boligstandard", "bemanning", "beliggenhet", "ansvar")}
    typed = typed.with_columns(**attributes, advarsler=codes(matrix["advarsel"]), merknader=codes(matrix["merknad"]),
                               endring=pl.when(pl.col("tidligere_gruppe").is_not_null())
                               .then(pl.format("{}->{}", pl.col("tidligere_gruppe"), pl.col("gruppe"))))
    result = ["gruppe", "regel", "boligtype", "boligstandard", "bemanning", "beliggenhet", "ansvar", "dekning", "advarsler",
              "merknader", "endring"]
    out = pl.concat([frame, typed.select(result)], how="horizontal").select(*columns, *result)
    out.write_csv(target, separator=";", include_bom=True, line_terminator="\r\n")


def tally(source: Path) -> None:
    counts = (pl.scan_csv(source, separator=";", infer_schema=False).group_by("bydel", "gruppe").len("antall")
              .sort("bydel", "gruppe").collect())
    json.dump(counts.to_dicts(), sys.stdout, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path, nargs="?")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--tally", action="store_true")
    args = parser.parse_args()
    if args.tally:
        tally(args.input)
    else:
        reclassify(args.input, args.output, args.today)


if __name__ == "__main__":
    main()
