"""The decision table on durable-rules: classification, explanation and table checks.

The evaluation API (what batch paths, the table check, the TUI and the demo use) is the
`Classifier`'s `field_class`, `domain_class`, `age_class`, `class_key`, `decide`, `verdict`,
`flag_codes` and `reassessment_codes`, with `table_fact`, `stage_two_fact` and `days_since`.
"""

from rules.classifier import (
    Classifier,
    Decision,
    NotEnoughInformation,
    TableGap,
    Verdict,
    coverage,
    days_since,
    stage_two_fact,
    table_fact,
)
from rules.result import Classification

__all__ = [
    "Classification",
    "Classifier",
    "Decision",
    "NotEnoughInformation",
    "TableGap",
    "Verdict",
    "coverage",
    "days_since",
    "stage_two_fact",
    "table_fact",
]
