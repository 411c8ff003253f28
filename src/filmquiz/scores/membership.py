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
from urllib.parse import unquote, urlsplit, urlunsplit

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


def environment_club() -> str | None:
    """The club ``FILMQUIZ_CLUB_URL`` names, as it may be shown, or None."""
    given = os.environ.get(CLUB_VARIABLE, "").strip()
    return without_password(given) if given else None


def check_url(url: str) -> str:
    """``url`` when it is a PostgreSQL URL; NotAClub says why otherwise."""
    example = "a club is a PostgreSQL URL such as postgresql://ana@club.example/films"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (a port that is not a number raises)
    except ValueError:
        raise NotAClub(f"{example}; this one has a port that is not one") from None
    if parts.scheme not in SCHEMES:
        raise NotAClub(example)
    return url.strip()


def without_password(url: str) -> str:
    """``url`` with any password taken out (``user:password@``, or a
    ``password=`` parameter), to be kept or shown."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(a URL that cannot be read)"
    user, at, host = parts.netloc.rpartition("@")
    netloc = f"{user.partition(':')[0]}@{host}" if at else parts.netloc
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and unquote(pair.partition("=")[0]).strip() != "password"
    )
    return urlunsplit(parts._replace(netloc=netloc, query=query))


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
