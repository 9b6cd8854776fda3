"""Decision-table conditions: compiled to durable-rules expressions, and read back as words.

The engine evaluates every condition; this module only translates the data file's
condition syntax and renders it for people. No condition is evaluated in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from matrix.messages import Lang, t
from matrix.model import AllOf, Always, AnyOf, Compare, Condition
from matrix.vocabulary import field_label, value_label
from rules.engine import always

_DURABLE_OPERATOR = {"ulik": "$neq", "minst": "$gte", "hoyst": "$lte", "over": "$gt", "under": "$lt"}
_SYMBOL = {"lik": "=", "ulik": "≠", "minst": "≥", "hoyst": "≤", "over": ">", "under": "<"}


def to_durable(cond: Condition) -> dict[str, Any]:
    """The durable-rules expression for a condition."""
    if isinstance(cond, AllOf):
        return {"$and": [to_durable(part) for part in cond.alle]}
    if isinstance(cond, AnyOf):
        return {"$or": [to_durable(part) for part in cond.minst_en]}
    if isinstance(cond, Always):
        return always()
    if cond.operator == "lik":
        return {cond.felt: cond.value}
    if cond.operator == "en_av":
        return {"$or": [{cond.felt: item} for item in cond.value]}  # type: ignore[union-attr]
    return {_DURABLE_OPERATOR[cond.operator]: {cond.felt: cond.value}}


def comparisons(cond: Condition, path: str = "") -> Iterator[tuple[str, Compare]]:
    """Every comparison in a condition with a stable path ("0", "1.2", …) naming it."""
    if isinstance(cond, AllOf | AnyOf):
        parts = cond.alle if isinstance(cond, AllOf) else cond.minst_en
        for i, part in enumerate(parts):
            yield from comparisons(part, f"{path}.{i}" if path else str(i))
    elif isinstance(cond, Compare):
        yield path or "0", cond


def fields_read(cond: Condition) -> set[str]:
    return {compare.felt for _, compare in comparisons(cond)}


def constants(cond: Condition) -> dict[str, set[object]]:
    """The values each field is compared with (used to group equivalent inputs)."""
    found: dict[str, set[object]] = {}
    for _, compare in comparisons(cond):
        values = compare.value if isinstance(compare.value, list) else [compare.value]
        found.setdefault(compare.felt, set()).update(values)
    return found


def show_value(field: str, value: object, lang: Lang) -> str:
    """A field's value in words (heldogn → heldøgnsbemanning, True → ja)."""
    return value_label(field, value, lang)


def seen_value(value: object, lang: Lang) -> str:
    """The value as the explanation records it: the code as given, yes/no in words ('heldogn', 'ja', '4')."""
    if isinstance(value, bool):
        return t("ja" if value else "nei", lang)
    if value is None or value == "":
        return t("tom", lang)
    return str(value)


def describe(compare: Compare, lang: Lang) -> str:
    """'atferd ≥ 4', 'vold eller trusler: ja', 'tilsynsbehov: bemanning på dagtid eller heldøgnsbemanning'."""
    label = field_label(compare.felt, lang)
    if compare.operator == "en_av":
        options = [show_value(compare.felt, v, lang) for v in compare.value]  # type: ignore[union-attr]
        either = t("eller", lang).join(options) if len(options) < 3 else ", ".join(options[:-1]) + t("eller", lang) + options[-1]
        return f"{label}: {either}"
    if compare.operator == "lik":
        return f"{label}: {show_value(compare.felt, compare.value, lang)}"
    return f"{label} {_SYMBOL[compare.operator]} {show_value(compare.felt, compare.value, lang)}"


def describe_condition(cond: Condition, lang: Lang) -> str:
    """The whole condition in words, for reference cards and `check` output."""
    if isinstance(cond, Always):
        return t("alltid", lang)
    if isinstance(cond, Compare):
        return describe(cond, lang)
    parts = cond.alle if isinstance(cond, AllOf) else cond.minst_en
    joiner = t("og", lang) if isinstance(cond, AllOf) else t("eller", lang)
    words = [describe_condition(p, lang) for p in parts]
    inner = joiner.join(w if not isinstance(p, AllOf | AnyOf) else f"({w})" for w, p in zip(words, parts, strict=True))
    return inner
