"""Every upload page, fed broken and hostile files: a clear message, nothing kept, the worker carries on.

Each page in UPLOAD_PATHS gets every hostile file of its kind (cut short, disguised, over the size
limit, zip bombs, names that try to leave their folder). For each the page must answer with the
form and a plain message, make no Job row and leave no file in the upload folder; afterwards a good
file uploaded to the same page still runs to the end in the worker.

To add an upload page, append an UploadPath: its URL, who posts, the form field, the kind of file
it takes ("video" or "activity"), the folder under MEDIA_ROOT its uploads land in, and the URL name
that must exist (pages of apps not yet in the URLconf are skipped with that reason, never silently).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from stridewell.clinic.gaitlab import analysis
from stridewell.clinic.jobs import uploads
from stridewell.clinic.jobs.models import Job
from tests.clinic.gaitlab_helpers import fake_core, fake_report, make_clip, people
from tests.zips import zip_bytes as _zip

pytestmark = pytest.mark.django_db
ACTIVITY_DIR = Path("/work/shared/data/activities")
if not ACTIVITY_DIR.exists():
    ACTIVITY_DIR = Path(__file__).resolve().parents[3] / "shared/data/activities"
GOOD_FIT = ACTIVITY_DIR / "fitparse-rs/fitparser/tests/fixtures/Activity.fit"


@dataclass(frozen=True)
class UploadPath:
    label: str
    url: Callable[[dict], str]
    who: str
    field: str
    kind: str  # "video" or "activity"
    folder: str
    requires: str
    extra: dict = field(default_factory=dict)


UPLOAD_PATHS = [
    UploadPath("gait, clinician", lambda w: f"/staff/patients/{w['pia'].pk}/gait/", "alice", "video", "video",
               "gait/uploads", "gaitlab:upload", {"view": "side"}),
    UploadPath("gait, patient", lambda w: "/my/gait/", "pia", "video", "video", "gait/uploads", "gaitlab:my",
               {"view": "side"}),
    UploadPath("training, patient", lambda w: "/my/training/", "pia", "export", "activity", "training/uploads",
               "training:my"),
    UploadPath("training, clinician", lambda w: f"/staff/patients/{w['pia'].pk}/training/", "alice", "export",
               "activity", "training/uploads", "training:staff"),
]


# Hostile files -----------------------------------------------------------------------------------

def _zip_with_nul_name() -> bytes:
    # zipfile cuts names at NUL when writing, so put the NUL into the bytes of both headers.
    return _zip({"runXfit.fit": b"x"}).replace(b"runXfit", b"run\x00fit")


def _bomb(megabytes: int = 20) -> bytes:
    return _zip({"activity.fit": b"\x00" * (megabytes * 1024 * 1024)})


MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200  # a Windows .exe
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def video_cases(good: bytes) -> list[tuple[str, str, bytes, str, dict]]:
    """(case, file name, bytes, words the page must show, settings.UPLOAD_MAX_BYTES)."""
    return [
        ("truncated", "run.mp4", good[: len(good) // 2], "cannot be used", {}),
        ("only the first bytes", "run.mp4", good[:200], "cannot be used", {}),
        ("exe renamed .mp4", "run.mp4", MZ, "does not look like", {}),
        ("exe disguised with an mp4 box", "run.mp4", b"\x00\x00\x00\x18ftypisom" + MZ, "cannot be used", {}),
        ("html renamed .mov", "run.mov", HTML, "does not look like", {}),
        ("zip renamed .mp4", "run.mp4", _bomb(1), "does not look like", {}),
        ("empty", "run.mp4", b"", "empty", {}),
        ("over the size limit", "run.mp4", good, "the limit is", {"video": 1000}),
        ("not a video name", "run.exe", good, "is not a video", {}),
    ]


def activity_cases(good: bytes) -> list[tuple[str, str, bytes, str, dict]]:
    """(case, file name, bytes, words the page must show, settings.UPLOAD_MAX_BYTES)."""
    good_zip = _zip({"activity.fit": good})
    return [
        ("truncated fit", "run.fit", good[: len(good) // 2], "cut short", {}),
        ("truncated zip", "export.zip", good_zip[: len(good_zip) // 2], "damaged or cut-short zip", {}),
        ("truncated gz", "run.fit.gz", gzip.compress(good)[:-40], "cut short", {}),
        ("html renamed .fit", "run.fit", HTML, "does not look like", {}),
        ("exe renamed .zip", "export.zip", MZ, "does not look like", {}),
        ("over the size limit", "export.zip", good_zip, "the limit is", {"activity": 100}),
        ("zip bomb (high ratio)", "export.zip", _bomb(20), "zip bomb", {}),
        ("zip bomb (nested)", "export.zip", _zip({"inner.zip": _zip({"inner2.zip": _bomb(2)})}, level=0),
         "zips inside zips", {}),
        ("bomb inside a zip", "export.zip", _zip({"part1.zip": _bomb(20)}, level=0), "zip bomb", {}),
        ("many entries", "export.zip", _zip({f"f{i}.fit": b"x" for i in range(60)}), "more than", {}),
        ("parent folders in a member name", "export.zip", _zip({"../../etc/passwd.fit": good}),
         "points outside", {}),
        ("absolute member name", "export.zip", _zip({"/etc/passwd.fit": good}), "points outside", {}),
        ("backslash parent folders", "export.zip", _zip({"..\\..\\evil.fit": good}), "points outside", {}),
        ("NUL in a member name", "export.zip", _zip_with_nul_name(), "points outside", {}),
        ("gz bomb", "run.fit.gz", gzip.compress(b"\x00" * (3 * 1024 * 1024)), "more than one activity", {}),
    ]


def _available(path: UploadPath) -> bool:
    for args in ([], [1]):
        try:
            reverse(path.requires, args=args)
        except NoReverseMatch:
            continue
        return True
    return False


def _params():  # noqa: ANN202
    out = []
    for path in UPLOAD_PATHS:
        marks = [] if _available(path) else [pytest.mark.skip(reason=f"{path.requires} is not in the URLconf yet")]
        out.append(pytest.param(path, id=path.label, marks=marks))
    return out


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(analysis, "_core", lambda: fake_core([]))
    monkeypatch.setattr(analysis, "_write_report", fake_report)
    monkeypatch.setattr(uploads, "MAX_ZIP_ENTRIES", 50)  # "many entries" without writing 100,000
    monkeypatch.setattr(uploads, "MAX_GZ_BYTES", 2 * 1024 * 1024)
    w = people(clinic, make_patient)
    w["good"] = {"video": make_clip(tmp_path / "clip.mp4", seconds=1.0, level=120).read_bytes(),
                 "activity": GOOD_FIT.read_bytes()}
    w["media"] = Path(settings.MEDIA_ROOT)
    return w


def _post(client, path: UploadPath, w: dict, name: str, data: bytes, capture,  # noqa: ANN001, ANN202
          run: bool = True):
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    with capture(execute=run):
        return client.post(path.url(w), {path.field: upload, **path.extra})


def _user(w: dict, path: UploadPath):  # noqa: ANN202
    who = w[path.who]
    return getattr(who, "user", who)  # a Patient signs in as its user


def _files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.parametrize("path", _params())
def test_hostile_files_are_refused_plainly_and_nothing_is_kept(client, world, path, settings,
                                                               django_capture_on_commit_callbacks):
    client.force_login(_user(world, path))
    cases = video_cases if path.kind == "video" else activity_cases
    failures = []
    for case, name, data, words, limits in cases(world["good"][path.kind]):
        settings.UPLOAD_MAX_BYTES = limits
        resp = _post(client, path, world, name, data, django_capture_on_commit_callbacks)
        html = resp.content.decode()
        if resp.status_code != 200 or words not in html:
            failures.append(f"{case}: {resp.status_code}, expected “{words}” on the page")
        if Job.objects.exists():
            failures.append(f"{case}: a job was made")
            Job.objects.all().delete()
        left = _files_in(world["media"] / path.folder)
        if left:
            failures.append(f"{case}: files left behind: {left}")
            for p in left:
                p.unlink()
    assert not failures, "\n".join(failures)
    # The worker carries on: a good file to the same page runs to the end.
    settings.UPLOAD_MAX_BYTES = {}
    ending = ".mp4" if path.kind == "video" else ".fit"
    resp = _post(client, path, world, f"good{ending}", world["good"][path.kind], django_capture_on_commit_callbacks)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.error


HOSTILE_NAMES = ["../../etc/passwd{e}", "/etc/passwd{e}", "..\\..\\windows\\evil{e}", "run\x00.exe{e}",
                 "C:\\temp\\evil{e}"]


@pytest.mark.parametrize("path", _params())
def test_a_hostile_name_cannot_choose_where_the_file_lands(client, world, path,
                                                           django_capture_on_commit_callbacks):
    client.force_login(_user(world, path))
    ending = ".mp4" if path.kind == "video" else ".fit"
    for name in HOSTILE_NAMES:
        resp = _post(client, path, world, name.format(e=ending), world["good"][path.kind],
                     django_capture_on_commit_callbacks, run=False)  # look before the job tidies up
        assert resp.status_code == 302, name
        job = Job.objects.order_by("-created_at").first()
        stored = Path(job.input_path)
        assert world["media"] / path.folder == stored.parent, name
        assert "passwd" not in stored.name and "evil" not in stored.name, name
        assert not any(c in job.input_name for c in "\x00/\\"), job.input_name
    assert not Path("/etc/passwd" + ending).exists()


def test_an_oversized_upload_is_counted_but_not_written_past_the_limit(client, world, settings, monkeypatch,
                                                                       django_capture_on_commit_callbacks):
    settings.UPLOAD_MAX_BYTES = {"video": 1000, "activity": 1000}
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every file goes through the temporary-file handler
    seen: list[tuple[int, int]] = []
    complete = uploads.CappedTemporaryFileUploadHandler.file_complete

    def spy(self, file_size):  # noqa: ANN001, ANN202
        f = complete(self, file_size)
        seen.append((Path(f.temporary_file_path()).stat().st_size, f.size))
        return f

    monkeypatch.setattr(uploads.CappedTemporaryFileUploadHandler, "file_complete", spy)
    client.force_login(world["alice"])
    path = UPLOAD_PATHS[0]
    resp = _post(client, path, world, "run.mp4", world["good"]["video"] * 60, django_capture_on_commit_callbacks)
    assert "the limit is 1000" in resp.content.decode()
    assert seen == [(1001, len(world["good"]["video"]) * 60)]
    assert not Job.objects.exists() and not _files_in(world["media"])


def _file_taking_views(resolver=None, ns: str = "") -> set[str]:  # noqa: ANN001
    import inspect

    from django.urls import URLPattern, URLResolver, get_resolver

    found = set()
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if "admin" not in str(p.pattern):
                found |= _file_taking_views(p, p.namespace or ns)
        elif isinstance(p, URLPattern) and "request.FILES" in inspect.getsource(inspect.unwrap(p.callback)):
            found.add(f"{ns}:{p.name}")
    return found


def test_every_page_that_takes_a_file_is_fuzzed(db):
    """A new upload page must join UPLOAD_PATHS (its view reads request.FILES)."""
    assert _file_taking_views() <= {p.requires for p in UPLOAD_PATHS}, _file_taking_views()
    assert {"gaitlab:my", "gaitlab:upload"} <= _file_taking_views()
