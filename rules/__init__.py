"""The decision table on durable-rules: classification, explanation and table checks."""

from rules.classifier import Classifier, TableGap, coverage
from rules.result import Classification

__all__ = ["Classification", "Classifier", "TableGap", "coverage"]
