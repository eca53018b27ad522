"""Training load: readers, sessions, metrics, rules and plans. Plain Python, no Django."""
