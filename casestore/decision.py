"""Turning a caseworker's choice into a storable decision, checked against the matrix."""

from __future__ import annotations

from casestore.models import DecisionInput
from casestore.store import StoreError
from matrix.assessment import Assessment
from matrix.load import Matrix
from rules import coverage
from rules.result import Classification


class DecisionInvalid(StoreError):
    """The decision cannot be recorded as given (no reason for an override, no caseworker)."""


def decide(
    matrix: Matrix,
    assessment: Assessment,
    classification: Classification,
    final_gruppe: int,
    caseworker: str,
    reason: str | None = None,
) -> DecisionInput:
    """Accept the suggestion (final = suggested) or override it, which needs a reason.

    The final group's housing attributes and coverage are taken from the matrix now, so the
    record says what was decided even if the matrix changes later.
    """
    if final_gruppe not in matrix.groups:
        raise DecisionInvalid("store_group", gruppe=final_gruppe)
    name = caseworker.strip()
    if not name:
        raise DecisionInvalid("store_caseworker")
    why = (reason or "").strip() or None
    if final_gruppe != classification.gruppe and why is None:
        raise DecisionInvalid("store_reason")
    group = matrix.groups[final_gruppe]
    return DecisionInput(
        suggested_gruppe=classification.gruppe,
        suggested_regel=classification.regel,
        final_gruppe=final_gruppe,
        reason=why,
        caseworker=name,
        matrise_versjon=matrix.version,
        boligtype=group.boligtype.verdi,
        boligstandard=group.boligstandard.verdi,
        ansvar=group.ansvar.verdi,
        dekning=coverage(matrix, final_gruppe, assessment.boligsituasjon),
    )
