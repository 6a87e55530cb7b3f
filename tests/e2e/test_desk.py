"""The whole pipeline seen by a person: sample replayed, worker running, desk page in headless Chromium."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import orjson
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.integration.helpers import write_archive
from tests.support import ROOT, Worker, free_port, kabar

@pytest.fixture
def e2e_env(pipeline_env):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "e2e.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-e2e")
    worker = Worker(env, "e2e").start()
    yield env
    worker.stop()


@pytest.fixture
def desk(e2e_env, tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "desk", "--port", str(port)], env=e2e_env,
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "desk.log", "wb"))
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/readyz", timeout=1)
                break
            except OSError:
                if time.monotonic() > end or proc.poll() is not None:
                    raise AssertionError((tmp_path / "desk.log").read_text())
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _api(base: str, path: str):
    return orjson.loads(urllib.request.urlopen(base + path, timeout=5).read())


def _rows(browser) -> set[str]:
    """The ids of the table's rows, read in one go (the table is redrawn as updates come)."""
    return set(browser.execute_script(
        "return [...document.querySelectorAll('#events tr[data-id]')].map((r) => r.dataset.id)"))


def _story_languages(base: str) -> dict[str, set[str]]:
    """The languages of each Kazakhstan story, as the desk has them."""
    stories: dict[str, set[str]] = {}
    for e in _api(base, "/api/events?country=KZ&limit=2000"):
        stories.setdefault(e["story"] or e["id"], set()).update(e["languages"])
    return stories


def test_the_desk_page_shows_events_alerts_and_live_updates(e2e_env, desk, browser, tmp_path, screenshots):
    ids = ["seed-kz-tribunnewswiki", "sample-kz-en-1", "sample-kz-en-2", "sample-id-banjir", "sample-id-demo"]
    kabar(e2e_env, "replay", str(write_archive(tmp_path / "sample.jsonl", *ids)))
    end = time.monotonic() + 90
    while time.monotonic() < end and not (_api(desk, "/api/events?country=KZ") and _api(desk, "/api/alerts")):
        time.sleep(1)
    assert _api(desk, "/api/events?country=KZ"), "no KZ events reached the desk"

    browser.get(desk + "/")
    wait = WebDriverWait(browser, 30)
    wait.until(lambda b: "live" in b.find_element(By.ID, "status").text)
    wait.until(lambda b: _rows(b) == {e["id"] for e in _api(desk, "/api/events?limit=2000")})
    table = browser.find_element(By.ID, "events").text
    assert "Protest" in table and "Almaty" in table and "Kazakhstan" in table
    assert browser.find_elements(By.CSS_SELECTOR, "#alerts .alert"), "the alerts panel stayed empty"

    # A desk editor narrows the table to one country.
    Select(browser.find_element(By.ID, "f-country")).select_by_value("KZ")
    wait.until(lambda b: _rows(b) == {e["id"] for e in _api(desk, "/api/events?country=KZ&limit=2000")})
    assert "Demak" not in browser.find_element(By.ID, "events").text

    # New coverage arrives while the page is open: its events appear without a reload.
    Select(browser.find_element(By.ID, "f-country")).select_by_value("")
    kabar(e2e_env, "replay", str(write_archive(tmp_path / "strike.jsonl", "sample-en-strike")))
    wait = WebDriverWait(browser, 60)
    wait.until(lambda b: any("sample-en-strike" in e["articles"] for e in _api(desk, "/api/events?limit=2000")))
    strike = {e["id"] for e in _api(desk, "/api/events?limit=2000") if "sample-en-strike" in e["articles"]}
    wait.until(lambda b: strike <= _rows(b))
    browser.save_screenshot(str(screenshots / "pipeline-desk.png"))


def test_the_kazakhstan_story_groups_its_coverage_across_languages(e2e_env, desk, browser, tmp_path, screenshots):
    """The sample replayed: the map shows the events, the Kazakhstan story gathers the Indonesian seed
    article and the English reports, a filter in the URL survives a reload, and each article is a link."""
    ids = ["seed-kz-tribunnewswiki", "sample-kz-en-1", "sample-kz-en-2", "sample-id-banjir", "sample-id-demo"]
    kabar(e2e_env, "replay", str(write_archive(tmp_path / "sample.jsonl", *ids)))
    end = time.monotonic() + 90
    while time.monotonic() < end and not any({"en", "id"} <= langs for langs in _story_languages(desk).values()):
        time.sleep(1)
    assert any({"en", "id"} <= langs for langs in _story_languages(desk).values()), _story_languages(desk)

    browser.get(desk + "/?country=KZ&tab=stories")
    wait = WebDriverWait(browser, 30)
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#stories .story"))
    stories = browser.find_elements(By.CSS_SELECTOR, "#stories .story")
    across = [s for s in stories if "English" in s.text and "Indonesian" in s.text and "Kazakhstan" in s.text]
    assert across, [s.text for s in stories]
    assert browser.find_elements(By.CSS_SELECTOR, "#map circle.point")
    browser.save_screenshot(str(screenshots / "pipeline-kz-story.png"))

    browser.refresh()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#stories .story"))
    assert Select(browser.find_element(By.ID, "f-country")).first_selected_option.get_attribute("value") == "KZ"
    story = next(s for s in browser.find_elements(By.CSS_SELECTOR, "#stories .story") if "Indonesian" in s.text)
    story.find_elements(By.CSS_SELECTOR, ".story-events li")[0].click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#detail .articles a[href^='http']"))
    titles = {a.text for a in browser.find_elements(By.CSS_SELECTOR, "#detail .articles a")}
    assert len(titles) >= 2, titles
