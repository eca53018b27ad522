"""Assessment use cases: answer sets and questionnaires are stored whole, scored by the core, never overwritten."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.assess import AnswerError, Examination, ScreeningAnswers, instrument
from stridewell.clinic.assessments import selectors, services
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord
from stridewell.clinic.assessments.questions import EXAM_GROUPS, STEPS

pytestmark = pytest.mark.django_db

PFP = {
    "age": 28,
    "onset": "gradual",
    "pain_locations": ["around_kneecap"],
    "aggravating": ["stairs_down", "squatting", "prolonged_sitting"],
    "pain_now": 3,
    "pain_worst": 6,
}


def best(instrument_id: str) -> dict[str, object]:
    """Return the best answer to every item (first branch of VISA-P item 8).

    KOOS items score 0 for "no problem" (the subscale is 100 - mean x 25), the others score most for the best.
    """
    inst = instrument(instrument_id)
    pick = min if inst.method == "koos" or not inst.higher_is_better else max
    out = {}
    for item in inst.items:
        if item.choice_group and item.id != inst.choice_groups[0].item_ids[0]:
            continue
        out[item.id] = pick(item.options, key=lambda o: o.points).value
    return out


def test_every_answer_of_the_core_is_asked_in_exactly_one_intake_step():
    asked = [f for s in STEPS for f in s.fields()]
    assert sorted(asked) == sorted(f for f in ScreeningAnswers.model_fields if f != "exam")


def test_every_examination_finding_is_on_the_examination_form_once():
    listed = [f for _, names in EXAM_GROUPS for f in names]
    assert sorted(listed) == sorted(Examination.model_fields)


def test_an_intake_is_stored_with_who_and_when_and_caches_the_screening(make_patient):
    patient = make_patient()
    record = services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    assert record.kind == "intake" and record.entered_by == patient.user
    assert record.taken_on == timezone.localdate() and record.answers["pain_worst"] == 6
    assert record.top_condition_id == "patellofemoral_pain" and record.urgency == ""
    assert selectors.latest_condition_id(patient) == "patellofemoral_pain"


def test_a_bad_intake_names_the_field_and_saves_nothing(make_patient):
    patient = make_patient()
    with pytest.raises(AnswerError) as err:
        services.intake_submit(
            patient=patient, answers={**PFP, "pain_now": 12}, entered_by=patient.user
        )
    assert "pain_now" in str(err.value)
    assert not ScreeningRecord.objects.exists()


def test_a_patient_cannot_send_examination_findings_in_the_intake(make_patient):
    patient = make_patient()
    with pytest.raises(AnswerError):
        services.intake_submit(
            patient=patient, answers={**PFP, "exam": {"effusion": True}}, entered_by=patient.user
        )


def test_an_examination_adds_a_record_and_keeps_the_intake_as_it_was(make_patient):
    patient = make_patient()
    clinician = get_user_model().objects.create_user(
        "physio@clinic.example", "x" * 12, role="practitioner"
    )
    intake = services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    exam = services.examination_record(
        patient=patient,
        findings={"squat_reproduces_pain": True, "effusion": False},
        entered_by=clinician,
    )
    intake.refresh_from_db()
    assert intake.answers["exam"] is None
    assert exam.based_on == intake and exam.answers["exam"]["squat_reproduces_pain"] is True
    assert exam.answers["pain_worst"] == 6 and exam.entered_by == clinician
    assert selectors.latest_record(patient) == exam
    second = services.examination_record(
        patient=patient, findings={"effusion": True}, entered_by=clinician
    )
    assert second.based_on == intake and ScreeningRecord.objects.count() == 3


def test_examination_without_an_intake_needs_age_and_onset(make_patient):
    patient = make_patient()
    with pytest.raises(AnswerError):
        services.examination_record(patient=patient, findings={}, entered_by=patient.user)
    rec = services.examination_record(
        patient=patient,
        findings={"effusion": True},
        entered_by=patient.user,
        history={"age": 40, "onset": "sudden"},
    )
    assert rec.answers["age"] == 40 and rec.based_on is None


@pytest.mark.parametrize(
    ("instrument_id", "maximum"), [("kujala", 100), ("visa_p", 100), ("lefs", 80)]
)
def test_all_best_answers_give_the_instruments_maximum(make_patient, instrument_id, maximum):
    patient = make_patient()
    row = services.questionnaire_submit(
        patient=patient,
        instrument_id=instrument_id,
        responses=best(instrument_id),
        entered_by=patient.user,
    )
    assert row.scale_value() == maximum and row.complete
    assert row.instrument_version == services.instrument_version(instrument_id)
    assert services.questionnaire_rescore(row).value == maximum


def test_a_sum_questionnaire_with_a_blank_item_is_refused_and_not_saved(make_patient):
    patient = make_patient()
    answers = best("kujala")
    del answers["limp"]
    with pytest.raises(AnswerError) as err:
        services.questionnaire_submit(
            patient=patient,
            instrument_id="kujala",
            responses=answers,
            entered_by=patient.user,
            allow_incomplete=True,
        )
    assert "limp" in str(err.value)
    assert not QuestionnaireResponse.objects.exists()


def test_koos_with_blanks_needs_confirmation_then_is_saved_as_incomplete(make_patient):
    patient = make_patient()
    answers = best("koos")
    for item_id in ("s1_swelling", "s2_noise"):
        del answers[item_id]
    with pytest.raises(services.IncompleteAnswers) as err:
        services.questionnaire_submit(
            patient=patient, instrument_id="koos", responses=answers, entered_by=patient.user
        )
    assert err.value.missing == ("s1_swelling", "s2_noise")
    assert not QuestionnaireResponse.objects.exists()
    row = services.questionnaire_submit(
        patient=patient,
        instrument_id="koos",
        responses=answers,
        entered_by=patient.user,
        allow_incomplete=True,
    )
    assert not row.complete and row.missing_items == ["s1_swelling", "s2_noise"]
    assert row.scale_value("symptoms") == 100  # 5 of 7 answered: the half rule allows a score


def test_koos_pf_with_too_few_answers_gives_no_score_and_is_not_saved(make_patient):
    patient = make_patient()
    with pytest.raises(AnswerError, match="too few"):
        services.questionnaire_submit(
            patient=patient,
            instrument_id="koos_pf",
            responses={"pf1": "none"},
            entered_by=patient.user,
            allow_incomplete=True,
        )
    assert not QuestionnaireResponse.objects.exists()


def test_a_new_questionnaire_never_overwrites_an_old_one(make_patient):
    patient = make_patient()
    today = timezone.localdate()
    services.questionnaire_submit(
        patient=patient,
        instrument_id="nprs",
        responses={"pain": 7},
        entered_by=patient.user,
        taken_on=today - timedelta(days=20),
    )
    services.questionnaire_submit(
        patient=patient, instrument_id="nprs", responses={"pain": 2}, entered_by=patient.user
    )
    assert [r.scale_value() for r in QuestionnaireResponse.objects.order_by("taken_on")] == [7, 2]


def test_future_dates_are_refused(make_patient):
    patient = make_patient()
    with pytest.raises(AnswerError, match="future"):
        services.questionnaire_submit(
            patient=patient,
            instrument_id="nprs",
            responses={"pain": 3},
            entered_by=patient.user,
            taken_on=timezone.localdate() + timedelta(days=1),
        )


def test_routine_questionnaires_are_due_first_and_the_rating_of_change_only_at_follow_up(
    make_patient,
):
    patient = make_patient()
    today = timezone.localdate()
    assert [i.id for i in services.questionnaires_due(patient, today)] == list(services.ROUTINE)
    for iid in services.ROUTINE:
        services.questionnaire_submit(
            patient=patient,
            instrument_id=iid,
            responses=best(iid),
            entered_by=patient.user,
            taken_on=today,
        )
    assert services.questionnaires_due(patient, today) == []
    later = [i.id for i in services.questionnaires_due(patient, today + timedelta(days=14))]
    assert later == [*services.ROUTINE, "groc"]


def test_selectors_give_none_without_a_screening(make_patient):
    patient = make_patient()
    assert (
        selectors.latest_screening(patient) is None
        and selectors.latest_condition_id(patient) is None
    )


def test_a_stored_answer_set_that_no_longer_validates_gives_none_not_an_error(make_patient):
    patient = make_patient()
    rec = services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    ScreeningRecord.objects.filter(pk=rec.pk).update(answers={**rec.answers, "renamed_field": True})
    assert selectors.latest_screening(patient) is None


def test_the_patients_export_carries_answers_and_scores_and_erasure_keeps_recent_records(
    make_patient,
):
    from stridewell.clinic.assessments.records import erase_assessments, export_assessments

    patient = make_patient()
    services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    services.questionnaire_submit(
        patient=patient, instrument_id="nprs", responses={"pain": 5}, entered_by=patient.user
    )
    rows, files = export_assessments(patient)
    assert files == [] and {r["type"] for r in rows} == {"screening", "questionnaire"}
    assert next(r for r in rows if r["type"] == "questionnaire")["scores"][0]["value"] == 5
    assert erase_assessments(patient, timezone.now() - timedelta(days=1)) == 0
    assert erase_assessments(patient, timezone.now() + timedelta(seconds=1)) == 2


def test_a_double_tap_on_send_saves_one_row_not_two(make_patient):
    patient = make_patient()
    first = services.questionnaire_submit(
        patient=patient, instrument_id="nprs", responses={"pain": "5"}, entered_by=patient.user
    )
    again = services.questionnaire_submit(
        patient=patient, instrument_id="nprs", responses={"pain": "5"}, entered_by=patient.user
    )
    assert again == first and QuestionnaireResponse.objects.count() == 1
    a = services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    b = services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    assert a == b and ScreeningRecord.objects.count() == 1


def test_an_examination_dated_in_the_future_is_refused(make_patient):
    patient = make_patient()
    services.intake_submit(patient=patient, answers=PFP, entered_by=patient.user)
    with pytest.raises(AnswerError, match="future"):
        services.examination_record(
            patient=patient,
            findings={},
            entered_by=patient.user,
            taken_on=timezone.localdate() + timedelta(days=2),
        )
