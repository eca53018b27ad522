"""Template helpers for the assessment pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: object) -> object:
    """Return mapping[key], or an empty string when absent."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
