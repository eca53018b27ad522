"""On PostgreSQL, make double booking impossible in the database itself.

An exclusion constraint rejects two rows of one practitioner whose blocked time ranges
[start, blocked_until) overlap while both are held or booked. SQLite has no exclusion
constraints; there the booking service checks and inserts inside one immediate write
transaction, which no other writer can interleave with.
"""

from django.db import migrations

STATUSES = "('held', 'booked', 'arrived', 'completed')"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        "ALTER TABLE booking_appointment ADD CONSTRAINT appt_no_overlap_per_practitioner "
        "EXCLUDE USING gist (practitioner_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&) "
        f"WHERE (status IN {STATUSES})"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE booking_appointment DROP CONSTRAINT IF EXISTS appt_no_overlap_per_practitioner")


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
