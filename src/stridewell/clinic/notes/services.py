"""Visit-note use cases: write, edit until signed, sign, add an addendum."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from stridewell.clinic.notes.models import Addendum, VisitNote

FIELDS = ("subjective", "objective", "treatment", "assessment", "plan")


class NoteLocked(Exception):
    """A signed note cannot be changed; add an addendum instead."""


def note_create(*, patient, author, visit_date: date, appointment=None, **text: str) -> VisitNote:  # noqa: ANN001
    """Return a new draft note for a visit."""
    return VisitNote.objects.create(patient=patient, author=author, visit_date=visit_date, appointment=appointment,
                                    **{f: text.get(f, "") for f in FIELDS})


@transaction.atomic
def note_update(*, note: VisitNote, **text: str) -> VisitNote:
    """Return the draft note with new text; raises NoteLocked once it is signed."""
    note = VisitNote.objects.select_for_update().get(pk=note.pk)
    if note.signed:
        raise NoteLocked("This note is signed and can no longer be edited. Add an addendum instead.")
    for f in FIELDS:
        if f in text:
            setattr(note, f, text[f])
    note.save()
    return note


@transaction.atomic
def note_sign(*, note: VisitNote, user) -> VisitNote:  # noqa: ANN001
    """Return the note signed by its author; after this it is read-only."""
    note = VisitNote.objects.select_for_update().get(pk=note.pk)
    if note.signed:
        raise NoteLocked("This note is already signed.")
    if note.author_id != user.id:
        raise NoteLocked("Only the note's author can sign it.")
    if not any(getattr(note, f).strip() for f in FIELDS):
        raise NoteLocked("An empty note cannot be signed. Write at least one section first.")
    note.signed_at = timezone.now()
    note.save(update_fields=["signed_at"])
    return note


def addendum_create(*, note: VisitNote, author, text: str) -> Addendum:  # noqa: ANN001
    """Return a new addendum to a signed note (drafts are simply edited)."""
    if not note.signed:
        raise NoteLocked("This note is still a draft: edit it directly.")
    if not text.strip():
        raise NoteLocked("An addendum needs some text.")
    return Addendum.objects.create(note=note, author=author, text=text.strip())
