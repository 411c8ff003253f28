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
import re
from typing import Any
from urllib.parse import unquote, urlsplit

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
    club: Any = _remembered().get("club")
    return club if isinstance(club, str) else None


def environment_club() -> str | None:
    """The club ``FILMQUIZ_CLUB_URL`` names, as it may be shown, or None."""
    given = os.environ.get(CLUB_VARIABLE, "").strip()
    return without_password(given) if given else None


def check_url(url: str) -> str:
    """``url`` when it is a PostgreSQL URL; NotAClub says why otherwise."""
    example = "a club is a PostgreSQL URL such as postgresql://ana@club.example/films"
    try:
        # Without the password, which may hold what a URL parser stops at.
        parts = urlsplit(without_password(url.strip()))
        parts.port  # noqa: B018 (a port that is not a number raises)
    except ValueError:
        raise NotAClub(f"{example}; this one has a port that is not one") from None
    if parts.scheme not in SCHEMES:
        raise NotAClub(example)
    return url.strip()


def without_password(url: str) -> str:
    """``url`` with any password taken out, to be kept or shown: the user
    part is cut before its last ``@`` (whatever a password holds: ``#``,
    ``?``, ``/`` or ``@``) to the user's name, and a ``password=``
    parameter goes. Anything but a URL shows as a note that it is not one."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme not in SCHEMES:
        return "(not a PostgreSQL URL)"
    # The credentials end at the last @ before the host's end (a / after
    # it): a password may hold ?, #, / and @ unencoded, and libpq reads it.
    last_at = -1
    for index, character in enumerate(rest):
        if character == "@":
            last_at = index
        elif character == "/" and last_at >= 0:
            break
    if last_at >= 0:
        user = re.split("[:@]", rest[:last_at], maxsplit=1)[0]
        rest = f"{user}@{rest[last_at + 1 :]}"
    before_query, question, parameters = rest.partition("?")
    if question:
        kept = [
            pair
            for pair in parameters.split("&")
            if pair and unquote(pair.partition("=")[0]).strip() != "password"
        ]
        parameters = "&".join(kept)
    query = f"?{parameters}" if parameters else ""
    return f"{scheme}://{before_query}{query}"


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
    return str(club) if club is not None else None


def _remembered() -> dict[str, Any]:
    """The settings in the config file; none when it is missing or unreadable."""
    try:
        data = json.loads(read_whole(config_file(), 1_000_000))
    except (Refused, OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    if not isinstance(data.get("club", ""), str):
        data.pop("club")
    return data


def _write(settings: dict[str, Any]) -> None:
    path = config_file()
    write_atomically(path, (json.dumps(settings, indent=2) + "\n").encode())
