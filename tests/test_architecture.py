"""The cores stay plain Python: the import-linter contract holds."""

import shutil
import subprocess
import sys
from pathlib import Path


def test_cores_never_import_django() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr
