"""Where filmquiz keeps the files it writes for a user."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "FILMQUIZ_HOME"
"""When set, this folder replaces the per-user data and cache folders."""


def data_home() -> Path:
    """The folder for the score history and the user's own banks.

    ``FILMQUIZ_HOME`` wins when set; otherwise the per-user data folder that
    platformdirs gives, such as ``~/.local/share/filmquiz`` on Linux.
    """
    override = _home_override()
    if override is not None:
        return override
    import platformdirs  # 15 ms to import: only when a command needs the folder

    return platformdirs.user_data_path("filmquiz", appauthor=False)


def cache_home() -> Path:
    """The folder for cached banks: ``cache/`` inside ``FILMQUIZ_HOME`` when
    set, otherwise the per-user cache folder, such as ``~/.cache/filmquiz``."""
    override = _home_override()
    if override is not None:
        return override / "cache"
    import platformdirs

    return platformdirs.user_cache_path("filmquiz", appauthor=False)


def _home_override() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    return expand(value) if value else None


def expand(text: str) -> Path:
    """A path as typed, ``~`` and ``~user`` expanded when they can be (a
    ``~nosuchuser`` stays as written)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)


def history_file() -> Path:
    """The SQLite database of every game played."""
    return data_home() / "scores.db"


def config_file() -> Path:
    """Where filmquiz remembers settings (the club joined): ``config.json``
    inside ``FILMQUIZ_HOME`` when set, otherwise in the per-user config
    folder, such as ``~/.config/filmquiz/config.json``."""
    override = _home_override()
    if override is not None:
        return override / "config.json"
    import platformdirs

    return platformdirs.user_config_path("filmquiz", appauthor=False) / "config.json"
