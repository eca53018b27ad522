"""Evidence-based protocols, examination findings and safety wording, read from data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pydantic import ConfigDict, TypeAdapter

from stridewell.programme.datafiles import data_names, read_data
from stridewell.programme.library import Dose

__all__ = [
    "ConditionNote",
    "Finding",
    "Protocol",
    "ProtocolPhase",
    "Safety",
    "Slot",
    "load_findings",
    "load_protocols",
    "load_safety",
    "protocol_for",
]


@dataclass(frozen=True)
class Slot:
    """A place in a phase: its role and the exercises to try, best first; optional dose."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    role: str
    choose: tuple[str, ...]
    dose: Dose | None = None


@dataclass(frozen=True)
class ProtocolPhase:
    """One phase of a protocol with explicit criteria to move on."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    number: int
    name: str
    weeks: str
    goal: str
    advance_when: tuple[str, ...]
    slots: tuple[Slot, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConditionNote:
    """Extra advice, and exercises to leave out, for a condition on the general protocol."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    name: str
    notes: tuple[str, ...]
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class Protocol:
    """A phased protocol for one condition (or the general one), with its evidence."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: str
    condition: str
    label: str
    name: str
    summary: str
    evidence: tuple[str, ...]
    phases: tuple[ProtocolPhase, ...]
    return_to_run_phase: int | None = None
    conditions: dict[str, ConditionNote] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """An examination finding and the exercises that answer it."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    label: str
    add: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Safety:
    """The disclaimer and red flags every programme carries."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    disclaimer: str
    red_flags: tuple[str, ...]


@cache
def load_protocols() -> dict[str, Protocol]:
    """Return every protocol in `data/protocols/`, by id, validated."""
    adapter = TypeAdapter(Protocol)
    out: dict[str, Protocol] = {}
    for name in data_names("protocols"):
        proto = adapter.validate_python(read_data(f"protocols/{name}"))
        numbers = [p.number for p in proto.phases]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"protocols/{name}: phases must be numbered 1..n, got {numbers}")
        out[proto.id] = proto
    if "general" not in out:
        raise ValueError("protocols/general.toml is missing")
    return out


def protocol_for(condition: str) -> Protocol:
    """Return the protocol for `condition`, or the general one when it has none of its own."""
    protocols = load_protocols()
    for proto in protocols.values():
        if proto.condition == condition:
            return proto
    return protocols["general"]


@cache
def load_findings() -> dict[str, Finding]:
    """Return the examination findings we answer with exercises, by id."""
    adapter = TypeAdapter(dict[str, Finding])
    return adapter.validate_python(read_data("findings.toml"))


@cache
def load_safety() -> Safety:
    """Return the disclaimer and red-flag wording."""
    return TypeAdapter(Safety).validate_python(read_data("safety.toml"))
