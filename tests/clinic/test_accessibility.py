"""Automated accessibility audit (axe-core, the engine browsers' dev tools use) of the main pages on a
phone-sized screen, for a visitor, a patient and a practitioner: no serious or critical problems.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clinic.test_browser import CHROMIUM, SHOTS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VISITOR = ["/", "/book/", "/book/follow-up/", "/book/follow-up/central/", "/book/follow-up/central/any/",
           "/classes/", "/packages/", "/accounts/login/", "/accounts/signup/"]
PATIENT = ["/my/", "/my/data/access-log/", "/my/data/erase/", "/my/training/"]
PRACTITIONER = ["/staff/day/", "/staff/patients/", "/staff/patients/{sam}/", "/staff/patients/{sam}/training/",
                "/staff/patients/{sam}/training/plan/"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="module")
def audit_browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                              "--disable-background-networking"])
        yield b
        b.close()


def _audit(page, url: str) -> list[str]:
    page.goto(url)
    page.evaluate(_axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {json.dumps([n['target'] for n in v['nodes']][:3])}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def _login(page, base: str, email: str) -> None:
    sign_in(page, base, email, "stride-demo-2026")


def test_main_pages_have_no_serious_accessibility_problems(live_server, audit_browser):
    from django.core.management import call_command

    from stridewell.clinic.patients.models import Patient

    call_command("load_demo", verbosity=0)
    sam = Patient.objects.get(user__email="sam@example.org").pk
    problems: dict[str, list[str]] = {}
    for who, email, paths in [("visitor", None, VISITOR), ("patient", "sam@example.org", PATIENT),
                              ("practitioner", "aisha@stridewell.example", PRACTITIONER)]:
        ctx = audit_browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
        page = ctx.new_page()
        if email:
            _login(page, live_server.url, email)
        for path in paths:
            found = _audit(page, live_server.url + path.format(sam=sam))
            if found:
                problems[f"{who} {path}"] = found
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"a11y{path.replace('/', '_')}.png"), full_page=True)
        ctx.close()
    assert not problems, json.dumps(problems, indent=1)
