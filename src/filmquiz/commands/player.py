"""Who is playing: the name games are kept under."""

from __future__ import annotations

from filmquiz.errors import BadOption
from filmquiz.visible import columns

LONGEST_NAME = 40
"""Columns a player's name may take on screen: 40 letters, or 20 emoji."""


def player_name(given: str | None) -> str:
    """The player's name: as given, else the login name when it is a name
    people can read, else "player"."""
    if given is not None:
        name = given.strip()
        if not name or not name.isprintable():
            raise BadOption("--player", "must be a name of printable characters")
        if columns(name) > LONGEST_NAME:
            raise BadOption(
                "--player",
                f"must be at most {LONGEST_NAME} characters wide (a wide character "
                "such as an emoji counts two)",
            )
        return name
    import getpass

    try:
        login = getpass.getuser().strip()
    except (KeyError, OSError):
        return "player"
    # The login name is held to what --player must be: a variable such as
    # USER can hold escape sequences.
    usable = login and login.isprintable() and columns(login) <= LONGEST_NAME
    return login if usable else "player"
