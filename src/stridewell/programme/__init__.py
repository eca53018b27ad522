"""Exercise programmes, return-to-run plans and pain monitoring. Plain Python, no Django."""
