"""The browser, where screenshots go, and the desk on a stand-in source (no broker) for the page tests."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from pathlib import Path

import pytest
from aiohttp import web
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from streams.desk.demo import FeedSource, Record
from streams.desk.names import ui_words
from streams.desk.server import make_app
from streams.desk.state import DeskState
from tests.support import free_port

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = (1280, 900)
PHONE = (390, 844)


def open_browser(profile: Path, size: tuple[int, int] = DESKTOP, *, network_log: bool = False,
                 languages: str = "en-US,en") -> webdriver.Chrome:
    """Chromium asking for pages in ``languages`` (its Accept-Language); with ``network_log``, what it
    received is in ``get_log("performance")`` (DevTools' Network events, server-sent events among them)."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("the desk tests need Debian's chromium and chromium-driver: `make test` installs them",
                    pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--window-size={size[0]},{size[1]}", f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    if size == PHONE:  # headless windows are at least 500 px wide: a phone is emulated
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": size[0], "height": size[1],
                                                                              "pixelRatio": 2, "touch": True}})
    options.add_experimental_option("prefs", {"intl.accept_languages": languages})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", **({"performance": "ALL"} if network_log else {})})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def table_rows(b) -> list[str]:
    """The ids of the table's rows, read in one go (the table is redrawn as updates come)."""
    return b.execute_script("return [...document.querySelectorAll('#events tr[data-id]')].map((r) => r.dataset.id)")


def open_page(b, url: str, live: str = "en") -> WebDriverWait:
    """Open the desk at ``url`` and wait until it says it is live (in the page language ``live``) and shows rows."""
    b.get(url)
    wait = WebDriverWait(b, 30)
    word = ui_words(live)["status.live"]
    wait.until(lambda b: b.find_element(By.ID, "status").text == word and table_rows(b))
    return wait


@pytest.fixture
def browser(tmp_path):
    b = open_browser(tmp_path / "profile")
    yield b
    b.quit()


SCREENSHOTS = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory, request) -> Path:
    """Where the tests put screenshots of the main views: $KABAR_SCREENSHOTS, else a folder of this run."""
    folder = Path(os.environ["KABAR_SCREENSHOTS"]) if os.environ.get("KABAR_SCREENSHOTS") \
        else tmp_path_factory.mktemp("desk-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS] = folder
    return folder


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Say where the screenshots are, after the results."""
    folder = config.stash.get(SCREENSHOTS, None)
    shots = sorted(p.name for p in folder.glob("*.png")) if folder else []
    if shots:
        terminalreporter.write_line(f"desk screenshots ({len(shots)}) in {folder}: {', '.join(shots)}")


class StandinDesk:
    """The desk's HTTP app in a thread of this process, fed by a ``FeedSource`` instead of Kafka.

    ``cut`` and ``serve`` take it off the network and back (open event streams end), keeping its
    state, as a proxy or a network drop would; ``restart`` is a new desk on the same port that reads
    its records anew, as ``kabar desk`` restarted does."""

    def __init__(self, records: list[Record]) -> None:
        self.state = DeskState()
        self.source = FeedSource(records)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.runner: web.AppRunner | None = None
        self.feeding: asyncio.Task | None = None
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    async def _serve(self) -> None:
        self.runner = web.AppRunner(make_app(self.state), shutdown_timeout=0.5)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def _cut(self) -> None:
        await self.runner.cleanup()  # ends open requests, event streams among them, and stops listening
        self.runner = None

    async def _restart(self, records: list[Record]) -> None:
        if self.runner:
            await self._cut()
        self.feeding.cancel()
        await asyncio.gather(self.feeding, return_exceptions=True)
        self.state, self.source = DeskState(), FeedSource(records)
        self.feeding = asyncio.create_task(self.source(self.state))
        await self._serve()

    def _call(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)

    def cut(self) -> None:
        self._call(self._cut())

    def serve(self) -> None:
        self._call(self._serve())

    def restart(self, records: list[Record]) -> None:
        self._call(self._restart(records))

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._serve())
        self.feeding = self.loop.create_task(self.source(self.state))
        self.loop.call_soon(self.started.set)
        self.loop.run_forever()
        self.feeding.cancel()
        if self.runner:
            self.loop.run_until_complete(self.runner.cleanup())
        self.loop.close()

    def __enter__(self) -> StandinDesk:
        self.thread.start()
        if not self.started.wait(30):
            raise AssertionError("the stand-in desk did not start within 30 s")
        return self

    def __exit__(self, *exc) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)
