"""Alerts delivered by a real worker: the sample replayed, a local webhook that fails twice then
takes the signed alert, and one that never answers well, which ends as a dead letter."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest

from streams.replay import sample_archive
from tests.support import Worker, kabar, read_topic, wait_for

SECRET = "integration-secret"


class Hook(BaseHTTPRequestHandler):
    """POST /flaky answers 500 twice, then 200; POST /down always 503. Requests are kept on the server."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append((self.path, dict(self.headers), body))
        status = 503 if self.path == "/down" else (500 if len(_tries(self.server, "/flaky")) <= 2 else 200)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def hook():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_worker_delivers_a_signed_alert_after_retries_and_dead_letters_a_dead_webhook(pipeline_env, hook,
                                                                                        tmp_path):
    base = f"http://127.0.0.1:{hook.server_address[1]}"
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"rules": [
        {"name": "riot", "severity": "high", "when": {"types": ["PROTEST"], "modes": ["riot"]},
         "message": "riot in {where} on {date}",
         "deliver": [{"webhook": f"{base}/flaky", "secret_env": "KABAR_IT_HOOK_SECRET"},
                     {"webhook": f"{base}/down", "format": "slack", "attempts": 2}]}]}), encoding="utf-8")
    run = uuid.uuid4().hex[:8]  # its own topics and group: the session's other workers have fired the sample's alerts
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=f"it-alerts-{run}.", KABAR_APP_ID=f"kabar-it-alerts-{run}",
               KABAR_HOME=str(tmp_path / "home"), KABAR_ALERT_RULES=str(rules), KABAR_IT_HOOK_SECRET=SECRET)
    worker = Worker(env).start()
    try:
        kabar(env, "replay", str(sample_archive()))
        end = time.monotonic() + 120
        while time.monotonic() < end and len(_tries(hook, "/flaky")) < 3:
            time.sleep(0.5)
        flaky = _tries(hook, "/flaky")
        assert len(flaky) >= 3, f"the webhook got {len(flaky)} tries: {worker.log.read_text()[-3000:]}"
        headers, body = flaky[2]
        assert headers["X-Kabar-Signature"] == "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        alert = orjson.loads(body)
        assert (alert["rule"], alert["event"]["country"], alert["event"]["mode"]) == ("riot", "KZ", "riot")
        assert headers["X-Kabar-Event"] == alert["event_id"]

        letters = wait_for(env, "deadletter", lambda rs: any(r["stage"] == "alerts" for r in rs))
        [letter] = [r for r in letters if r["stage"] == "alerts"]
        assert (letter["reason"], letter["detail"]) == (
            "delivery-failed", f"rule riot: 127.0.0.1:{hook.server_address[1]} (slack): HTTP 503 after 2 tries")
        assert letter["topic"] == f"it-alerts-{run}.events.alerts"
        assert len(_tries(hook, "/down")) == 2
        assert len(_tries(hook, "/flaky")) == 3  # delivered once: taken on the third try, not posted again
        assert worker.stats()["alerts"]["delivered"] == 1
        assert any(r["rule"] == "riot" for r in read_topic(env, "events.alerts"))
    finally:
        worker.stop()


def _tries(hook, path: str) -> list[tuple[dict, bytes]]:
    return [(headers, body) for p, headers, body in hook.requests if p == path]
