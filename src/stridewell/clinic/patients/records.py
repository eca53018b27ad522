"""A patient's whole record: export (JSON plus files) and erasure on request, per feature.

Each feature app registers an exporter (its rows as JSON-ready dicts and the paths of its files)
and an eraser (deletes what may be deleted; clinical records inside the retention period stay).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

Exporter = Callable[[Any], tuple[list[dict[str, Any]], list[Path]]]
Eraser = Callable[[Any, datetime], int]
_EXPORTERS: dict[str, Exporter] = {}
_ERASERS: dict[str, Eraser] = {}


def register_record(key: str, exporter: Exporter, eraser: Eraser | None = None) -> None:
    """Include a feature's rows in patient exports (and erasure); returns nothing."""
    _EXPORTERS[key] = exporter
    if eraser is not None:
        _ERASERS[key] = eraser


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def patient_export_zip(patient) -> bytes:  # noqa: ANN001
    """Return a zip of the patient's whole record: record.json plus every file of theirs."""
    user = patient.user
    record: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "person": {"email": user.email, "first_name": user.first_name, "last_name": user.last_name,
                   "phone": patient.phone, "date_of_birth": patient.date_of_birth, "joined": user.date_joined},
    }
    files: list[tuple[str, Path]] = []
    for key, exporter in sorted(_EXPORTERS.items()):
        rows, paths = exporter(patient)
        record[key] = rows
        files += [(f"files/{key}/{p.name}", p) for p in paths if p.is_file()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("record.json", json.dumps(_plain(record), indent=2, ensure_ascii=False))
        for arcname, path in files:
            zf.write(path, arcname)
    return buf.getvalue()


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Return the instant before which clinical records may be erased (retention period in years)."""
    now = now or timezone.now()
    return now - timedelta(days=round(365.25 * settings.CLINICAL_RETENTION_YEARS))


@transaction.atomic
def patient_erase(patient, now: datetime | None = None) -> dict[str, int]:  # noqa: ANN001
    """Erase a patient's record on request; returns how many rows each feature removed.

    Clinical records younger than the retention period are kept (the law requires the clinic to keep
    them); everything else is deleted, and the account is anonymised and closed.
    """
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    counts = {key: eraser(patient, cutoff) for key, eraser in sorted(_ERASERS.items())}
    user = patient.user
    user.email = f"erased-{user.pk}@invalid.example"
    user.first_name, user.last_name = "Erased", "patient"
    user.is_active = False
    user.set_unusable_password()
    user.save()
    patient.phone, patient.date_of_birth = "", None
    patient.save(update_fields=["phone", "date_of_birth"])
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    return counts
