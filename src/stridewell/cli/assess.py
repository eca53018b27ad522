"""`stridewell screen` and `stridewell score` commands: thin wrappers over stridewell.assess."""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from rich.console import Console

from stridewell.assess import (
    AnswerError,
    Change,
    Examination,
    Score,
    ScreeningAnswers,
    ScreeningResult,
    answer_schema,
    compare,
    instrument,
    parse_answers,
    score,
    screen,
)

URGENCY_WORDS = {
    "emergency": "EMERGENCY - now",
    "same_day": "SAME DAY",
    "urgent": "URGENT - within days",
    "soon": "SOON - within 1-2 weeks",
}
_INJURY_ONLY = {"days_since_injury", "mechanism", "heard_pop", "bore_weight_after_injury"}


def register(app: typer.Typer) -> None:
    """Add the assessment commands to the main app; returns nothing."""
    app.command("screen", help="Screen knee pain: red flags first, then likely conditions.")(
        screen_command
    )
    app.command("score", help="Score a questionnaire from a JSON file of answers.")(score_command)


def _fail(error: AnswerError | str) -> typer.Exit:
    """Print a plain error (no traceback) to stderr and return the exit to raise."""
    if isinstance(error, AnswerError):
        typer.echo(f"Error: {error.summary}", err=True)
        for problem in error.problems:
            typer.echo(f"  - {problem}", err=True)
    else:
        typer.echo(f"Error: {error}", err=True)
    return typer.Exit(1)


