"""Which club, if any, the player's games are sent to: ``FILMQUIZ_CLUB_URL``,
or the club remembered by ``filmquiz club join`` in the config file.

A club is a PostgreSQL URL. Its password is never written into filmquiz's
files nor shown: libpq takes it from the URL given in ``FILMQUIZ_CLUB_URL``,
from ``PGPASSWORD`` or from ``~/.pgpass``, and filmquiz remembers the URL
without it.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit, urlunsplit

from filmquiz.errors import FilmquizError
from filmquiz.files import Refused, read_whole, write_atomically
from filmquiz.locations import config_file

CLUB_VARIABLE = "FILMQUIZ_CLUB_URL"
"""When set, games go to this club, whatever the config file says."""
SCHEMES = ("postgresql", "postgres")


class NotAClub(FilmquizError):
    """A club address that is not a PostgreSQL URL."""


def club_url() -> str | None:
    """The URL of the club games go to, or None when the player is in none."""
    given = os.environ.get(CLUB_VARIABLE, "").strip()
    if given:
        return given
    return _remembered().get("club")


def check_url(url: str) -> str:
    """``url`` when it is a PostgreSQL URL; NotAClub says why otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in SCHEMES:
        raise NotAClub(
            "a club is a PostgreSQL URL such as postgresql://ana@club.example/films"
        )
    return url.strip()


def without_password(url: str) -> str:
    """``url`` with any password taken out, to be kept or shown."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}{port}"))


def remember(url: str) -> str:
    """Remember ``url`` (without its password) as the club; return what was
    kept."""
    kept = without_password(url)
    settings = _remembered()
    settings["club"] = kept
    _write(settings)
    return kept


def forget() -> str | None:
    """Forget the club remembered; return it, or None when there was none."""
    settings = _remembered()
    club = settings.pop("club", None)
    if club is not None:
        _write(settings)
    return club


def _remembered() -> dict[str, str]:
    """The settings in the config file; none when it is missing or unreadable."""
    try:
        data = json.loads(read_whole(config_file(), 1_000_000))
    except (Refused, OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def _write(settings: dict[str, str]) -> None:
    path = config_file()
    write_atomically(path, (json.dumps(settings, indent=2) + "\n").encode())
