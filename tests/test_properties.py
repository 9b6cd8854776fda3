"""Property tests over the whole input space: total, deterministic, monotone in supervision."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matrix.assessment import parse_assessment
from matrix.fields import DOMAIN_FIELDS, TILSYNSBEHOV, VARIGHET

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
        boligsituasjon=draw(st.sampled_from(["ordinar_bolig", "samlokalisert_delvis", "bostedslos", "ukjent", "bo_og_behandling"])),
        institusjonsinntak_12m=draw(st.integers(min_value=0, max_value=40)),
    )
    return raw


SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(raw=assessments())
def test_total_and_deterministic(raw, matrix, classifier):
    assessment = parse_assessment(raw, matrix)
    first = classifier.classify(assessment)
    assert first.gruppe in matrix.groups
    assert first == classifier.classify(assessment)
    assert first.regel in {r.id for r in matrix.data.beslutningstabell.regel}
    assert first.tjenester, "every group gets services"


@SETTINGS
@given(raw=assessments())
def test_more_supervision_never_gives_a_lower_group(raw, matrix, classifier):
    groups = []
    for level in TILSYNSBEHOV:
        groups.append(classifier.classify(parse_assessment({**raw, "tilsynsbehov": level}, matrix)).gruppe)
    assert groups == sorted(groups), dict(zip(TILSYNSBEHOV, groups, strict=True))


@SETTINGS
@given(raw=assessments())
def test_memoised_result_equals_a_fresh_engine(raw, matrix, classifier):
    from rules import Classifier

    assessment = parse_assessment(raw, matrix)
    assert Classifier(matrix).classify(assessment) == classifier.classify(assessment)
