"""Knee assessment: screening rules, red flags, questionnaires. Plain Python, no Django.

Questionnaires: `instruments()` / `instrument(id)` describe items and options (to build a
form), `score(id, responses)` scores one, `compare(before, after)` judges a change against the
minimal important difference. Screening: `screen(answers)` returns red flags first, then the
likely conditions; `ScreeningAnswers` is the validated answer set, `answer_schema()` its JSON
Schema. Nothing here is a diagnosis.
"""

from stridewell.assess.change import Change, ScaleChange, compare
from stridewell.assess.errors import AnswerError, DataFileError
from stridewell.assess.instruments import (
    ChoiceGroup,
    Instrument,
    Item,
    Option,
    Scale,
    instrument,
    instruments,
)
from stridewell.assess.scoring import ScaleScore, Score, score

__all__ = [
    "AnswerError",
    "Change",
    "ChoiceGroup",
    "DataFileError",
    "Instrument",
    "Item",
    "Option",
    "Scale",
    "ScaleChange",
    "ScaleScore",
    "Score",
    "compare",
    "instrument",
    "instruments",
    "score",
]
