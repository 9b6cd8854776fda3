"""The durable-rules wrapper: isolation, bounded state, refusal never passes silently."""

from __future__ import annotations

import threading

import pytest

from matrix.assessment import parse_assessment
from rules import Classifier, TableGap
from rules.engine import ConditionSet, EngineError


def test_far_more_evaluations_than_the_context_cap():
    # durable-rules allows 1024 live states per ruleset; each evaluation deletes its own.
    conditions = ConditionSet({"big": {"$gte": {"n": 5000}}})
    assert sum("big" in conditions.holding({"n": n}) for n in range(6000)) == 1000


def test_identical_facts_are_evaluated_again():
    # Asserting the same fact twice into one state is rejected upstream; fresh states avoid that.
    conditions = ConditionSet({"x": {"a": 1}})
    assert [conditions.holding({"a": 1}) for _ in range(3)] == [frozenset({"x"})] * 3


def test_two_sets_with_the_same_rule_names_do_not_interfere():
    first = ConditionSet({"r": {"a": 1}})
    second = ConditionSet({"r": {"a": 2}})
    assert first.holding({"a": 1}) == {"r"} and second.holding({"a": 1}) == frozenset()


def test_a_fact_the_engine_cannot_take_is_an_error():
    conditions = ConditionSet({"x": {"a": 1}})
    with pytest.raises(EngineError, match="'a' has a object value"):
        conditions.holding({"a": object()})
    assert conditions.holding({"a": 1}) == {"x"}  # and the set still works afterwards


def test_no_matching_row_is_a_gap_that_names_the_input(matrix):
    classifier = Classifier(matrix)
    classifier.rows = classifier.rows[:-1]  # drop the catch-all row G1
    values = {"boevne": 1, "rus": 1, "psykisk_helse": 1, "somatisk_helse": 1, "atferd": 1, "sosial_fungering": 1,
              "tilsynsbehov": "ingen", "behandlingsbehov": False, "vold_trusler": False, "brannrisiko": False}
    with pytest.raises(TableGap) as caught:
        classifier.decide(values)
    assert "tilsynsbehov=ingen" in caught.value.message("nb") and "hull" in caught.value.message("nb")


def test_classifier_is_thread_safe(matrix, person):
    classifier = Classifier(matrix)
    levels = ["ingen", "ukentlig", "daglig", "dagtid", "heldogn"]
    expected = {level: classifier.classify(parse_assessment(person(tilsynsbehov=level), matrix)).gruppe for level in levels}
    failures: list[str] = []

    def work(level: str) -> None:
        fresh = Classifier(matrix)  # a cold memo, so every thread really reaches the engine
        for _ in range(200):
            if fresh.classify(parse_assessment(person(tilsynsbehov=level), matrix)).gruppe != expected[level]:
                failures.append(level)
            fresh.forget()

    threads = [threading.Thread(target=work, args=(level,)) for level in levels]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
