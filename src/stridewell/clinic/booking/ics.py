"""iCalendar (.ics) invites: stable UID per appointment, SEQUENCE bumped on change, CANCEL on cancel.

Invites name the service, practitioner and place, never a diagnosis or clinical reason.
"""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event, vCalAddress, vText


def calendar_for(*, uid: str, summary: str, start: datetime, end: datetime, location: str,
                 description: str, organizer_email: str, sequence: int = 0,
                 cancelled: bool = False, tz_name: str | None = None, stamp: datetime) -> bytes:
    """Return the bytes of a one-event iCalendar file (METHOD REQUEST, or CANCEL when cancelled)."""
    cal = Calendar()
    cal.add("prodid", "-//Stridewell//Clinic booking//EN")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    if tz_name:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(tz_name)
        start, end = start.astimezone(zone), end.astimezone(zone)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event["location"] = vText(location)
    event.add("description", description)
    organizer = vCalAddress(f"mailto:{organizer_email}")
    event["organizer"] = organizer
    cal.add_component(event)
    if tz_name:
        cal.add_missing_timezones()
    return cal.to_ical()
