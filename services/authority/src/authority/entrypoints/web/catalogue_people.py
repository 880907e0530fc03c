"""The directory of users' texts: the development sign-in's name and title, and the services
that act on a case, named in words."""

from __future__ import annotations

PEOPLE_DA: dict[str, str] = {
    "login.display_name": "Navn (valgfrit)",
    "login.job_title": "Stilling (valgfri)",
    "system.provider": "Leverandørens system",
    "system.scheduler": "Fristkontrollen (automatisk)",
    "system.authority": "Samspil (automatisk)",
}

PEOPLE_EN: dict[str, str] = {
    "login.display_name": "Name (optional)",
    "login.job_title": "Job title (optional)",
    "system.provider": "The provider's system",
    "system.scheduler": "Deadline monitor (automatic)",
    "system.authority": "Samspil (automatic)",
}
