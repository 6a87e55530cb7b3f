"""The whole pipeline seen by a person: sample replayed, worker running, desk page in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request

import orjson
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.integration.helpers import write_archive
from tests.support import ROOT, Worker, free_port, kabar

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,900"]


@pytest.fixture
def browser(tmp_path):
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("the desk test needs Debian's chromium and chromium-driver: `make test` installs them",
                    pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    b = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    yield b
    b.quit()


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
    return {r.get_attribute("data-id") for r in browser.find_elements(By.CSS_SELECTOR, "#events tr[data-id]")}


def test_the_desk_page_shows_events_alerts_and_live_updates(e2e_env, desk, browser, tmp_path):
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
    assert "PROTEST" in table and "Almaty" in table
    assert browser.find_elements(By.CSS_SELECTOR, "#alerts .alert"), "the alerts panel stayed empty"

    # A desk editor narrows the table to one country.
    Select(browser.find_element(By.ID, "country")).select_by_value("KZ")
    wait.until(lambda b: _rows(b) == {e["id"] for e in _api(desk, "/api/events?country=KZ&limit=2000")})
    assert "Demak" not in browser.find_element(By.ID, "events").text

    # New coverage arrives while the page is open: its events appear without a reload.
    Select(browser.find_element(By.ID, "country")).select_by_value("")
    kabar(e2e_env, "replay", str(write_archive(tmp_path / "strike.jsonl", "sample-en-strike")))
    wait = WebDriverWait(browser, 60)
    wait.until(lambda b: any("sample-en-strike" in e["articles"] for e in _api(desk, "/api/events?limit=2000")))
    strike = {e["id"] for e in _api(desk, "/api/events?limit=2000") if "sample-en-strike" in e["articles"]}
    wait.until(lambda b: strike <= _rows(b))
    browser.save_screenshot(str(ROOT / ".kabar" / "desk-e2e.png"))