def _read_json_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"{path}: cannot read it ({exc})") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise _fail(f"{path}: not valid JSON ({where}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise _fail(f"{path}: expected a JSON object of answers, got {type(data).__name__}")
    return data


def screen_command(
    answers: Annotated[
        Path | None, typer.Option("--answers", help="JSON file of answers (see --schema).")
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the answers' JSON Schema.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Screen knee pain; asks the questions in the terminal unless --answers is given."""
    if schema:
        typer.echo(json.dumps(answer_schema(), indent=2, ensure_ascii=False))
        return
    raw = _read_json_object(answers) if answers else ask_answers()
    if isinstance(raw.get("answers"), dict):
        raw = raw["answers"]  # a case file: {"story": ..., "answers": {...}}
    try:
        result = screen(parse_answers(raw))
    except AnswerError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(result), indent=2, ensure_ascii=False))
    else:
        print_screening(result, Console())


def print_screening(result: ScreeningResult, console: Console) -> None:
    """Print red flags first, then the ranked conditions, next tests and notes."""
    console.print(f"[bold]Note:[/bold] {result.disclaimer}\n")
    if result.red_flags:
        console.print("[bold red]RED FLAGS - refer to a doctor[/bold red]")
        for flag in result.red_flags:
            console.print(f"  [red]{URGENCY_WORDS[flag.urgency]}[/red]: {flag.name}")
            console.print(f"    {flag.action}")
            console.print(f"    because: {'; '.join(flag.reasons)}")
        console.print()
    else:
        console.print("No red flags found in these answers.\n")
    console.print("[bold]Likely conditions[/bold] (highest score first)")
    if not result.conditions:
        console.print("  none stand out from these answers")
    for rank, match in enumerate(result.conditions[:5], 1):
        console.print(f"  {rank}. {match.name} [dim]({match.id}, score {match.score:g})[/dim]")
        for ev in match.supporting[:4]:
            console.print(f"     + {ev.answer}")
        for ev in match.contradicting[:3]:
            console.print(f"     - {ev.answer}")
    if result.examine_next:
        console.print("\n[bold]Examine next[/bold]")
        for test in result.examine_next:
            console.print(f"  * {test}")
    for note in result.notes:
        console.print(f"\n[dim]{note}[/dim]")


def ask_answers() -> dict[str, Any]:
    """Ask every screening question in the terminal; returns the raw answers."""
    typer.echo("Knee screening. Press Enter to accept the answer in brackets.")
    out: dict[str, Any] = {}
    for name, info in ScreeningAnswers.model_fields.items():
        if name == "exam" or (name in _INJURY_ONLY and not out.get("trauma")):
            continue
        out[name] = _ask(info)
    if typer.confirm("Add examination findings (clinician)?", default=False):
        exam = {}
        for name, info in Examination.model_fields.items():
            reply = _pick(f"{info.title} (yes/no/skip)", ["yes", "no", "skip"], "skip")
            if reply != "skip":
                exam[name] = reply == "yes"
        out["exam"] = exam
    return out


def _choices(info: FieldInfo) -> list[str]:
    found: list[str] = []
    stack: list[Any] = [info.annotation]
    while stack:
        tp = stack.pop()
        if typing.get_origin(tp) is typing.Literal:
            found.extend(str(a) for a in typing.get_args(tp))
        else:
            stack.extend(typing.get_args(tp))
    return found


def _pick(question: str, choices: list[str], default: str | None) -> str:
    """Ask until the reply is one of `choices` (Enter takes the default when there is one)."""
    while True:
        reply = str(typer.prompt(question, default=default)).strip()
        if reply in choices:
            return reply
        typer.echo(f"Not a choice: {reply}")


def _ask(info: FieldInfo) -> Any:
    title = info.title or ""
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    choices = _choices(info)
    if info.annotation is bool:
        return typer.confirm(title, default=bool(default))
    if choices and isinstance(default, list):
        typer.echo(f"{title}: choose any of {', '.join(choices)} (comma-separated)")
        while True:
            reply = typer.prompt(title, default="", show_default=False)
            picked = [p.strip() for p in reply.split(",") if p.strip()]
            unknown = [p for p in picked if p not in choices]
            if not unknown:
                return picked
            typer.echo(f"Not a choice: {', '.join(unknown)}")
    if choices and default is None and not info.is_required():
        choices = [*choices, "unknown"]
        reply = _pick(f"{title} ({'/'.join(choices)})", choices, "unknown")
        return None if reply == "unknown" else reply
    if choices:
        return _pick(f"{title} ({'/'.join(choices)})", choices, default and str(default))
    return _ask_number(info, default)


def _ask_number(info: FieldInfo, default: Any) -> Any:
    """Ask until the number fits the field's bounds (age 4-100, pain 0-10, ...)."""
    kind = float if "float" in str(info.annotation) else int
    bounded = typing.cast(Any, Annotated)[(info.annotation, *info.metadata)]
    check: TypeAdapter[Any] = TypeAdapter(bounded)
    while True:
        reply = typer.prompt(info.title or "", default=default, type=kind)
        try:
            return check.validate_python(reply)
        except ValidationError as exc:
            typer.echo(f"Not accepted: {exc.errors()[0]['msg']}")


def score_command(
    instrument_id: Annotated[
        str,
        typer.Argument(
            metavar="INSTRUMENT", help="kujala, visa_p, koos, koos_pf, lefs, nprs or groc"
        ),
    ],
    answers: Annotated[
        Path | None, typer.Option("--answers", help="JSON object: item id -> answer.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Earlier answers, to judge the change.")
    ] = None,
    items: Annotated[bool, typer.Option("--items", help="List items and options.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Score one questionnaire; with --baseline, say whether the change reaches the MID."""
    try:
        inst = instrument(instrument_id)
        if items:
            _print_items(instrument_id)
            return
        if answers is None:
            raise _fail("give the answers with --answers FILE.json (see --items for item ids)")
        result = score(inst.id, _read_json_object(answers))
        before = score(inst.id, _read_json_object(baseline)) if baseline else None
        change = compare(before, result) if before else None
    except AnswerError as exc:
        raise _fail(exc) from None
    if as_json:
        payload = {"score": dataclasses.asdict(result)}
        if change:
            payload["change"] = dataclasses.asdict(change)
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    _print_score(result)
    if change:
        _print_change(change)


def _print_change(change: Change) -> None:
    """Print each scale's change and whether it reaches the minimal important difference."""
    typer.echo("Change since baseline:")
    for sc in change.scales:
        if sc.difference is None:
            typer.echo(f"  {sc.name}: not comparable (a score is missing)")
            continue
        verdict = "reaches" if sc.important else "does not reach"
        typer.echo(
            f"  {sc.name}: {sc.before:.1f} -> {sc.after:.1f} ({sc.difference:+.1f}); "
            f"{verdict} the minimal important difference of {sc.mid:g} "
            f"[{sc.direction.replace('_', ' ')}]"
        )


def _print_score(result: Score) -> None:
    typer.echo(f"{result.instrument_name}")
    for sc in result.scales:
        if sc.value is None:
            typer.echo(f"  {sc.name}: {sc.note}")
            continue
        extra = f" ({sc.note})" if sc.note else ""
        typer.echo(f"  {sc.name}: {sc.value:.1f} of {sc.minimum:g}-{sc.maximum:g}{extra}")
    if result.interpretation:
        typer.echo(f"  {result.interpretation}")
    if result.missing_items:
        typer.echo(f"  Incomplete: unanswered {', '.join(result.missing_items)}")


def _print_items(instrument_id: str) -> None:
    inst = instrument(instrument_id)
    typer.echo(f"{inst.name} - {inst.citation}")
    typer.echo(f"Missing items: {inst.missing_rule}")
    for it in inst.items:
        options = ", ".join(f"{o.value}={o.points}" for o in it.options)
        typer.echo(f"  {it.id}: {it.label}\n      {options}")
