"""Knee assessment: screening rules, red flags, questionnaires. Plain Python, no Django."""
