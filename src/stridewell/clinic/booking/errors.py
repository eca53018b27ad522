"""Booking errors: each carries a message a patient can act on."""


class BookingError(Exception):
    """A booking request that cannot be carried out; `str(error)` is shown to the user."""


class SlotTaken(BookingError):
    def __init__(self, message: str = "That time was just taken by someone else. Please choose another time.") -> None:
        super().__init__(message)


class SlotUnavailable(BookingError):
    """The requested time is not a bookable slot (outside hours, too soon, too far ahead, in the past)."""


class HoldExpired(BookingError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or "Your hold on this time has ended. Please choose the time again.")


class NotAllowed(BookingError):
    """The patient may not make this booking (e.g. a new-patient-only service, no package credit)."""


class ClassFull(BookingError):
    pass
