"""The exercise library: exercises read from `data/exercises/*.toml`, validated on load."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, TypeAdapter

from stridewell.programme.datafiles import data_names, read_data
from stridewell.programme.figure import Illustration

__all__ = [
    "CONDITIONS",
    "EQUIPMENT",
    "Category",
    "Condition",
    "Dose",
    "Equipment",
    "Exercise",
    "Library",
    "load_library",
]

Condition = Literal[
    "patellofemoral_pain", "patellar_tendinopathy", "itb_syndrome", "meniscal", "ligament",
    "knee_osteoarthritis", "osgood_schlatter", "sinding_larsen_johansson", "pes_anserine",
    "plica", "fat_pad",
]
CONDITIONS: tuple[Condition, ...] = Condition.__args__  # type: ignore[attr-defined]

Equipment = Literal[
    "towel", "band", "mini_band", "ankle_weight", "dumbbell", "kettlebell", "barbell", "step",
    "box", "chair", "bench", "wall", "mat", "strap", "foam_roller", "foam_pad", "ball",
    "decline_board", "leg_press", "leg_extension", "hamstring_curl", "bike", "metronome",
]
EQUIPMENT: tuple[Equipment, ...] = Equipment.__args__  # type: ignore[attr-defined]

Category = Literal[
    "strength", "isometric", "flexibility", "balance", "plyometric", "running", "cross_training",
]


@dataclass(frozen=True)
class Dose:
    """A prescription: sets of reps or of holds (seconds), rest (seconds), sessions a week."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    sets: Annotated[int, Field(ge=1, le=10)]
    reps: Annotated[int | None, Field(ge=1, le=100)] = None
    hold_s: Annotated[int | None, Field(ge=1, le=600)] = None
    rest_s: Annotated[int, Field(ge=0, le=300)] = 60
    per_week: Annotated[int, Field(ge=1, le=14)] = 3
    load: str = "body weight"
    tempo: str = ""
    each_side: bool = False
    summary: str = ""

    def describe(self) -> str:
        """Return the dose in words, e.g. '3 x 10 reps each side, rest 60 s, 3 times a week'."""
        side = " each side" if self.each_side else ""
        if self.summary:
            work = self.summary
        elif self.reps and self.hold_s:
            work = f"{self.sets} x {self.reps} reps{side}, holding {self.hold_s} s"
        elif self.hold_s:
            work = f"{self.sets} x {self.hold_s} s hold{side}"
        else:
            work = f"{self.sets} x {self.reps or 1} reps{side}"
        often = f"{self.per_week} times a week"
        if self.per_week == 7:
            often = "daily"
        elif self.per_week > 7:
            often = f"twice a day on {self.per_week // 2} days a week"
        parts = [work, f"rest {self.rest_s} s", often, f"load: {self.load}"]
        if self.summary:
            parts = [work, often, self.load]
        if self.tempo:
            parts.append(f"tempo: {self.tempo}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Exercise:
    """One exercise with all a handout needs: how, how much, how to make it easier or harder."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    name: Annotated[str, Field(min_length=3)]
    category: Category
    targets: Annotated[tuple[str, ...], Field(min_length=1)]
    equipment: tuple[Equipment, ...]
    difficulty: Annotated[int, Field(ge=1, le=5)]
    dose: Dose
    cues: Annotated[tuple[str, ...], Field(min_length=2)]
    safety: Annotated[tuple[str, ...], Field(min_length=1)]
    conditions: Annotated[tuple[Condition | Literal["any"], ...], Field(min_length=1)]
    phases: Annotated[tuple[int, ...], Field(min_length=1)]
    illustration: Illustration
    progression: str = ""
    regression: str = ""
    purpose: str = ""
    source: str = ""

    def suits(self, condition: str, phase: int) -> bool:
        """Return whether the exercise is listed for `condition` and `phase`."""
        listed = "any" in self.conditions or condition in self.conditions
        return listed and phase in self.phases


class Library(Mapping[str, Exercise]):
    """Exercises by id, with lookups for the generator."""

    def __init__(self, exercises: tuple[Exercise, ...]) -> None:
        self._by_id = {e.id: e for e in exercises}
        if len(self._by_id) != len(exercises):
            dup = [i for i, n in Counter(e.id for e in exercises).items() if n > 1]
            raise ValueError(f"duplicate exercise ids: {dup}")

    def __getitem__(self, key: str) -> Exercise:
        return self._by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def broken_links(self) -> list[str]:
        """Return 'id -> missing' for every progression or regression that does not resolve."""
        out = []
        for e in self.values():
            for link in (e.progression, e.regression):
                if link and link not in self._by_id:
                    out.append(f"{e.id} -> {link}")
        return out

    def easier(self, exercise_id: str, steps: int = 1) -> Exercise:
        """Return the exercise `steps` regressions below `exercise_id` (itself at the end)."""
        ex = self[exercise_id]
        for _ in range(steps):
            if not ex.regression:
                break
            ex = self[ex.regression]
        return ex


_ADAPTER = TypeAdapter(list[Exercise])


@cache
def load_library() -> Library:
    """Return the validated exercise library from every `data/exercises/*.toml` file."""
    exercises: list[Exercise] = []
    for name in data_names("exercises"):
        raw = read_data(f"exercises/{name}")
        try:
            exercises += _ADAPTER.validate_python(raw.get("exercise", []))
        except ValueError as err:
            raise ValueError(f"exercises/{name}: {err}") from err
    library = Library(tuple(exercises))
    broken = library.broken_links()
    if broken:
        raise ValueError(f"exercise links that do not resolve: {broken}")
    return library
