"""The public evaluation API of rules/: class keys, verdicts and flags agree with `classify`,
equal class keys mean equal verdicts, and nothing outside rules/ reads the classifier's insides."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matrix.assessment import parse_assessment
from matrix.fields import DOMAIN_FIELDS, TILSYNSBEHOV, VARIGHET
from rules import Classifier, days_since

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 3, 1)
score = st.integers(min_value=1, max_value=5)
yes_no = st.sampled_from(["ja", "nei"])


@st.composite
def assessments(draw):
    raw = {name: draw(score) for name in DOMAIN_FIELDS}
    raw.update(
        person_id="H-1",
        bydel=draw(st.integers(min_value=1, max_value=15)),
        tilsynsbehov=draw(st.sampled_from(TILSYNSBEHOV)),
        behandlingsbehov=draw(yes_no),
        vold_trusler=draw(yes_no),
        brannrisiko=draw(yes_no),
        avlastningsbehov=draw(yes_no),
        varighet=draw(st.sampled_from(VARIGHET)),
        boligsituasjon=draw(st.sampled_from(["ordinar_bolig", "samlokalisert_delvis", "samlokalisert_heldogn", "bostedslos",
                                             "ukjent", "bo_og_behandling", "skjermet_heldogn"])),
        institusjonsinntak_12m=draw(st.one_of(st.none(), st.integers(min_value=0, max_value=40))),
        livskvalitet=draw(st.one_of(st.none(), st.integers(min_value=1, max_value=7))),
    )
    days = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=900)))
    if days is not None:
        raw["vurdert_dato"] = (TODAY - timedelta(days=days)).isoformat()
    return raw


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(raw=assessments())
def test_verdict_is_what_classify_says(raw, matrix, classifier):
    assessment = parse_assessment(raw, matrix)
    values = assessment.model_dump(exclude={"ekstra"})
    result = classifier.classify(assessment, today=TODAY)
    verdict = classifier.verdict(values, days_since(assessment.vurdert_dato, TODAY))
    assert (verdict.gruppe, verdict.regel, verdict.dekning) == (result.gruppe, result.regel, result.dekning)
    assert list(verdict.advarsler) == [f.kode for f in result.advarsler]
    assert list(verdict.merknader) == [f.kode for f in result.merknader]
    decision = classifier.decide(values)
    assert (decision.regel, decision.gruppe) == (result.regel, result.gruppe)
    assert list(decision.matched[1:]) == result.forklaring.ogsa_truffet


@SETTINGS
@given(first=assessments(), second=assessments())
def test_equal_class_keys_mean_equal_verdicts(first, second, matrix):
    """Each verdict from a cold classifier (the engine itself), never from the memo."""
    classifier = Classifier(matrix)
    found = []
    for raw in (first, second):
        assessment = parse_assessment(raw, matrix)
        values = assessment.model_dump(exclude={"ekstra"})
        days = days_since(assessment.vurdert_dato, TODAY)
        classifier.forget()
        found.append((classifier.class_key(values, days), classifier.verdict(values, days)))
    if found[0][0] == found[1][0]:
        assert found[0][1] == found[1][1]


def test_reassessment_codes_are_the_notes_that_read_the_age(matrix, classifier, person):
    values = parse_assessment(person(), matrix).model_dump(exclude={"ekstra"})
    assert classifier.reassessment_codes(values, 1, "dekket", 366) == ["N-gammel"]
    assert classifier.reassessment_codes(values, 1, "dekket", 365) == []
    assert classifier.reassessment_codes(values, 1, "udekket", None) == []  # N-udekket is not about age


def test_the_engine_runs_once_per_class(matrix, person):
    classifier = Classifier(matrix)
    values = parse_assessment(person(rus=3), matrix).model_dump(exclude={"ekstra"})
    first = classifier.verdict(values, 10)
    held = classifier.decide  # a second input of the same class must not reach decide()
    calls: list[object] = []
    classifier.decide = lambda v: calls.append(v) or held(v)  # type: ignore[method-assign]
    assert classifier.verdict({**values, "psykisk_helse": 3}, 20) == first
    assert calls == []
    classifier.verdict({**values, "tilsynsbehov": "heldogn"}, 20)
    assert len(calls) == 1


PRIVATE = re.compile(r"classifier\._|\._flag_stage\b|rules\._stage\b|\bStage\(")


def test_nothing_outside_rules_reads_the_classifiers_insides():
    offenders = []
    for path in REPO.rglob("*.py"):
        relative = path.relative_to(REPO)
        if relative.parts[0] in (".venv", "rules") or relative.parts[0].startswith("."):
            continue
        if relative == Path(__file__).relative_to(REPO):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PRIVATE.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
