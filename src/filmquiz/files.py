"""Writing files whole: a file is either its old self or its new self, never
half of each, whatever kills filmquiz while it writes."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

from filmquiz.errors import FilmquizError
from filmquiz.visible import visible

_SPECIAL = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


class Refused(Exception):
    """A file that read_whole will not read, and why, in words."""

    def __init__(self, reason: str, *, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.size = size
        """The file's size, when it was refused for being too big."""


def read_whole(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, read once, if it holds at
    most ``limit`` bytes. Anything else (missing, a folder, a FIFO or device,
    too big, unreadable) raises Refused: opening never waits on a FIFO, and a
    device or a sparse giant is never read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise Refused("no such file") from None
    except OSError as error:
        raise Refused(f"cannot be read ({error.strerror or error})") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise Refused("is a folder")
        if not stat.S_ISREG(status.st_mode):
            kind = _SPECIAL.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise Refused(f"is {kind}")
        if status.st_size > limit:
            raise Refused("is too big", size=status.st_size)
        chunks = []
        read = 0
        while read <= limit:
            chunk = os.read(descriptor, min(1 << 24, limit + 1 - read))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
        if read > limit:
            raise Refused("is too big", size=read)
        return b"".join(chunks)
    except OSError as error:
        raise Refused(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


class AlreadyThere(FilmquizError):
    """``write_atomically`` was told not to replace a file, and one is there."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{visible(str(path))} already exists; pass --force to replace it"
        )


def unwritable(path: Path, error: OSError) -> FilmquizError:
    """The error for a file the system will not let filmquiz write (a name
    too long, a folder that is a file, no permission ...)."""
    return FilmquizError(
        f"{visible(str(path))}: cannot be written ({error.strerror or error})"
    )


def write_atomically(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file and one rename.

    The file gets the permissions the user's umask gives a new file (0644
    with umask 022), as any program's would: a bank in a shared folder must
    be readable by the others who share it. With ``replace`` False, a file
    already at ``path``, even one that appeared while ``data`` was being
    made, is kept, and :class:`AlreadyThere` raised: the temporary file is
    linked into place, which fails where a rename would replace.
    """
    try:
        if path.is_dir() or (path.exists() and not path.is_file()):
            # Never put a file in place of a folder, a device or a FIFO.
            raise FilmquizError(f"{visible(str(path))}: is not a regular file")
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        handle, temporary = _temporary_file(path)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if replace:
                Path(temporary).replace(path)
            else:
                _link_new(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise unwritable(path, error) from None


def _link_new(temporary: str, path: Path) -> None:
    """Put ``temporary`` at ``path`` only if nothing is there, in one step."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise AlreadyThere(path) from None
    except OSError:
        # A file system without hard links (FAT, some network shares): look,
        # then rename; a file appearing in between is all this can miss.
        if path.exists():
            raise AlreadyThere(path) from None
        Path(temporary).replace(path)
        return
    Path(temporary).unlink()


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
