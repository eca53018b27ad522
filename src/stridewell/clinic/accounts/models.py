"""Users log in with their e-mail address; a role says which parts of the clinic they use."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        """Return a new ordinary user."""
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        """Return a new clinic administrator with every permission."""
        extra.update(is_staff=True, is_superuser=True, role=User.Role.CLINIC_ADMIN)
        return self._create(email, password, **extra)


class User(AbstractUser):
    class Role(models.TextChoices):
        PATIENT = "patient", "Patient"
        PRACTITIONER = "practitioner", "Practitioner"
        FRONT_DESK = "front_desk", "Front desk"
        CLINIC_ADMIN = "clinic_admin", "Clinic admin"

    username = None  # type: ignore[assignment]
    email = models.EmailField("e-mail address", unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PATIENT)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()  # type: ignore[misc]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_clinician(self) -> bool:
        """Return True for practitioners and clinic admins."""
        return self.role in {self.Role.PRACTITIONER, self.Role.CLINIC_ADMIN}
