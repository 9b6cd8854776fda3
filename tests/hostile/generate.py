"""Writes the hostile input files in this folder: one or more per failure class of issue 7.

Run it to regenerate: `python tests/hostile/generate.py`. Each file's name starts with its
class (`k1_` silent row loss, `k2_` tracebacks, `k3_` unbounded resources, `k6_` identity and
dates); `tests/test_hostile_inputs.py` feeds each to the product and states what must happen.
Person ids that look like national ids are synthetic (month + 80, Skatteetaten's Tenor
convention), never a real person's number.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
REPO = HERE.parents[1]
VALID_ID = "01818510078"  # passes mod-11; as a spreadsheet number it loses its leading 0
INVALID_10_DIGITS = 1818510079  # with a leading 0 it fails mod-11

COLUMNS = [
    "person_id", "bydel", "boevne", "rus", "psykisk_helse", "somatisk_helse", "atferd", "sosial_fungering",
    "tilsynsbehov", "behandlingsbehov", "vold_trusler", "brannrisiko", "varighet", "boligsituasjon",
    "brukers_onske", "kjonn", "vurdert_dato",
]
BASE = {
    "person_id": "P-1", "bydel": "Alna", "boevne": "1", "rus": "1", "psykisk_helse": "1", "somatisk_helse": "1",
    "atferd": "1", "sosial_fungering": "1", "tilsynsbehov": "ingen", "behandlingsbehov": "nei", "vold_trusler": "nei",
    "brannrisiko": "nei", "varighet": "langvarig", "boligsituasjon": "ordinar_bolig", "brukers_onske": "",
    "kjonn": "", "vurdert_dato": "2025-01-10",
}


def row(**changes: object) -> dict[str, object]:
    return {**BASE, **changes}


def csv_text(rows: list[dict[str, object]], columns: list[str] = COLUMNS) -> str:
    lines = [";".join(columns)] + [";".join(str(r.get(c, "")) for c in columns) for r in rows]
    return "\r\n".join(lines) + "\r\n"


def five_rows() -> list[dict[str, object]]:
    return [row(person_id=f"P-{n}", bydel=name) for n, name in enumerate(["Alna", "Bjerke", "Sagene", "Frogner", "Grorud"], 1)]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite_member(data: bytes, member: str, change: object) -> bytes:
    """The archive with one member's text passed through `change` (a str → str function)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                content = change(content.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info.filename, content)
    return buffer.getvalue()


def table(rows: list[dict[str, object]]) -> list[list[object]]:
    return [COLUMNS] + [[r[c] for c in COLUMNS] for r in rows]


def classify_document(**changes: object) -> dict[str, object]:
    return {**{k: v for k, v in BASE.items() if v != ""}, **changes}


def matrix_with_a_gap() -> str:
    """The shipped matrix without its last row (G1, "otherwise"): some inputs get no group."""
    oslo = (REPO / "matrix" / "data" / "oslo.toml").read_text(encoding="utf-8")
    gap = re.sub(r'\[\[beslutningstabell\.regel\]\]\nid = "G1"\n(?:.*\n)*?naar = \{ alltid = true \}\n', "", oslo)
    assert gap != oslo
    return gap


