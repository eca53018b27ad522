"""Accessibility audit (axe-core) of the feature apps' main pages on a phone-sized screen.

The same audit as test_accessibility.py — no serious or critical problems — for the pages the
feature apps add: the intake and questionnaires, today's exercises, the gait report, the education
pages and the whole chart, with a patient whose record has something in every section.
"""

from __future__ import annotations

import json

import pytest

from tests.clinic.test_accessibility import _audit, audit_browser  # noqa: F401 - fixture
from tests.clinic.test_browser import SHOTS
from tests.clinic.test_journeys_browser import _login, care  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATIENT = ["/my/intake/", "START_INTAKE", "/my/questionnaires/", "/my/questionnaires/kujala/",
           "/my/programme/", "/my/gait/", "/my/gait/{report}/", "/learn/", "/learn/why-knees-hurt/"]
PRACTITIONER = ["/staff/patients/{pia}/", "/staff/patients/{pia}/assessments/",
                "/staff/patients/{pia}/assessments/examination/",
                "/staff/patients/{pia}/assessments/questionnaires/kujala/",
                "/staff/patients/{pia}/programme/", "/staff/patients/{pia}/gait/",
                "/staff/patients/{pia}/gait/{report}/"]


def test_feature_pages_have_no_serious_accessibility_problems(live_server, audit_browser, care):  # noqa: F811
    ids = {"pia": care["pia"].pk, "report": care["report"].pk}
    problems: dict[str, list[str]] = {}
    for who, email, paths in [("patient", care["pia"].user.email, PATIENT),
                              ("practitioner", "alice@clinic.example", PRACTITIONER)]:
        ctx = audit_browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
        page = ctx.new_page()
        _login(page, live_server.url, email)
        for path in paths:
            if path == "START_INTAKE":  # the first step of the intake, reached by its Start button
                page.goto(live_server.url + "/my/intake/")
                page.get_by_role("button", name="Start").click()
                page.wait_for_load_state()
                path = page.url.removeprefix(live_server.url)
                assert path.startswith("/my/intake/") and path != "/my/intake/", path
            url = live_server.url + path.format(**ids)
            found = _audit(page, url)
            status = page.evaluate("document.title")
            if "Server Error" in status or "Not Found" in status:
                found = [f"the page did not open: {status}"]
            if found:
                problems[f"{who} {path}"] = found
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"a11y-feature{path.replace('/', '_')}.png"), full_page=True)
        ctx.close()
    assert not problems, json.dumps(problems, indent=1)
