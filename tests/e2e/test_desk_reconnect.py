"""The page through a cut stream, in headless Chromium: every update once, none lost, none doubled.

What the browser received is read from DevTools' network log (``Network.eventSourceMessageReceived``),
so the test sees the stream as the page did, not only what the page chose to show.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from streams.desk.demo import article, event, stories
from streams.desk.names import ui_words
from tests.e2e.conftest import StandinDesk, open_browser, open_page, table_rows

NOW = datetime.now(timezone.utc)
ENGLISH = ui_words("en")


@pytest.fixture
def watched(tmp_path):
    """A browser whose network log keeps the server-sent events it receives."""
    b = open_browser(tmp_path / "profile", network_log=True)
    yield b
    b.quit()


def _network(b) -> list[dict]:
    """DevTools network events since the last call: method and params."""
    return [json.loads(entry["message"])["message"] for entry in b.get_log("performance")]


def _received(log: list[dict]) -> list[tuple[str, str]]:
    """(update id, kind) of each server-sent event received, in order."""
    return [(m["params"]["eventId"], m["params"]["eventName"]) for m in log
            if m["method"] == "Network.eventSourceMessageReceived" and m["params"]["eventName"] in ("event", "alert")]


def _snapshots(log: list[dict]) -> int:
    return sum(m["method"] == "Network.requestWillBeSent" and m["params"]["request"]["url"].endswith("/api/snapshot")
               for m in log)


def _publish(desk: StandinDesk, records: list, start: int, count: int, *, alert: bool = False) -> None:
    """``count`` new events in Mali (and an alert on the last), into the desk and into ``records``."""
    for i in range(start, start + count):
        a = article(f"ml-{i}", f"Clashes near Mopti, report {i}", "rfi.fr", "fr", NOW)
        ev = event(f"ev-ml-{i}", "ASSAULT", "ML", "Mopti", 14.5, -4.2, [a], story="ml")
        records += [("article", a, NOW.timestamp()), ("event", ev, NOW.timestamp())]
        desk.source.put("article", a)
        desk.source.put("event", ev)
    if alert:
        al = {"id": f"alert-ml-{start}", "rule": "attacks", "severity": "high", "message": f"ASSAULT in Mopti ({start})",
              "event_id": f"ev-ml-{start + count - 1}", "at": NOW.isoformat()}
        records.append(("alert", al, NOW.timestamp()))
        desk.source.put("alert", al)


def _status(b) -> str:
    return b.find_element(By.ID, "status").text


def _shows_every_event_and_alert_once(b, desk: StandinDesk, wait: WebDriverWait) -> None:
    wait.until(lambda b: sorted(table_rows(b)) == sorted(desk.state.events))
    rows = table_rows(b)
    assert len(rows) == len(set(rows))
    cards = b.execute_script("return [...document.querySelectorAll('#alerts .alert')].map((a) => a.dataset.id)")
    assert sorted(cards) == sorted(a["id"] for a in desk.state.alerts)


def test_a_cut_stream_resumes_where_it_stopped_without_a_reload(watched):
    records = list(stories(NOW))
    with StandinDesk(records) as desk:
        wait = open_page(watched, desk.url + "/")
        run, first = desk.state.run, desk.state.seq + 1  # the snapshot had every update up to here
        _publish(desk, records, 1, 2)
        wait.until(lambda b: {"ev-ml-1", "ev-ml-2"} <= set(table_rows(b)))

        desk.cut()
        wait.until(lambda b: _status(b) == ENGLISH["status.reconnecting"])
        _publish(desk, records, 3, 3, alert=True)  # while the page is away
        desk.serve()
        wait = WebDriverWait(watched, 30)
        wait.until(lambda b: _status(b) == ENGLISH["status.live"])
        _publish(desk, records, 6, 1)  # and after it is back
        _shows_every_event_and_alert_once(watched, desk, wait)

        log = _network(watched)
        assert _received(log) == [(f"{run}-{n}", u.kind) for n, u in zip(range(first, desk.state.seq + 1),
                                                                          list(desk.state.ring)[first - 1:])]
        assert _snapshots(log) == 1  # what it missed came from the ring, after the last update it had


def _compacted(records: list) -> list:
    """The records as a restarted desk reads them once compaction has run: each event's latest revision only."""
    latest = {obj["id"]: i for i, (kind, obj, _) in enumerate(records) if kind == "event"}
    return [r for i, r in enumerate(records) if r[0] != "event" or latest[r[1]["id"]] == i]


def _growth(b) -> str:
    return b.find_element(By.CSS_SELECTOR, "#stories .story[data-story='story-kz'] .growth").text


def test_a_restarted_desk_sends_the_page_back_to_a_fresh_snapshot(watched, screenshots):
    records = list(stories(NOW))
    with StandinDesk(records) as desk:
        wait = open_page(watched, desk.url + "/?tab=stories")
        growing = _growth(watched)
        _publish(desk, records, 1, 2)
        wait.until(lambda b: {"ev-ml-1", "ev-ml-2"} <= set(table_rows(b)))
        old_run = desk.state.run

        desk.cut()
        wait.until(lambda b: _status(b) == ENGLISH["status.reconnecting"])
        watched.save_screenshot(str(screenshots / "11-reconnecting.png"))
        _publish(desk, records, 3, 3, alert=True)  # into the old desk's memory, lost with it: Kafka keeps them
        desk.restart(_compacted(records))  # a new desk reads the topics again and numbers its updates anew
        assert desk.state.run != old_run
        wait = WebDriverWait(watched, 30)
        wait.until(lambda b: _status(b) == ENGLISH["status.live"])
        _publish(desk, records, 6, 1)
        watched.find_element(By.CSS_SELECTOR, ".tabs button[data-tab='events']").click()
        _shows_every_event_and_alert_once(watched, desk, wait)

        log = _network(watched)
        assert _snapshots(log) == 2  # told to reset, the page reloaded the new desk's snapshot
        after = [seq for seq, _ in _received(log) if seq.startswith(desk.state.run)]
        assert after and len(after) == len(set(after))
        # What is growing now is rebuilt from the articles' arrivals: the same as before the restart.
        watched.find_element(By.CSS_SELECTOR, ".tabs button[data-tab='stories']").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#stories .story[data-story='story-kz']"))
        assert _growth(watched) == growing
