"""The decision table on durable-rules: classification, explanation and table checks."""

from rules.classifier import Classifier, NotEnoughInformation, TableGap, coverage
from rules.result import Classification

__all__ = ["Classification", "Classifier", "NotEnoughInformation", "TableGap", "coverage"]
