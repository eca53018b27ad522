"""The one error the gait core raises for input it cannot analyse, with advice to the filmer."""

from __future__ import annotations

FILMING_ADVICE = (
    "Film the runner from the side, camera at hip height and level, 3-4 m away, the whole body "
    "(head to feet) in view and filling about two thirds of the frame height, in good light, "
    "for 10-20 seconds of steady running; use the phone's slow-motion mode (120 or 240 fps) "
    "when contact time matters."
)


class GaitInputError(ValueError):
    """Raised when a file or its content cannot be analysed; `advice` says what to film instead."""

    def __init__(self, problem: str, advice: str = FILMING_ADVICE, code: str = "bad_input") -> None:
        super().__init__(f"{problem} {advice}")
        self.problem = problem
        self.advice = advice
        self.code = code
