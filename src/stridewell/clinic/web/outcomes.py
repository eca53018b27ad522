"""The outcome headline on the public home page, counted from the clinic's own questionnaire scores.

Who counts: every patient with two or more scored answers to the same questionnaire (the global
rating of change is left out: it rates change already and has no baseline). For each such
questionnaire the first and the latest answers are rescored by the assess core and compared with
`compare`, which judges each scale against its minimal important difference (MID). A patient is
*improved* when at least one questionnaire got better by the MID or more and none got worse by the
MID or more; everyone else in the denominator — unchanged, worse, or mixed — is not. Nothing is
hidden from the denominator and no number is typed in by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count

from stridewell.assess import AnswerError, Change, compare, score

# Below this many patients a percentage says more about chance than about the clinic.
MIN_PATIENTS_DEFAULT = 10
CACHE_KEY = "web:outcomes:v1"
CACHE_SECONDS = 600
NOT_COMPARED = ("groc",)


@dataclass(frozen=True)
class Outcomes:
    """The headline: `improved` of `counted` patients; `enough` says whether to show a rate."""

    improved: int
    counted: int
    min_patients: int

    @property
    def enough(self) -> bool:
        """Return True when enough patients were counted for the figure to mean something."""
        return self.counted >= self.min_patients

    @property
    def percent(self) -> int:
        """Return the improved share in whole percent (0 when nobody was counted)."""
        return round(100 * self.improved / self.counted) if self.counted else 0


def _verdict(change: Change) -> str:
    directions = {sc.direction for sc in change.scales}
    if "worse" in directions:
        return "worse"
    return "better" if "better" in directions else "same"


def _first_and_last() -> dict[int, list[tuple[Any, Any]]]:
    """Return {patient id: [(first row, latest row) per questionnaire answered twice or more]}."""
    from stridewell.clinic.assessments.models import QuestionnaireResponse

    rows = QuestionnaireResponse.objects.exclude(instrument_id__in=NOT_COMPARED)
    pairs = (rows.values("patient_id", "instrument_id").annotate(n=Count("id")).filter(n__gte=2)
             .values_list("patient_id", "instrument_id"))
    wanted = set(pairs)
    if not wanted:
        return {}
    ends: dict[tuple[int, str], list[Any]] = {}
    fields = ("patient_id", "instrument_id", "responses", "taken_on")
    # No `patient_id IN (...)`: SQLite refuses tens of thousands of variables.
    ordered = rows.order_by("taken_on", "created_at", "id").values_list(*fields)
    for row in ordered.iterator(chunk_size=5000):
        key = (row[0], row[1])
        if key not in wanted:
            continue
        seen = ends.setdefault(key, [row, row])
        seen[1] = row
    out: dict[int, list[tuple[Any, Any]]] = defaultdict(list)
    for (patient_id, _), (first, last) in ends.items():
        out[patient_id].append((first, last))
    return out


def _rescore(row: Any):  # noqa: ANN202 - a core Score
    _, instrument_id, responses, taken_on = row
    when = taken_on if isinstance(taken_on, date) else None
    return score(instrument_id, responses, taken_on=when)


def outcomes_compute() -> Outcomes:
    """Return the outcome counts from the stored questionnaire answers (no cache)."""
    improved = counted = 0
    for pairs in _first_and_last().values():
        verdicts = []
        for first, last in pairs:
            try:
                verdicts.append(_verdict(compare(_rescore(first), _rescore(last))))
            except AnswerError:
                continue  # answers the scoring key no longer reads are left out, not guessed
        if not verdicts:
            continue
        counted += 1
        if "better" in verdicts and "worse" not in verdicts:
            improved += 1
    minimum = getattr(settings, "OUTCOMES_MIN_PATIENTS", MIN_PATIENTS_DEFAULT)
    return Outcomes(improved, counted, minimum)


def outcomes_headline() -> Outcomes:
    """Return the outcome counts, recomputed at most every ten minutes."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = outcomes_compute()
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found
