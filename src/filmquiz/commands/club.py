"""``filmquiz club``: join a film club's shared history on PostgreSQL, leave
it, see where games go, and send those that wait."""

from __future__ import annotations

from filmquiz.errors import BadOption, ExitStatus
from filmquiz.render.console import Screen
from filmquiz.results import Message


def join(*, screen: Screen, url: str | None) -> Message:
    """Check that the club's server answers, set up or bring up to date its
    tables, and remember the club (without its password)."""
    from filmquiz.scores import membership
    from filmquiz.scores.club import Club

    url = url or membership.club_url()
    if url is None:
        raise BadOption(
            "URL",
            "is missing: give the club's PostgreSQL URL, such as "
            "postgresql://ana@club.example/films (or set FILMQUIZ_CLUB_URL)",
        )
    membership.check_url(url)
    with Club(url) as club:
        version = club.migrate()
    kept = membership.remember(url)
    said = (
        f"Joined the club at {kept} (club schema {version}). Games are sent "
        "there from now on, after they are kept here."
    )
    if membership.without_password(url) != url:
        said += (
            " Its password was not saved: put it in ~/.pgpass (or PGPASSWORD) for "
            "the commands to come."
        )
    return Message(said, document={"club": kept, "schema": version})


def leave(*, screen: Screen) -> Message:
    """Forget the club; games already sent stay there, and the local history
    keeps every game (those that wait for the club wait for it, should the
    player join it again)."""
    from filmquiz.scores import membership
    from filmquiz.scores.keeping import waiting_for_club

    waiting = waiting_for_club(screen.warning) if membership.club_url() else 0
    left = membership.forget()
    if left is None:
        text = "You are not in a club."
    else:
        text = f"Left the club at {left}. Games are kept here only from now on."
        if waiting:
            text += f" {_waiting(waiting).capitalize()} until you join it again."
    still = membership.environment_club()
    if still is not None:
        text += (
            f" {membership.CLUB_VARIABLE} still sends games to {still}: unset it "
            "to stop."
        )
    return Message(text, document={"club": still, "left": left})


def status(*, screen: Screen) -> Message:
    """Where games go, and how many wait to be sent."""
    from filmquiz.locations import history_file
    from filmquiz.scores import membership
    from filmquiz.scores.keeping import waiting_for_club
    from filmquiz.scores.membership import without_password

    url = membership.club_url()
    waiting = waiting_for_club(screen.warning)
    history = history_file()
    if url is None:
        text = f"Games are kept in {history}; you are not in a club."
    else:
        club = without_password(url)
        text = (
            f"Games are kept in {history} and sent to the club at {club}; "
            f"{_waiting(waiting)}."
        )
    document = {
        "history": str(history),
        "club": None if url is None else without_password(url),
        "waiting": waiting,
    }
    return Message(text, document=document)


def sync(*, screen: Screen) -> Message:
    """Send the games that wait, now."""
    from filmquiz.scores.keeping import send_to_club

    sent = send_to_club(screen.warning, check=True)
    if sent is None:
        return Message(
            "You are not in a club: `filmquiz club join URL` joins one.",
            ExitStatus.FAILURE,
            document={"club": None, "sent": 0, "waiting": 0},
        )
    said = f"Sent {_games(sent.sent)} to the club at {sent.club}"
    return Message(
        f"{said}; {_waiting(sent.waiting)}.",
        document={"club": sent.club, "sent": sent.sent, "waiting": sent.waiting},
    )


def _games(count: int) -> str:
    return "1 game" if count == 1 else f"{count:,} games"


def _waiting(count: int) -> str:
    if count == 0:
        return "none waits to be sent"
    verb = "waits" if count == 1 else "wait"
    return f"{_games(count)} {verb} to be sent"
