"""Writing files whole: a file is either its old self or its new self, never
half of each, whatever kills filmquiz while it writes."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

from filmquiz.errors import FilmquizError
from filmquiz.visible import visible


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and one rename.

    The file gets the permissions the user's umask gives a new file (0644
    with umask 022), as any program's would: a bank in a shared folder must
    be readable by the others who share it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        handle, temporary = _temporary_file(path)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise FilmquizError(
            f"{visible(str(path))}: cannot be written ({error.strerror or error})"
        ) from None


TEMPORARY = re.compile(r"\.fq-[0-9a-f]{8}\.tmp|\..+\.json\.[a-z0-9_]{8}\.tmp")
"""The names of filmquiz's temporary files: ``.fq-XXXXXXXX.tmp`` now, and the
``.NAME.json.XXXXXXXX.tmp`` of earlier versions."""
STALE_AFTER = 3600
"""Seconds after which a temporary file is taken for one left by a kill."""


def _temporary_file(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, opened for writing, with the mode a new
    file gets from the umask (tempfile.mkstemp would make it 0600). Its name
    is short whatever the target's, so a name near the file system's limit
    still saves."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = str(path.with_name(f".fq-{secrets.token_hex(4)}.tmp"))
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue


def remove_stale_temporaries(folder: Path) -> None:
    """Delete filmquiz's temporary files in ``folder`` older than an hour:
    what a process killed while saving left behind."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                        Path(entry.path).unlink()
