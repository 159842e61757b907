"""Business-hours arithmetic (tgdesk.sla.calendar): fixed cases across a weekend, a
holiday and both daylight-saving changes of Europe/Berlin, and properties under hypothesis."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgdesk.sla.calendar import Calendar, CalendarError

BERLIN = ZoneInfo("Europe/Berlin")
HOUR = 3_600_000
MINUTE = 60_000
OFFICE = {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}


def at(text: str, tz: ZoneInfo = BERLIN) -> int:
    """Epoch ms of a local time 'YYYY-MM-DD HH:MM' (its first occurrence)."""
    return int(datetime.fromisoformat(text).replace(tzinfo=tz).timestamp()) * 1000


def office(**extra: object) -> Calendar:
    return Calendar.of("Europe/Berlin", OFFICE, **extra)  # type: ignore[arg-type]


# -- fixed examples ---------------------------------------------------------------------------
def test_calendar_time_counts_everything() -> None:
    calendar = Calendar.of("UTC", None)
    assert calendar.add(1_000, 5 * HOUR) == 1_000 + 5 * HOUR
    assert calendar.measure(1_000, 1_000 + 5 * HOUR) == 5 * HOUR
    assert calendar.measure(5, 1) == 0


def test_inside_a_working_day() -> None:
    calendar = office()
    assert calendar.add(at("2026-12-02 10:00"), 2 * HOUR) == at("2026-12-02 12:00")
    assert calendar.measure(at("2026-12-02 08:00"), at("2026-12-02 18:00")) == 8 * HOUR


def test_a_clock_started_out_of_hours_waits_for_the_morning() -> None:
    calendar = office()
    assert calendar.add(at("2026-12-02 20:00"), 30 * MINUTE) == at("2026-12-03 09:30")


def test_across_a_weekend() -> None:
    calendar = office()
    # Friday 16:00 + 2 business hours = Monday 10:00
    assert calendar.add(at("2026-12-04 16:00"), 2 * HOUR) == at("2026-12-07 10:00")
    assert calendar.measure(at("2026-12-04 16:00"), at("2026-12-07 10:00")) == 2 * HOUR


def test_a_holiday_counts_nothing() -> None:
    calendar = office(holidays=["2026-12-24", "2026-12-25"])
    # Wednesday 23rd 16:00 + 2 h: Thursday and Friday are holidays, Monday 28th 10:00
    assert calendar.add(at("2026-12-23 16:00"), 2 * HOUR) == at("2026-12-28 10:00")
    assert not calendar.is_open(at("2026-12-24 12:00"))


def test_spring_change_has_a_shorter_night_shift() -> None:
    # 22:00-06:00 over the night of 28-29 March 2026 (clocks jump 02:00 -> 03:00): 7 real hours
    night = {day: [["00:00", "06:00"], ["22:00", "24:00"]] for day in ("sat", "sun")}
    calendar = Calendar.of("Europe/Berlin", night)
    assert calendar.measure(at("2026-03-28 22:00"), at("2026-03-29 06:00")) == 7 * HOUR
    assert calendar.add(at("2026-03-28 22:00"), 7 * HOUR) == at("2026-03-29 06:00")


def test_autumn_change_works_the_repeated_hour_twice() -> None:
    # the night of 24-25 October 2026 (03:00 back to 02:00): 9 real hours from 22:00 to 06:00
    night = {day: [["00:00", "06:00"], ["22:00", "24:00"]] for day in ("sat", "sun")}
    calendar = Calendar.of("Europe/Berlin", night)
    assert calendar.measure(at("2026-10-24 22:00"), at("2026-10-25 06:00")) == 9 * HOUR


def test_a_working_day_on_the_change_is_the_same_length() -> None:
    daily = {day: [["09:00", "17:00"]] for day in ("sat", "sun", "mon")}
    calendar = Calendar.of("Europe/Berlin", daily)
    for day in ("2026-03-29", "2026-10-25"):
        assert calendar.measure(at(f"{day} 00:00"), at(f"{day} 23:00")) == 8 * HOUR


def test_an_interval_inside_the_spring_gap_is_read_sanely() -> None:
    # 02:00-03:00 does not exist on 29 March. 01:00-02:30 ends at 02:30 read with winter
    # time (= 03:30 summer time), which overlaps 03:00-04:00: merged, nothing counts twice.
    calendar = Calendar.of("Europe/Berlin", {"sun": [["01:00", "02:30"], ["03:00", "04:00"]]})
    spans = calendar.day_spans(datetime(2026, 3, 29).date())
    assert spans == [(at("2026-03-29 01:00"), at("2026-03-29 04:00"))]
    assert calendar.measure(at("2026-03-29 00:00"), at("2026-03-29 12:00")) == 2 * HOUR
    # an interval wholly inside the gap counts nothing: that hour never happens
    gap = Calendar.of("Europe/Berlin", {"sun": [["02:00", "03:00"]]})
    assert gap.measure(at("2026-03-29 00:00"), at("2026-03-29 12:00")) == 0
    with pytest.raises(CalendarError):  # overlapping local intervals are refused
        Calendar.of("UTC", {"sun": [["01:00", "02:30"], ["02:00", "04:00"]]})


def test_refusals() -> None:
    with pytest.raises(CalendarError):
        Calendar.of("Mars/Olympus", None)
    with pytest.raises(CalendarError):
        Calendar.of("UTC", {"mon": [["17:00", "09:00"]]})
    with pytest.raises(CalendarError):
        Calendar.of("UTC", {"mon": [["09:00", "25:00"]]})
    with pytest.raises(CalendarError):
        Calendar.of("UTC", {"funday": [["09:00", "10:00"]]})
    with pytest.raises(CalendarError):
        Calendar.of("UTC", {})  # business hours that are never open
    with pytest.raises(CalendarError):
        Calendar.of("UTC", None, ["2026-13-01"])


# -- properties -------------------------------------------------------------------------------
ZONES = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")
# from 2026-01-01 to 2028-01-01, so every daylight-saving change of two years is in range
INSTANTS = st.integers(min_value=1_767_225_600_000, max_value=1_830_297_600_000)
DURATIONS = st.integers(min_value=0, max_value=60 * HOUR)


@st.composite
def calendars(draw: st.DrawFn) -> Calendar:
    zone = draw(st.sampled_from(ZONES))
    hours: dict[str, list[list[str]]] = {}
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
        cuts = sorted(draw(st.sets(st.integers(0, 48), max_size=4)))
        pairs = [
            [f"{c // 2:02d}:{30 * (c % 2):02d}", f"{d // 2:02d}:{30 * (d % 2):02d}"]
            for c, d in zip(cuts[::2], cuts[1::2], strict=False)
        ]
        if pairs:
            hours[day] = pairs
    if not hours:
        hours["wed"] = [["09:00", "17:00"]]
    holidays = draw(st.lists(st.dates(datetime(2026, 1, 1).date(), datetime(2027, 12, 31).date())))
    return Calendar.of(zone, hours, [h.isoformat() for h in holidays[:20]])


@settings(max_examples=150, deadline=None)
@given(calendars(), INSTANTS, DURATIONS)
def test_add_then_measure_round_trips(calendar: Calendar, start: int, amount: int) -> None:
    end = calendar.add(start, amount)
    assert end >= start
    assert calendar.measure(start, end) == amount


@settings(max_examples=150, deadline=None)
@given(calendars(), INSTANTS, DURATIONS, DURATIONS)
def test_adding_in_steps_is_adding_at_once(
    calendar: Calendar, start: int, first: int, second: int
) -> None:
    if first == 0:
        return  # adding nothing stays put, even outside business hours
    assert calendar.add(calendar.add(start, first), second) == calendar.add(start, first + second)


@settings(max_examples=150, deadline=None)
@given(calendars(), INSTANTS, INSTANTS)
def test_measure_then_add_lands_no_later(calendar: Calendar, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    counted = calendar.measure(start, end)
    assert counted <= end - start
    landed = calendar.add(start, counted)
    assert landed <= end
    assert calendar.measure(landed, end) == 0  # nothing counts after it until `end`


def _open_by_the_schedule(calendar: Calendar, instant: int) -> bool:
    """Independently of the arithmetic: the local wall clock at `instant` lies in one of its
    weekday's intervals, on a day that is not a holiday."""
    assert calendar.week is not None
    local = datetime.fromtimestamp(instant / 1000, tz=calendar.tz)
    minute = local.hour * 60 + local.minute
    if local.date() in calendar.holidays:
        return False
    return any(low <= minute < high for low, high in calendar.week[local.weekday()])


def _no_clock_change_near(calendar: Calendar, start: int, end: int) -> bool:
    offsets = {
        datetime.fromtimestamp(t / 1000, tz=calendar.tz).utcoffset()
        for t in (start - 26 * HOUR, end + 26 * HOUR)
    }
    return len(offsets) == 1


@settings(max_examples=100, deadline=None)
@given(calendars(), INSTANTS, st.integers(min_value=1, max_value=3 * 24 * 60))
def test_a_clock_never_counts_outside_business_hours(
    calendar: Calendar, start: int, minutes: int
) -> None:
    # Away from a daylight-saving change (those have their fixed cases above), a stretch
    # counts exactly the minutes whose local time the schedule opens, minute by minute.
    start -= start % MINUTE
    end = start + minutes * MINUTE
    if calendar.week is None or not _no_clock_change_near(calendar, start, end):
        return
    expected = sum(MINUTE for t in range(start, end, MINUTE) if _open_by_the_schedule(calendar, t))
    assert calendar.measure(start, end) == expected
    for t in range(start, end, MINUTE * 37):
        assert calendar.is_open(t) == _open_by_the_schedule(calendar, t)
