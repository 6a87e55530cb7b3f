"""The whole pipeline seen by a person: sample replayed, worker running, desk page in headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request

import orjson
import pytest

from tests.support import ROOT, free_port, kabar

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("no Chromium for the desk test: `make test` installs it (apt-get install chromium)", pytrace=False)


@pytest.fixture
def desk(pipeline_env, worker, tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "desk", "--port", str(port)], env=pipeline_env,
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "desk.log", "wb"))
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
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


def test_the_desk_page_shows_the_sample_events_and_alerts(pipeline_env, desk, tmp_path):
    kabar(pipeline_env, "replay")
    end = time.monotonic() + 90
    while time.monotonic() < end and not (_api(desk, "/api/events?country=KZ") and _api(desk, "/api/alerts")):
        time.sleep(1)
    events = _api(desk, "/api/events?country=KZ")
    assert events, "no KZ events reached the desk"
    assert all(e["country"] == "KZ" for e in events)

    browser = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*browser, "--virtual-time-budget=8000", "--dump-dom", desk + "/"],
                         capture_output=True, text=True, timeout=120).stdout
    rows = dom.count('<tr data-id="')
    assert rows >= len({e["id"] for e in _api(desk, "/api/events?limit=2000")}) > 0, dom[:2000]
    assert "Almaty" in dom and "PROTEST" in dom
    assert 'class="alert ' in dom, "the alerts panel stayed empty"
    subprocess.run([*browser, "--virtual-time-budget=8000", "--window-size=1400,900",
                    f"--screenshot={tmp_path / 'desk.png'}", desk + "/"], capture_output=True, timeout=120)
    assert (tmp_path / "desk.png").stat().st_size > 10_000
