"""A worker killed in the middle of a job: the next worker finishes it, exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

STATUS = ("from stridewell.clinic.jobs.models import Job; import json; j = Job.objects.get(pk='{id}'); "
          "print(json.dumps([j.status, j.progress, j.attempts, j.result]))")


def _manage(env, *args):
    return subprocess.run([sys.executable, "-m", "stridewell.cli", "manage", *args], env=env, capture_output=True,
                          text=True, check=True).stdout.strip()


def _status(env, job_id):
    return json.loads(_manage(env, "shell", "-c", STATUS.format(id=job_id)).splitlines()[-1])


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs on SQLite in its own processes")
def test_a_job_interrupted_by_a_killed_worker_is_finished_by_the_next_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(STRIDEWELL_VAR=str(tmp_path), STRIDEWELL_SQLITE=str(tmp_path / "db.sqlite3"))
    _manage(env, "migrate", "-v0")
    _manage(env, "shell", "-c", "from stridewell.clinic.accounts.models import User; "
            "User.objects.create_superuser('admin@example.org', 'x' * 12)")
    job_id = _manage(env, "check_worker", "--seconds", "6", "--no-wait").splitlines()[-1]
    worker = subprocess.Popen([sys.executable, "-m", "stridewell.cli", "manage", "db_worker", "--no-reload",
                               "--no-startup-delay", "--interval", "0.2"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            status, progress, attempts, _ = _status(env, job_id)
            if status == "running" and progress > 0.1:
                break
            time.sleep(0.2)
        assert status == "running"
        worker.send_signal(signal.SIGKILL)  # no chance to clean up
        worker.wait(timeout=10)
        assert _status(env, job_id)[0] == "running"
    finally:
        if worker.poll() is None:
            worker.kill()
    time.sleep(1.5)
    assert "1 interrupted jobs queued again" in _manage(env, "resume_jobs", "--stale-seconds", "1")
    _manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
    status, progress, attempts, result = _status(env, job_id)
    assert (status, progress, attempts) == ("done", 1.0, 2)
    assert result == {"seconds": 6.0, "attempt": 2}
    _manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")  # nothing left to do twice
    assert _status(env, job_id)[2] == 2
