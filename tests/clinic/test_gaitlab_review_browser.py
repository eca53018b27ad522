"""Gait reports in Debian's Chromium: a patient on a phone, a clinician on a desktop.

Reports are seeded from a finished real analysis of the real clip (run once per test run, shared
with test_gaitlab_pipeline.py), so the pages show real numbers and a real annotated video without
waiting for the pose model here. Screenshots land in var/screenshots/gait-*.png.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stridewell.clinic.gaitlab import analysis, services
from stridewell.clinic.gaitlab.analysis import CoreOutput
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from tests.clinic.gaitlab_helpers import REAL_CLIP, fake_core, fake_report, people, real_output_dir
from tests.clinic.test_browser import CHROMIUM, SHOTS, shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    if not REAL_CLIP.exists():
        pytest.skip("the shared real clip is not on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--autoplay-policy=no-user-gesture-required"])
        yield b
        b.close()


def _page_without_csp_violations(ctx):  # noqa: ANN001, ANN202
    """Yield a page of `ctx`; afterwards, fail if the browser blocked anything under the site's CSP."""
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    ctx.close()
    assert not blocked, blocked


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield from _page_without_csp_violations(ctx)


@pytest.fixture
def desktop(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    yield from _page_without_csp_violations(ctx)


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return people(clinic, make_patient)


def seed_report(patient, by, monkeypatch) -> GaitReport:  # noqa: ANN001
    """Run the analysis job on the real clip with the real core's finished output copied in."""
    done = real_output_dir()
    result = json.loads((done / "result.json").read_text())

    def finished(video, *, view, out_dir, progress, **kw):  # noqa: ANN001, ANN003, ANN202
        shutil.copytree(done, out_dir)
        return CoreOutput(result=result, view="side", annotated=out_dir / "annotated.mp4",
                          html=out_dir / "report.html", pdf=out_dir / "report.pdf",
                          plots=sorted((out_dir / "plots").glob("*.svg")))

    monkeypatch.setattr(services, "run_core", finished)
    video = services.store_upload(SimpleUploadedFile("treadmill.mp4", REAL_CLIP.read_bytes()), services.VIDEO,
                                  services.UPLOAD_FOLDER)
    job = Job.objects.create(kind=services.JOB_KIND, owner=by, patient=patient, input_path=str(video),
                             input_name="treadmill.mp4", params={"view": "detect"})
    services.analysis_job(job, lambda fraction, message: None)
    return GaitReport.objects.get(job=job)


def quiet(page) -> None:  # noqa: ANN001
    """Wait until the page and its video have stopped loading: the test server's in-memory SQLite is
    shared between its threads, so a request made while another still reads (the video's range
    requests, the plots) can meet a locked table. A file database in WAL mode, as deployed, waits."""
    page.wait_for_load_state("networkidle")


def wait_until(page, predicate: str, seconds: float = 20.0) -> None:  # noqa: ANN001
    """Poll a JavaScript predicate with evaluate: wait_for_function needs eval, which the site's
    Content-Security-Policy forbids (and should: the pages are tested as served)."""
    import time

    end = time.monotonic() + seconds
    while not page.evaluate(predicate):
        assert time.monotonic() < end, f"still false after {seconds} s: {predicate}"
        page.wait_for_timeout(100)


def video_plays_and_seeks(page) -> dict:  # noqa: ANN001
    """Play the report's video for a moment and seek into it; returns what the browser reported."""
    return page.evaluate("""async () => {
      const v = document.querySelector('video');
      if (v.error || v.readyState === 0) {  // its first request met a locked test database: ask again
        const ready = new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}));
        v.load();
        await ready;
      }
      const can = v.canPlayType('video/mp4; codecs="avc1.42E01E"');
      v.muted = true;
      await v.play();
      await new Promise(r => setTimeout(r, 800));
      const played = v.currentTime;
      v.pause();
      await new Promise(r => { v.addEventListener('seeked', r, {once: true}); v.currentTime = 8.0; });
      return {can, played, at: v.currentTime, duration: v.duration, error: v.error && v.error.code};
    }""")


def test_a_patient_watches_a_shared_report_on_a_phone_and_downloads_the_pdf(live_server, phone, world, monkeypatch):
    pia = world["pia"]
    report = seed_report(pia, world["alice"], monkeypatch)
    services.gait_report_review(report=report, by=world["alice"], summary="Nice relaxed running. One thing to try: "
                                "slightly quicker steps.", finding_texts={})
    services.gait_report_share(report=report, by=world["alice"])
    page = phone
    sign_in(page, live_server.url, pia.user.email, "correct-horse-battery", "/my/")
    page.get_by_role("link", name=re.compile("Running report")).first.click()
    page.get_by_role("heading", name=re.compile("Your running report")).wait_for()
    page.get_by_text("Nice relaxed running").wait_for()
    quiet(page)
    state = video_plays_and_seeks(page)
    assert state["can"] and state["error"] is None and state["played"] > 0 and abs(state["at"] - 8.0) < 0.5, state
    quiet(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "gait-1-patient-report-phone")
    href = page.get_by_role("link", name="Download the report (PDF)").get_attribute("href")
    pdf = page.request.get(live_server.url + href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"
    page.get_by_text("All the measurements").click()
    page.get_by_role("table").wait_for()
    wait_until(page, "() => [...document.querySelectorAll('.gait-plots img')].length === 2 && "
                     "[...document.querySelectorAll('.gait-plots img')].every(i => i.complete && i.naturalWidth > 0)")
    shot(page, "gait-2-patient-measurements-phone")


def test_a_clinician_reviews_beside_the_video_rewords_a_finding_and_shares(live_server, desktop, world, monkeypatch):
    pia = world["pia"]
    report = seed_report(pia, world["alice"], monkeypatch)
    page = desktop
    sign_in(page, live_server.url, "alice@clinic.example", "x" * 12, f"/staff/patients/{pia.pk}/")
    page.locator("#gait").get_by_role("link", name=re.compile(report.created_at.strftime("%-d %b %Y"))).click()
    page.get_by_role("heading", name=re.compile("Running report")).wait_for()
    quiet(page)
    state = video_plays_and_seeks(page)
    assert state["error"] is None and abs(state["at"] - 8.0) < 0.5, state
    page.reload()
    quiet(page)
    # The video sits beside the form on a desktop.
    video_box, form_box = page.locator("video").bounding_box(), page.locator(".gait-edit").bounding_box()
    assert video_box["x"] + video_box["width"] <= form_box["x"]
    page.get_by_label("Your summary for the patient").fill("Good form overall. Work on a softer knee at landing.")
    first = page.locator(".gait-finding textarea").first
    first.fill("Let your knee bend a little more as you land: think quiet feet.")
    shot(page, "gait-3-clinician-review-desktop")
    page.get_by_role("button", name=re.compile("Save and share")).click()
    page.get_by_text("Saved and shared").wait_for()
    shot(page, "gait-4-clinician-shared-desktop")
    report.refresh_from_db()
    assert report.shared and report.summary.startswith("Good form overall")
    assert list(report.finding_texts.values()) == ["Let your knee bend a little more as you land: think quiet feet."]
    page.goto(f"{live_server.url}/staff/patients/{pia.pk}/")
    page.locator("#gait").screenshot(path=str(SHOTS / "gait-5-chart-section-desktop.png"))
    assert "Shared" in page.locator("#gait").inner_text()


def test_a_patient_sends_a_video_from_a_phone_and_is_told_the_physio_will_review_it(
        live_server, phone, world, monkeypatch, tmp_path):
    monkeypatch.setattr(analysis, "_core", lambda: fake_core())
    monkeypatch.setattr(analysis, "_write_report", fake_report)
    clip = tmp_path / "my-run.mp4"
    shutil.copy(REAL_CLIP, clip)
    page = phone
    sign_in(page, live_server.url, world["pia"].user.email, "correct-horse-battery", "/my/gait/")
    page.get_by_role("heading", name="Send a running video").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "gait-6-patient-upload-phone")
    page.get_by_label("Running video (.mp4 or .mov)").set_input_files(str(clip))
    page.get_by_label("From the side").check()
    quiet(page)
    page.get_by_role("button", name="Send the video for analysis").click()
    # Tests run jobs at once, so the progress page already says it is finished and offers the result.
    page.get_by_role("link", name="See the result").click()
    page.get_by_text("Your physiotherapist will look at it").wait_for()
    shot(page, "gait-7-patient-sent-phone")
    assert GaitReport.objects.get().status == "draft"
