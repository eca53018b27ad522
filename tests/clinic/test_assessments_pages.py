"""The assessment pages: the intake walked step by step, questionnaires through the web form, the chart, access."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.assess import instrument
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.forms import group_value
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord
from stridewell.clinic.assessments.questions import STEPS
from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.booking import services as booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(clinic, make_patient):
    User = get_user_model()
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice
    clinic.alice.save()
    bob = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    clinic.bob.user = bob
    clinic.bob.save()
    patient, other = make_patient("Pia"), make_patient("Oscar")
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.alice,
        start=clinic.at(10),
        token="t",
    )
    booking.appointment_confirm(token="t", patient=patient)
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.bob,
        start=clinic.at(9, day=clinic.day + timedelta(days=1)),
        token="o",
    )
    booking.appointment_confirm(token="o", patient=other)
    return {"alice": alice, "bob": bob, "patient": patient, "other": other}


STEP_POSTS = {
    "about": {
        "age": "29",
        "sex": "female",
        "sports": ["road_running"],
        "weekly_running_km": "35",
        "recent_load_increase": "yes",
    },
    "story": {
        "onset": "gradual",
        "symptom_weeks": "6",
        "both_knees": "no",
        "trauma": "no",
        "can_bear_weight_now": "yes",
    },
    "pain": {"pain_locations": ["around_kneecap"], "pain_now": "3", "pain_worst": "6"},
    "when": {
        "aggravating": ["stairs_down", "squatting", "prolonged_sitting"],
        "night_pain": "none",
        "morning_stiffness_minutes": "0",
    },
    "knee": {"swelling": "none", "locking": "none"},
    "health": {},
}


def walk_intake(client, overrides: dict[str, dict] | None = None):
    client.post("/my/intake/")
    resp = None
    for s in STEPS:
        data = {**STEP_POSTS[s.slug], **(overrides or {}).get(s.slug, {})}
        resp = client.post(f"/my/intake/{s.slug}/", data)
        assert resp.status_code == 302, resp.content.decode()[:2000]
    assert resp["Location"].endswith("/my/intake/check/")
    return client.post("/my/intake/check/", follow=True)


def test_the_intake_walked_step_by_step_saves_one_answer_set_only_at_the_end(client, people):
    client.force_login(people["patient"].user)
    assert client.get("/my/intake/").status_code == 200
    client.post("/my/intake/")
    client.post("/my/intake/about/", STEP_POSTS["about"])
    assert not ScreeningRecord.objects.exists()  # a half-finished intake is not saved
    client.post("/my/intake/story/", STEP_POSTS["story"])
    html = client.get("/my/intake/check/").content.decode()
    assert "Some steps are not done yet" in html and "disabled" in html
    assert (
        client.post("/my/intake/check/").status_code == 200 and not ScreeningRecord.objects.exists()
    )
    for slug in ("pain", "when", "knee", "health"):
        client.post(f"/my/intake/{slug}/", STEP_POSTS[slug])
    html = client.get("/my/intake/check/").content.decode()
    assert "Around or behind the kneecap" in html and "Going down stairs" in html
    resp = client.post("/my/intake/check/", follow=True)
    html = resp.content.decode()
    assert "your answers are sent" in html and "redflag" not in html
    record = ScreeningRecord.objects.get()
    assert record.patient == people["patient"] and record.entered_by == people["patient"].user
    assert (
        record.answers["recent_load_increase"] is True and record.answers["weekly_running_km"] == 35
    )
    assert record.top_condition_id == "patellofemoral_pain"
    assert AuditEvent.objects.filter(action="create", what="screening intake").exists()


def test_a_step_with_a_bad_answer_is_shown_again_with_a_specific_message(client, people):
    client.force_login(people["patient"].user)
    client.post("/my/intake/")
    resp = client.post("/my/intake/about/", {**STEP_POSTS["about"], "age": "130"})
    html = resp.content.decode()
    assert resp.status_code == 200 and "Please give a number from 4 to 100." in html
    resp = client.post("/my/intake/about/", {**STEP_POSTS["about"], "age": "twenty"})
    assert "Please give a number from 4 to 100." in resp.content.decode()
    resp = client.post("/my/intake/story/", {"trauma": "maybe"})
    html = resp.content.decode()
    assert (
        "Please choose one of the answers shown." in html and "Please choose one answer." in html
    )  # onset needed


def test_a_red_flag_answer_tells_the_patient_plainly_to_see_a_doctor(client, people):
    client.force_login(people["patient"].user)
    resp = walk_intake(
        client,
        {
            "knee": {"swelling": "within_24_hours", "knee_signs": ["hot_red_knee"]},
            "health": {"health_now": ["fever"]},
        },
    )
    html = resp.content.decode()
    assert "Go to an emergency department now" in html and 'role="alert"' in html
    assert "Fever: yes" in html
    assert ScreeningRecord.objects.get().urgency == "emergency"
    my = client.get("/my/").content.decode()
    assert "Go to an emergency department now" in my  # also on the patient's own page


def test_the_clinician_sees_red_flags_first_then_ranked_conditions_and_the_disclaimer(
    client, people
):
    patient = people["patient"]
    services.intake_submit(
        patient=patient,
        entered_by=patient.user,
        answers={
            "age": 30,
            "onset": "gradual",
            "fever": True,
            "hot_red_knee": True,
            "swelling": "within_24_hours",
            "pain_locations": ["around_kneecap"],
            "aggravating": ["stairs_down", "squatting"],
        },
    )
    client.force_login(people["alice"])
    html = client.get(f"/staff/patients/{patient.pk}/").content.decode()
    section = html[html.index('id="assessments"') :]
    flag = section.index("Possible joint infection")
    assert flag < section.index("Not a diagnosis") < section.index("Likely conditions")
    assert "Emergency: now" in section and "Patellofemoral pain" in section
    assert "For" in section and "Against" in section and "To tell it apart" in section


def test_the_clinician_records_examination_findings_and_the_screening_uses_them(client, people):
    patient = people["patient"]
    services.intake_submit(
        patient=patient,
        entered_by=patient.user,
        answers={
            "age": 30,
            "onset": "gradual",
            "pain_locations": ["around_kneecap"],
            "aggravating": ["squatting"],
        },
    )
    client.force_login(people["alice"])
    assert client.get(f"/staff/patients/{patient.pk}/assessments/examination/").status_code == 200
    resp = client.post(
        f"/staff/patients/{patient.pk}/assessments/examination/",
        {
            "taken_on": str(timezone.localdate()),
            "squat_reproduces_pain": "yes",
            "effusion": "no",
            "temperature_c": "50",
        },
    )
    assert (
        resp.status_code == 200 and "Please give a number from 30 to 44." in resp.content.decode()
    )
    assert ScreeningRecord.objects.count() == 1
    resp = client.post(
        f"/staff/patients/{patient.pk}/assessments/examination/",
        {"taken_on": str(timezone.localdate()), "squat_reproduces_pain": "yes", "effusion": "no"},
    )
    assert resp.status_code == 302
    exam = ScreeningRecord.objects.first()
    assert exam.kind == "examination" and exam.entered_by == people["alice"]
    assert (
        exam.answers["exam"]["squat_reproduces_pain"] is True
        and exam.answers["exam"]["lachman_positive"] is None
    )
    html = client.get(f"/staff/patients/{patient.pk}/").content.decode()
    assert "Squat or step-down reproduces the pain" in html
    # The form starts from the last findings.
    html = client.get(f"/staff/patients/{patient.pk}/assessments/examination/").content.decode()
    assert re.search(r'name="squat_reproduces_pain" value="yes"[^>]*checked', html)


def _post_best(client, url: str, instrument_id: str, extra: dict | None = None):
    inst = instrument(instrument_id)
    pick = min if inst.method == "koos" or not inst.higher_is_better else max
    data = {}
    for item in inst.items:
        if item.choice_group:
            continue
        data[item.id] = str(pick(item.options, key=lambda o: o.points).value)
    for g in inst.choice_groups:
        first = inst.item(g.item_ids[0])
        data[g.id] = group_value(first.id, max(first.options, key=lambda o: o.points).value)
    return client.post(url, {**data, **(extra or {})})


@pytest.mark.parametrize(
    ("instrument_id", "expected"),
    [
        ("kujala", {"total": 100}),
        ("visa_p", {"total": 100}),
        ("lefs", {"total": 80}),
        ("nprs", {"total": 0}),
        ("groc", {"total": 7}),
        ("koos", {"symptoms": 100, "pain": 100, "adl": 100, "sport_rec": 100, "qol": 100}),
    ],
)
def test_all_best_answers_through_the_web_form_give_the_instruments_best_score(
    client, people, instrument_id, expected
):
    client.force_login(people["patient"].user)
    assert client.get(f"/my/questionnaires/{instrument_id}/").status_code == 200
    resp = _post_best(client, f"/my/questionnaires/{instrument_id}/", instrument_id)
    assert resp.status_code == 302, resp.content.decode()[:3000]
    row = QuestionnaireResponse.objects.get()
    assert {s["scale_id"]: s["value"] for s in row.scores} == expected
    assert row.complete and row.entered_by == people["patient"].user


def test_visa_p_worst_answers_with_branch_c_give_zero_and_hand_worked_mixed_answers_add_up(
    client, people
):
    client.force_login(people["patient"].user)
    inst = instrument("visa_p")
    zero = {it.id: "0" for it in inst.items[:6]} | {
        "q7_activity": "none",
        "q8": "q8c_pain_stops:nil",
    }
    assert client.post("/my/questionnaires/visa_p/", zero).status_code == 302
    # 5 + 6 + 7 + 4 + 3 + 2 (items 1-6) + 7 (full training below previous level) + 10 (B, 6-10 minutes) = 44
    mixed = {
        "q1_sitting": "5",
        "q2_stairs_down": "6",
        "q3_straighten_unloaded": "7",
        "q4_lunge": "4",
        "q5_squat": "3",
        "q6_hops": "2",
        "q7_activity": "full_below_previous",
        "q8": "q8b_pain_can_finish:6_10_min",
    }
    assert client.post("/my/questionnaires/visa_p/", mixed).status_code == 302
    assert sorted(r.scale_value() for r in QuestionnaireResponse.objects.all()) == [0, 44]


def test_a_half_finished_questionnaire_is_not_saved_and_each_blank_is_marked(client, people):
    client.force_login(people["patient"].user)
    resp = client.post("/my/questionnaires/kujala/", {"limp": "none", "support": "full_no_pain"})
    html = resp.content.decode()
    assert resp.status_code == 200 and "Nothing has been saved yet" in html
    assert html.count("Please answer this question.") == 11
    assert not QuestionnaireResponse.objects.exists()
    resp = client.post("/my/questionnaires/kujala/", {"limp": "sideways"})
    assert "Please choose one of the answers shown." in resp.content.decode()


def test_koos_with_a_few_blanks_is_saved_only_after_the_patient_confirms(client, people):
    client.force_login(people["patient"].user)
    inst = instrument("koos")
    data = {
        it.id: "never" if it.options[0].value == "never" else str(it.options[0].value)
        for it in inst.items
    }
    del data["s1_swelling"]
    resp = client.post("/my/questionnaires/koos/", data)
    assert resp.status_code == 200 and "tick the box at the end" in resp.content.decode()
    assert not QuestionnaireResponse.objects.exists()
    resp = client.post("/my/questionnaires/koos/", {**data, "confirm_incomplete": "on"})
    assert resp.status_code == 302
    row = QuestionnaireResponse.objects.get()
    assert not row.complete and row.missing_items == ["s1_swelling"]


def test_an_unknown_questionnaire_is_a_404(client, people):
    client.force_login(people["patient"].user)
    assert client.get("/my/questionnaires/nope/").status_code == 404


def test_the_portal_lists_what_is_due_and_past_scores_as_a_trend(client, people):
    patient = people["patient"]
    today = timezone.localdate()
    services.questionnaire_submit(
        patient=patient,
        instrument_id="nprs",
        responses={"pain": 7},
        entered_by=patient.user,
        taken_on=today - timedelta(days=21),
    )
    services.questionnaire_submit(
        patient=patient,
        instrument_id="nprs",
        responses={"pain": 2},
        entered_by=patient.user,
        taken_on=today - timedelta(days=7),
    )
    client.force_login(patient.user)
    html = client.get("/my/").content.decode()
    assert "Your knee questionnaires" in html and "/my/intake/" in html
    assert "/my/questionnaires/kujala/" in html and "/my/questionnaires/groc/" in html
    assert re.search(r"7\s*<span class=\"meta\">\([^)]*\)</span>\s*→\s*2", html)
    page = client.get("/my/questionnaires/").content.decode()
    assert "lower is better" in page


def test_the_chart_plots_each_questionnaire_and_labels_each_change_against_the_mid(client, people):
    patient = people["patient"]
    today = timezone.localdate()
    for days, pain in ((28, 7), (14, 6), (0, 2)):
        services.questionnaire_submit(
            patient=patient,
            instrument_id="nprs",
            responses={"pain": pain},
            entered_by=patient.user,
            taken_on=today - timedelta(days=days),
        )
    client.force_login(people["alice"])
    html = client.get(f"/staff/patients/{patient.pk}/").content.decode()
    section = html[html.index('id="assessments"') :]
    assert "<svg" in section and "Minimal important difference: 1.16" in section
    assert "-1.0 since first: within the MID" in section
    assert "-5.0 since first: better, exceeds the MID" in section


def test_a_clinician_enters_a_paper_questionnaire_with_its_date(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    day = timezone.localdate() - timedelta(days=3)
    resp = client.post(
        f"/staff/patients/{patient.pk}/assessments/questionnaires/nprs/",
        {"taken_on": str(day), "pain": "4"},
    )
    assert resp.status_code == 302
    row = QuestionnaireResponse.objects.get()
    assert row.entered_by == people["alice"] and row.taken_on == day and row.scale_value() == 4
    html = client.get(
        f"/staff/patients/{patient.pk}/assessments/responses/{row.pk}/"
    ).content.decode()
    assert "Pain now" in html and "4" in html


def _new_staff_urls(patient, response, record) -> list[str]:
    base = f"/staff/patients/{patient.pk}/assessments/"
    return [
        base,
        base + "examination/",
        base + f"answers/{record.pk}/",
        base + f"responses/{response.pk}/",
        base + "questionnaires/nprs/",
    ]


def test_a_clinician_of_another_patient_gets_404_on_every_new_url(client, people):
    patient = people["patient"]
    record = services.intake_submit(
        patient=patient, entered_by=patient.user, answers={"age": 30, "onset": "gradual"}
    )
    response = services.questionnaire_submit(
        patient=patient, instrument_id="nprs", responses={"pain": 3}, entered_by=patient.user
    )
    client.force_login(people["bob"])  # treats Oscar, not Pia
    for url in _new_staff_urls(patient, response, record):
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, {"pain": "1", "taken_on": str(timezone.localdate())}).status_code
            == 404
        ), url
    assert ScreeningRecord.objects.count() == 1 and QuestionnaireResponse.objects.count() == 1
    assert not AuditEvent.objects.filter(user=people["bob"]).exists()
    # Ids of Pia's rows under Oscar's chart (whom Bob does treat) are no way in either.
    other = people["other"]
    assert (
        client.get(f"/staff/patients/{other.pk}/assessments/answers/{record.pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/staff/patients/{other.pk}/assessments/responses/{response.pk}/").status_code
        == 404
    )
    # Front desk sees bookings, never clinical records.
    desk = get_user_model().objects.create_user("desk@clinic.example", "x" * 12, role="front_desk")
    client.force_login(desk)
    for url in _new_staff_urls(patient, response, record):
        assert client.get(url).status_code == 404, url
    # The treating practitioner gets in, and the patient may read but not write.
    client.force_login(people["alice"])
    for url in _new_staff_urls(patient, response, record):
        assert client.get(url).status_code == 200, url
    client.force_login(patient.user)
    assert client.get(f"/staff/patients/{patient.pk}/assessments/examination/").status_code == 404


def test_patient_pages_only_ever_show_the_signed_in_patients_own_answers(client, people):
    patient, other = people["patient"], people["other"]
    services.intake_submit(
        patient=other,
        entered_by=other.user,
        answers={
            "age": 30,
            "onset": "gradual",
            "fever": True,
            "hot_red_knee": True,
            "swelling": "within_24_hours",
        },
    )
    services.questionnaire_submit(
        patient=other, instrument_id="nprs", responses={"pain": 9}, entered_by=other.user
    )
    client.force_login(patient.user)
    assert client.get("/my/intake/done/").status_code == 302  # none of her own yet
    for url in ("/my/", "/my/questionnaires/", "/my/intake/"):
        html = client.get(url).content.decode()
        assert "emergency department" not in html and "9 <span" not in html


def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    for url in (
        "/my/intake/",
        "/my/intake/about/",
        "/my/questionnaires/",
        "/my/questionnaires/kujala/",
        f"/staff/patients/{people['patient'].pk}/assessments/",
    ):
        resp = client.get(url)
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"], url


def test_injury_details_given_then_no_injury_chosen_do_not_count(client, people):
    client.force_login(people["patient"].user)
    walk_intake(
        client,
        {
            "story": {
                "trauma": "no",
                "mechanism": "landing",
                "heard_pop": "yes",
                "bore_weight_after_injury": "no",
            }
        },
    )
    answers = ScreeningRecord.objects.get().answers
    assert answers["mechanism"] is None and answers["heard_pop"] is False
    assert answers["bore_weight_after_injury"] is True


def test_a_koos_subscale_left_unscored_shows_as_not_scored_and_not_comparable(client, people):
    patient = people["patient"]
    items = instrument("koos").items
    full = {it.id: it.options[2].value for it in items}
    services.questionnaire_submit(
        patient=patient,
        instrument_id="koos",
        responses=full,
        entered_by=patient.user,
        taken_on=timezone.localdate() - timedelta(days=14),
    )
    qol = [it.id for it in items if it.scale_id == "qol"]
    partial = {k: v for k, v in full.items() if k not in qol[1:]}  # 1 of 4 quality-of-life items
    services.questionnaire_submit(
        patient=patient,
        instrument_id="koos",
        responses=partial,
        entered_by=patient.user,
        allow_incomplete=True,
    )
    client.force_login(people["alice"])
    html = client.get(f"/staff/patients/{patient.pk}/").content.decode()
    section = html[html.index('id="assessments"') :]
    assert "not scored" in section and "not comparable" in section and "<svg" in section
    assert "no change since first" in section  # the other subscales are unchanged


def test_koos_pf_is_entered_by_a_clinician_from_paper_and_never_offered_to_the_patient(
    client, people
):
    patient = people["patient"]
    client.force_login(patient.user)
    resp = client.get("/my/questionnaires/koos_pf/", follow=True)
    assert "filled in on paper at the clinic" in resp.content.decode()
    assert "/my/questionnaires/koos_pf/" not in client.get("/my/questionnaires/").content.decode()
    client.force_login(people["alice"])
    url = f"/staff/patients/{patient.pk}/assessments/questionnaires/koos_pf/"
    resp = _post_best(client, url, "koos_pf", {"taken_on": str(timezone.localdate())})
    assert resp.status_code == 302
    row = QuestionnaireResponse.objects.get()
    assert row.scale_value() == 100 and row.entered_by == people["alice"]