def write_all() -> None:
    # -- class 1: silent row loss ---------------------------------------------------------
    sheet = xlsx_bytes(table(five_rows()))
    (HERE / "k1_xlsx_dimension_lies.xlsx").write_bytes(
        rewrite_member(sheet, "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:Q2"', xml)))
    header_quote = csv_text(five_rows()).replace("person_id;bydel", 'person_id;"bydel', 1)
    (HERE / "k1_csv_header_unbalanced_quote.csv").write_text(header_quote, encoding="utf-8", newline="")
    rows = five_rows()
    rows[1]["brukers_onske"] = '"vil bo nær'  # opens a quote that never closes where the field ends
    rows[3]["brukers_onske"] = '"nær familien"'
    (HERE / "k1_csv_unterminated_quote.csv").write_text(csv_text(rows), encoding="utf-8", newline="")
    rows = five_rows()
    rows[0]["brukers_onske"] = "ønsker rolig bomiljø"
    text = csv_text(rows).encode("utf-8")
    rows[2]["brukers_onske"] = "bomiljø nær sønnen"
    mixed = text + csv_text([rows[2]]).split("\r\n", 1)[1].encode("cp1252")
    (HERE / "k1_csv_mixed_encoding.csv").write_bytes(mixed)
    (HERE / "k1_csv_missing_columns.csv").write_text(
        csv_text(five_rows(), [c for c in COLUMNS if c not in ("bydel", "tilsynsbehov")]), encoding="utf-8", newline="")
    (HERE / "k1_csv_header_only.csv").write_text(";".join(COLUMNS) + "\r\n", encoding="utf-8", newline="")
    # -- class 2: tracebacks --------------------------------------------------------------
    (HERE / "k2_classify_deep_nesting.json").write_text('{"person_id": "P-1", "ekstra": ' + "[" * 100_000 + "]" * 100_000 + "}")
    deep_line = '{"person_id": "P-2", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    (HERE / "k2_jsonl_deep_nesting.jsonl").write_text("\n".join([json.dumps(row()), deep_line, json.dumps(row(person_id="P-3"))]) + "\n")
    (HERE / "k2_classify_lone_surrogate.json").write_text(json.dumps(classify_document(brukers_onske="x")).replace('"x"', '"\\ud800"'))
    latin = json.dumps(classify_document(brukers_onske="bomiljo")).encode().replace(b"bomiljo", b"bomilj\xf8")
    (HERE / "k2_classify_invalid_utf8.json").write_bytes(latin)
    (HERE / "k2_classify_null.json").write_text("null")
    (HERE / "k2_classify_ekstra_wrong_type.json").write_text(json.dumps(classify_document(ekstra=5)))
    (HERE / "k2_xlsx_bad_shared_string.xlsx").write_bytes(
        rewrite_member(sheet, "xl/worksheets/sheet1.xml",
                       lambda xml: re.sub(r'<c r="B3" t="inlineStr"><is><t>[^<]*</t></is></c>', '<c r="B3" t="s"><v>99999</v></c>', xml)))
    oslo = (REPO / "matrix" / "data" / "oslo.toml").read_text(encoding="utf-8")
    (HERE / "k2_matrix_gap.toml").write_text(matrix_with_a_gap(), encoding="utf-8")
    deep = "{ felt = \"rus\", minst = 3 }"
    for _ in range(200):
        deep = "{ alle = [ " + deep + " ] }"
    nested = oslo.replace('naar = { felt = "maks", minst = 3 }', "naar = " + deep, 1)
    assert nested != oslo
    (HERE / "k2_matrix_deep_conditions.toml").write_text(nested, encoding="utf-8")
    # -- class 3: unbounded resources -----------------------------------------------------
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(sheet)) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<sheetData>", b"<sheetData>" + b" " * 64 * 1024**2)
            target.writestr(info.filename, content)
    (HERE / "k3_xlsx_zip_bomb.xlsx").write_bytes(bomb.getvalue())
    # -- class 6: identity and dates ------------------------------------------------------
    (HERE / "k6_classify_duplicate_keys.json").write_text(
        json.dumps(classify_document(tilsynsbehov="heldogn", atferd="5"))[:-1] + ', "Tilsynsbehov": "ingen"}')
    identity = [
        row(person_id=VALID_ID),
        row(person_id="018185 10078", vurdert_dato="2025-02-01"),  # the same person, grouped digits
        row(person_id="018185-10079"),  # grouped, fails mod-11
        row(person_id="\u200b01818510079"),  # zero-width prefix, fails mod-11
        row(person_id="P-5", vurdert_dato="2024-01-01Tjunk"),
        row(person_id="P-6", vurdert_dato="01.01.2999"),
        row(person_id="P-7", kjonn="hest"),
        row(person_id="P-8", kjonn="K"),
    ]
    (HERE / "k6_csv_identity_and_dates.csv").write_text(csv_text(identity), encoding="utf-8", newline="")
    numeric = [row(person_id=int(VALID_ID)), row(person_id=INVALID_10_DIGITS, vurdert_dato="2025-02-01"),
               row(person_id=VALID_ID, vurdert_dato="2025-03-01")]
    (HERE / "k6_xlsx_numeric_ids.xlsx").write_bytes(xlsx_bytes(table(numeric)))


if __name__ == "__main__":
    write_all()
