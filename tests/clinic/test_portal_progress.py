"""The portal shows the patient's progress as plots; the audit trail is readable by admin and patient."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.clinic.assessments.services import questionnaire_submit
from stridewell.clinic.audit.models import AuditEvent
from tests.clinic.test_programmes_pages import _log, people, published  # noqa: F401

pytestmark = pytest.mark.django_db


def _pain_scores(patient, values: list[int]) -> None:  # noqa: ANN001
    today = timezone.localdate()
    for i, v in enumerate(values):
        questionnaire_submit(patient=patient, instrument_id="nprs", responses={"pain": v},
                             entered_by=patient.user, taken_on=today - timedelta(days=30 * (len(values) - i)))


def _section(html: str) -> str:
    return html.split('id="progress-h"')[1].split("</section>")[0]


def test_a_new_patient_is_told_where_progress_will_appear(client, make_patient):
    patient = make_patient()
    client.force_login(patient.user)
    html = _section(client.get("/my/").content.decode())
    assert "My progress" in client.get("/my/").content.decode()
    assert "will show here as plots" in html and "<svg" not in html


def test_pain_logged_and_questionnaires_answered_twice_are_plotted_with_the_numbers(client, published):  # noqa: F811
    patient = published
    today = timezone.localdate()
    for back, (during, morning) in enumerate([(4, 3), (3, 2), (2, 1)]):
        _log(client, today - timedelta(days=3 - back), during, morning)
    _pain_scores(patient, [7, 3])
    html = _section(client.get("/my/").content.decode())
    assert html.count("<svg") == 2  # the session pain trend and the pain 0-10 questionnaire
    assert "Pain after your exercise sessions" in html and "during 4/10, next morning 3/10" in html
    assert "Lower is better" in html and 'role="img"' in html


def test_a_single_answer_is_listed_not_plotted(client, make_patient):
    patient = make_patient()
    _pain_scores(patient, [5])
    client.force_login(patient.user)
    html = _section(client.get("/my/").content.decode())
    assert "<svg" not in html and "a plot appears after the next" in html


@pytest.fixture
def opened(client, people):  # noqa: F811
    """Alice opens Pia's chart and writes a note; returns (people, admin)."""
    client.force_login(people["alice"])
    assert client.get(f"/staff/patients/{people['patient'].pk}/").status_code == 200
    resp = client.post(f"/staff/patients/{people['patient'].pk}/notes/new/",
                       {"visit_date": timezone.localdate().isoformat(), "subjective": "Knee better",
                        "objective": "", "treatment": "", "assessment": "", "plan": ""})
    assert resp.status_code == 302
    admin = get_user_model().objects.create_superuser("admin@clinic.example", "x" * 12)
    return people, admin


def test_the_clinic_admin_sees_who_viewed_and_changed_a_record(client, opened):
    who, admin = opened
    pia = who["patient"]
    actions = set(AuditEvent.objects.filter(patient=pia, user=who["alice"]).values_list("action", "what"))
    assert ("view", "chart") in actions and any(a in ("create", "change") for a, _ in actions), actions
    client.force_login(admin)
    chart = client.get(f"/staff/patients/{pia.pk}/").content.decode()
    assert f"/admin/audit/auditevent/?patient__id__exact={pia.pk}" in chart
    html = client.get(f"/admin/audit/auditevent/?patient__id__exact={pia.pk}").content.decode()
    assert "alice@clinic.example" in html and "chart" in html
    other = get_user_model().objects.create_user("other@example.org", "x" * 12)
    AuditEvent.objects.create(user=other, user_label="other@example.org", action="view", what="chart")
    assert "other@example.org" not in html


def test_a_non_superuser_clinic_admin_reads_the_trail_and_nobody_else_does(client, opened):
    who, _ = opened
    User = get_user_model()
    boss = User.objects.create_user("boss@clinic.example", "x" * 12, role="clinic_admin", is_staff=True)
    client.force_login(boss)
    assert client.get("/admin/audit/auditevent/").status_code == 200
    desk = User.objects.create_user("desk@clinic.example", "x" * 12, role="front_desk", is_staff=True)
    client.force_login(desk)
    assert client.get("/admin/audit/auditevent/").status_code == 403
    client.force_login(who["alice"])
    assert client.get("/admin/audit/auditevent/").status_code in (302, 403)
    assert "audit trail" not in client.get(f"/staff/patients/{who['patient'].pk}/").content.decode()


def test_the_patient_sees_their_own_access_log_and_only_theirs(client, opened):
    who, _ = opened
    client.force_login(who["patient"].user)
    html = client.get("/my/data/access-log/").content.decode()
    assert "alice@clinic.example" in html and "Viewed chart" in html
    client.force_login(who["other"].user)
    assert "alice@clinic.example" not in client.get("/my/data/access-log/").content.decode()
