"""Template helpers for the assessment pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """Return mapping[key], or an empty string when absent."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def is_number_scale(field) -> bool:  # noqa: ANN001
    """Return True when a radio field's choices are whole numbers (a 0-10 style scale shown in a row)."""
    choices = list(getattr(field.field, "choices", []))
    return len(choices) > 6 and all(str(v).lstrip("-").isdigit() for v, _ in choices)


@register.filter
def short_options(field) -> bool:  # noqa: ANN001
    """Return True when a choice field has at most six short answers (laid out side by side)."""
    choices = list(getattr(field.field, "choices", []))
    return 0 < len(choices) <= 6 and all(len(str(label)) <= 14 for _, label in choices)
