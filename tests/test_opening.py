"""Where a user's message goes (tgdesk.sessions.opening): pure rules, no table."""

from __future__ import annotations

from typing import Any

from tgdesk.sessions.opening import InboundTiming, Placement, place_message, reopen_candidate

NOW = 1_767_225_700_000
DAY = 24 * 3_600_000
TIMING = InboundTiming(autoclose_due=NOW + DAY, reopen_since=NOW - 7 * DAY)


def closed_profile(closed_at: int, **more: Any) -> dict[str, Any]:
    return {"last_session_id": "s-last", "last_closed_at": closed_at, **more}


def closed_session(closed_at: int) -> dict[str, Any]:
    return {"session_id": "s-last", "status": "closed", "closed_at": closed_at}


def test_a_first_message_opens_a_session() -> None:
    placement = place_message(None, None, TIMING, new_session_id="s-new")
    assert placement == Placement(session_id="s-new", autoclose_due=NOW + DAY, opens=True)
    assert not placement.continues


def test_a_message_goes_to_the_open_session() -> None:
    user = {"open_session_id": "s-open", **closed_profile(NOW - DAY)}
    assert reopen_candidate(user, TIMING) is None
    placement = place_message(user, None, TIMING, new_session_id="s-new")
    assert placement == Placement(session_id="s-open", autoclose_due=NOW + DAY)
    assert placement.continues


def test_a_session_closed_recently_is_reopened() -> None:
    user = closed_profile(NOW - 6 * DAY)
    assert reopen_candidate(user, TIMING) == "s-last"
    last = closed_session(NOW - 6 * DAY)
    placement = place_message(user, last, TIMING, new_session_id="s-new")
    assert placement.session_id == "s-last" and placement.reopens == last
    assert not placement.opens and not placement.continues
    assert placement.autoclose_due == NOW + DAY


def test_a_session_closed_before_the_reopen_window_is_not_read_nor_reopened() -> None:
    user = closed_profile(TIMING.reopen_since)  # closed exactly at the limit: too old
    assert reopen_candidate(user, TIMING) is None
    placement = place_message(user, closed_session(TIMING.reopen_since), TIMING, new_session_id="n")
    assert placement.opens and placement.session_id == "n"


def test_a_last_session_open_again_meanwhile_is_not_reopened() -> None:
    user = closed_profile(NOW - DAY)
    reopened = {"session_id": "s-last", "status": "unread"}
    assert place_message(user, reopened, TIMING, new_session_id="n").opens


def test_a_last_session_gone_or_another_one_is_not_reopened() -> None:
    user = closed_profile(NOW - DAY)
    assert place_message(user, None, TIMING, new_session_id="n").opens
    other = {**closed_session(NOW - DAY), "session_id": "s-other"}
    assert place_message(user, other, TIMING, new_session_id="n").opens


def test_a_profile_without_a_last_session_has_no_candidate() -> None:
    assert reopen_candidate({}, TIMING) is None
    assert reopen_candidate({"last_session_id": "s"}, TIMING) is None
    assert reopen_candidate({"last_closed_at": NOW}, TIMING) is None
