"""The home page's outcome headline: counted from questionnaire answers, with its denominator."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from stridewell.assess import instrument
from stridewell.clinic.assessments.services import questionnaire_submit
from stridewell.clinic.web.outcomes import outcomes_compute

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():  # noqa: ANN202
    cache.clear()
    yield
    cache.clear()


def _days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def _pain(patient, value: int, days_ago: int) -> None:  # noqa: ANN001
    questionnaire_submit(patient=patient, instrument_id="nprs", responses={"pain": value},
                         entered_by=patient.user, taken_on=_days_ago(days_ago))


def _kujala(patient, *, best: bool, days_ago: int) -> None:  # noqa: ANN001
    items = instrument("kujala").items
    answers = {it.id: (it.options[0] if best else it.options[-1]).value for it in items}
    questionnaire_submit(patient=patient, instrument_id="kujala", responses=answers,
                         entered_by=patient.user, taken_on=_days_ago(days_ago))


@pytest.fixture
def answers(make_patient):  # noqa: ANN001, ANN201
    """Six patients; five answered a questionnaire twice; one improved without getting worse."""
    names = ("Better", "Same", "Worse", "Mixed", "Once", "Late")
    better, same, worse, mixed, once, late_entry = (make_patient(n) for n in names)
    _pain(better, 7, 40)
    _pain(better, 3, 5)            # 4 points less pain: beyond the MID -> improved
    _pain(same, 5, 40)
    _pain(same, 5, 5)              # no change -> counted, not improved
    _pain(worse, 3, 40)
    _pain(worse, 6, 5)             # more pain -> counted, not improved
    _pain(mixed, 6, 40)
    _pain(mixed, 2, 5)             # pain better ...
    _kujala(mixed, best=True, days_ago=40)
    _kujala(mixed, best=False, days_ago=5)  # ... but function much worse -> not improved
    _pain(once, 8, 10)             # one score only -> not in the denominator
    # Entered out of order: the latest by date (3 -> 8, worse) decides, not the latest row.
    _pain(late_entry, 8, 5)
    _pain(late_entry, 3, 40)
    return {"better": better}


def test_counts_patients_with_two_scores_and_improved_by_the_mid(answers, settings):
    settings.OUTCOMES_MIN_PATIENTS = 3
    result = outcomes_compute()
    assert (result.improved, result.counted) == (1, 5)
    assert result.enough and result.percent == 20


def test_the_global_rating_of_change_is_not_compared(make_patient, settings):
    settings.OUTCOMES_MIN_PATIENTS = 1
    p = make_patient("Groc")
    items = instrument("groc").items
    for days in (40, 5):
        questionnaire_submit(patient=p, instrument_id="groc",
                             responses={items[0].id: items[0].options[-1].value},
                             entered_by=p.user, taken_on=_days_ago(days))
    assert outcomes_compute().counted == 0


def test_home_page_shows_the_headline_with_its_denominator(client, answers, settings):
    settings.OUTCOMES_MIN_PATIENTS = 3
    html = client.get("/").content.decode()
    assert "1 of 5 patients" in html and "two or more scores" in html
    assert "minimal important difference" in html


def test_the_headline_follows_the_data_not_a_typed_number(client, answers, make_patient, settings):
    settings.OUTCOMES_MIN_PATIENTS = 3
    assert "1 of 5 patients" in client.get("/").content.decode()
    newcomer = make_patient("New")
    _pain(newcomer, 9, 30)
    _pain(newcomer, 2, 1)
    cache.clear()
    assert "2 of 6 patients" in client.get("/").content.decode()


def test_too_few_patients_gives_no_rate_but_says_so(client, answers):
    html = client.get("/").content.decode()  # default minimum is 10; five were counted
    assert "too few for a fair figure" in html and "Only 5 patients" in html
    section = html.split("How our patients are doing")[1].split("</section>")[0]
    assert "%" not in section.split('class="meta"')[0]


def test_no_data_says_there_is_no_figure(client, db):
    html = client.get("/").content.decode()
    assert "no outcome figure to show" in html


def test_home_lists_the_offer_and_links_classes_and_education(client, clinic, class_session):
    session = class_session(capacity=4, hours_ahead=48)
    clinic.alice.title = "Sports physiotherapist"
    clinic.alice.save()
    html = client.get("/").content.decode()
    for text in ("Follow-up", "Runner's Recovery Package", "Central", "Alice Physio", "Pilates",
                 'href="/classes/"', 'href="/learn/"', "Learn about your knee"):
        assert text in html, text
    assert session.class_type.name in html
