"""The Django project that wraps the cores: one app per feature."""
