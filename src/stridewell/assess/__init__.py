"""Knee assessment: screening rules, red flags, questionnaires. Plain Python, no Django.

Questionnaires: `instruments()` / `instrument(id)` describe items and options (to build a
form), `score(id, responses)` scores one, `compare(before, after)` judges a change against the
minimal important difference. Screening: `screen(answers)` returns red flags first, then the
likely conditions; `ScreeningAnswers` is the validated answer set, `answer_schema()` its JSON
Schema. Nothing here is a diagnosis.
"""

from stridewell.assess.answers import (
    LOCATION_LABELS,
    Examination,
    ScreeningAnswers,
    answer_schema,
)
from stridewell.assess.change import Change, ScaleChange, changes_from_baseline, compare
from stridewell.assess.conditions import CONDITIONS, ConditionMatch, Evidence
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
from stridewell.assess.red_flags import URGENCY_ORDER, RedFlag
from stridewell.assess.scoring import ScaleScore, Score, score
from stridewell.assess.screening import DISCLAIMER, ScreeningResult, parse_answers, screen

__all__ = [
    "CONDITIONS",
    "DISCLAIMER",
    "LOCATION_LABELS",
    "URGENCY_ORDER",
    "AnswerError",
    "ConditionMatch",
    "Evidence",
    "Examination",
    "RedFlag",
    "ScreeningAnswers",
    "ScreeningResult",
    "answer_schema",
    "changes_from_baseline",
    "parse_answers",
    "screen",
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
