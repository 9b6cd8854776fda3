"""Turning a caseworker's choice into a storable decision, checked against the matrix."""

from __future__ import annotations

from casestore.models import DecisionInput
from casestore.store import StoreError
from matrix.assessment import Assessment
from matrix.load import Matrix
from rules import coverage
from rules.result import Classification


class DecisionInvalid(StoreError):
    """The decision cannot be recorded as given (an unknown group, no reason for an override)."""


def decide(
    matrix: Matrix,
    assessment: Assessment,
    classification: Classification,
    final_gruppe: int,
    reason: str | None = None,
) -> DecisionInput:
    """Accept the suggestion (final = suggested) or override it, which needs a reason.

    The final group's housing attributes and coverage are taken from the matrix now, so the
    record says what was decided even if the matrix changes later. Who decided is not an
    argument: the store records its own identity (the database login, or the OS user).
    """
    if final_gruppe not in matrix.groups:
        raise DecisionInvalid("store_group", gruppe=final_gruppe)
    why = (reason or "").strip() or None
    if final_gruppe != classification.gruppe and why is None:
        raise DecisionInvalid("store_reason")
    group = matrix.groups[final_gruppe]
    return DecisionInput(
        suggested_gruppe=classification.gruppe,
        suggested_regel=classification.regel,
        final_gruppe=final_gruppe,
        reason=why,
        matrise_versjon=matrix.version,
        boligtype=group.boligtype.verdi,
        boligstandard=group.boligstandard.verdi,
        ansvar=group.ansvar.verdi,
        dekning=coverage(matrix, final_gruppe, assessment.boligsituasjon),
    )
