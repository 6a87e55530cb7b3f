"""The desk page as a person uses it, in headless Chromium, on the desk app fed by a stand-in source.

No broker: ``StandinDesk`` runs the real HTTP app in this process on made-up records
(``streams/desk/demo.py``). Screenshots of the main views go to the ``screenshots`` folder,
named at the end of the run.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from streams.desk.demo import article, event, generated, stories
from streams.desk.names import actor_label, names_table, ui_words
from tests.e2e.conftest import PHONE, StandinDesk, open_browser, open_page, table_rows

NOW = datetime.now(timezone.utc)


@pytest.fixture
def desk():
    """The stories published relative to when the test runs, not to when the suite was collected: run
    after half an hour of other tests, the articles of "the last hour" had slipped into the hour before."""
    with StandinDesk(stories(datetime.now(timezone.utc))) as d:
        yield d


def _query(b) -> dict[str, list[str]]:
    return parse_qs(urlparse(b.current_url).query)


def _page_errors(b) -> list[str]:
    """Console errors, CSP violations among them."""
    return [e["message"] for e in b.get_log("browser") if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]


def test_a_first_look_shows_map_timeline_named_events_stories_and_articles(desk, browser, screenshots):
    open_page(browser, desk.url + "/")
    table = browser.find_element(By.ID, "events").text
    assert "Kazakh police → Kazakh protesters" in table and "Indonesian protesters" in table
    assert "KZ:police" not in table
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150
    assert browser.find_elements(By.CSS_SELECTOR, "#map circle.point")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline g.day rect:not(.hit)")
    protest = browser.find_element(By.CSS_SELECTOR, "#events tr[data-id='ev-kz-protest'] .type")
    assert protest.get_attribute("title").startswith("Protest: Demonstrate")  # the PLOVER definition on hover
    browser.save_screenshot(str(screenshots / "01-desk-1280.png"))

    # The editor opens the Almaty crackdown: counts say where they come from, and every article is a link.
    browser.find_element(By.CSS_SELECTOR, "#events tr[data-id='ev-kz-coerce']").click()
    wait = WebDriverWait(browser, 10)
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#detail .articles a")) == 4)
    detail = browser.find_element(By.ID, "detail").text
    assert "300 arrested, from article kz-en-1" in detail and "Police detained about 300 people" in detail
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#detail .articles a")}
    assert links["Hundreds detained after Almaty unrest"] == "https://apnews.com/news/kz-en-2"
    assert "bharian.com.my · Malay" in detail
    browser.save_screenshot(str(screenshots / "02-event-detail.png"))

    # The stories tab groups the Almaty coverage: two events, five languages, growing now.
    browser.find_element(By.CSS_SELECTOR, ".tabs button[data-tab='stories']").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#stories .story"))
    first = browser.find_elements(By.CSS_SELECTOR, "#stories .story")[0]
    assert first.get_attribute("data-story") == "story-kz"
    assert "2 events" in first.text and "6 languages" in first.text and "Kazakhstan" in first.text
    assert "+3 last hour" in first.text  # kz-fr-1, kz-es-1 and kz-ms-1 were published in the last hour
    assert _query(browser)["tab"] == ["stories"]
    browser.save_screenshot(str(screenshots / "03-stories.png"))
    assert not _page_errors(browser)


def test_a_filter_in_the_url_survives_a_reload_and_map_and_timeline_set_it(desk, browser):
    wait = open_page(browser, desk.url + "/?country=KZ&type=COERCE&min=2")
    assert table_rows(browser) == ["ev-kz-coerce"]
    assert Select(browser.find_element(By.ID, "f-country")).first_selected_option.text == "Kazakhstan"
    browser.refresh()
    wait.until(lambda b: b.find_element(By.ID, "status").text == "live")
    wait.until(lambda b: table_rows(b) == ["ev-kz-coerce"])
    assert browser.find_element(By.ID, "f-min").get_attribute("value") == "2"

    browser.find_element(By.ID, "clear").click()
    wait.until(lambda b: len(table_rows(b)) == 5 and not _query(b))
    # A click on Indonesia on the map filters to it.
    indonesia = browser.find_elements(By.CSS_SELECTOR, "#map path[data-country='ID']")[0]
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", indonesia)
    wait.until(lambda b: _query(b).get("country") == ["ID"] and set(table_rows(b)) == {"ev-id-banjir", "ev-id-demo"})
    # A click on a day of the timeline sets the date range to it.
    day = browser.find_element(By.CSS_SELECTOR, "#timeline g.day[data-day] rect.hit")
    ActionChains(browser).move_to_element(day).click().perform()
    wait.until(lambda b: "from" in _query(b) and _query(b)["from"] == _query(b)["to"])
    # Typing a search and an actor lands in the URL too.
    browser.find_element(By.ID, "clear").click()
    browser.find_element(By.ID, "f-actor").send_keys("Kazakh police")
    wait.until(lambda b: set(table_rows(b)) == {"ev-kz-coerce"} and _query(b)["actor"] == ["Kazakh police"])


def test_saved_views_and_acknowledged_alerts_stay_after_a_reload(desk, browser, screenshots):
    wait = open_page(browser, desk.url + "/?country=ID")
    browser.find_element(By.ID, "view-name").send_keys("Indonesia", Keys.ENTER)
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#view-list a"))
    browser.find_element(By.CSS_SELECTOR, "#alerts button[data-ack='alert-kz-1']").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#alerts .alert.acked"))
    browser.get(desk.url + "/")
    wait.until(lambda b: len(table_rows(b)) == 5)
    assert browser.find_elements(By.CSS_SELECTOR, "#alerts .alert.acked[data-id='alert-kz-1']")
    assert "0 open" in browser.find_element(By.ID, "alerts").text
    browser.find_element(By.LINK_TEXT, "Indonesia").click()
    wait.until(lambda b: set(table_rows(b)) == {"ev-id-banjir", "ev-id-demo"})

    # Muting the rule hides its alerts, for good, until unmuted.
    browser.find_element(By.CSS_SELECTOR, "#alerts button[data-mute='mass-arrests']").click()
    wait.until(lambda b: not b.find_elements(By.CSS_SELECTOR, "#alerts .alert"))
    browser.refresh()
    wait.until(lambda b: "Muted: mass-arrests" in b.find_element(By.ID, "alerts").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "#alerts .alert")
    browser.save_screenshot(str(screenshots / "04-muted-and-saved-view.png"))


def test_the_keyboard_moves_opens_and_searches(desk, browser):
    wait = open_page(browser, desk.url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    body.send_keys("j")
    second = table_rows(browser)[1]
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#events tr.selected").get_attribute("data-id") == second)
    body.send_keys(Keys.ENTER)
    wait.until(lambda b: b.find_element(By.ID, "detail").is_displayed())
    body.send_keys("k")
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#events tr.selected").get_attribute("data-id") == table_rows(b)[0])
    body.send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "f-q"
    browser.switch_to.active_element.send_keys("Demak")
    wait.until(lambda b: table_rows(b) == ["ev-id-banjir"] and _query(b)["q"] == ["Demak"])


HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"


def test_hostile_strings_from_articles_render_as_text(desk, browser, screenshots):
    at = NOW.timestamp()
    bad = article("evil-1", HOSTILE, "evil.example", "en", NOW)
    bad["url"] = "javascript:window.__pwned=3"
    desk.source.put("article", bad, at)
    desk.source.put("event", event("ev-evil", "PROTEST", "KZ", '"><img src=x onerror="window.__pwned=4">', 43.0, 77.0,
                                   [bad], story="evil", actors=['KZ:" onmouseover="window.__pwned=5'],
                                   evidence=HOSTILE), at)
    desk.source.put("alert", {"id": "evil-alert", "rule": "<b>rule</b>", "severity": "high\" onclick=\"x",
                              "message": HOSTILE, "event_id": "ev-evil", "at": "2022-01-05T10:00:00Z"}, at)
    wait = open_page(browser, desk.url + "/")
    wait.until(lambda b: "ev-evil" in table_rows(b))
    browser.find_element(By.CSS_SELECTOR, "#events tr[data-id='ev-evil']").click()
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#detail .articles a"))
    link = browser.find_element(By.CSS_SELECTOR, "#detail .articles a")
    assert link.text == HOSTILE and link.get_attribute("href") is None  # the javascript: address was dropped
    link.click()
    assert HOSTILE in browser.find_element(By.ID, "events").text
    alerts = browser.find_element(By.ID, "alerts").get_attribute("textContent")  # the rule is shown in capitals
    assert HOSTILE in alerts and "<b>rule</b>" in alerts
    assert browser.execute_script("return window.__pwned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, header img")
    assert not browser.find_elements(By.CSS_SELECTOR, "[onmouseover], [onerror], [onclick]")
    browser.save_screenshot(str(screenshots / "05-hostile-title-as-text.png"))


def test_updates_arrive_live_once_each(desk, browser):
    wait = open_page(browser, desk.url + "/")
    kz = {o["id"]: o for kind, o, _ in stories(NOW) if kind == "event"}["ev-kz-protest"]  # its latest revision
    for i in range(1, 4):
        a = article(f"kz-live-{i}", f"Almaty update {i}", "rferl.org", "en", NOW)
        desk.source.put("article", a)
        kz = dict(kz, articles=kz["articles"] + [a["id"]], mentions=kz["mentions"] + 1)
        desk.source.put("event", kz)
    desk.source.put("event", event("ev-new", "ASSAULT", "ML", "Bamako", 12.6, -8.0,
                                   [article("ml-1", "Attack near Bamako", "rfi.fr", "fr", NOW)], story="ml"))
    wait.until(lambda b: "ev-new" in table_rows(b))
    wait.until(lambda b: "8 articles" in b.execute_script(
        "return document.querySelector(\"#events tr[data-id='ev-kz-protest']\").textContent"))
    assert sorted(table_rows(browser)) == sorted(desk.state.events)  # each event once


def _scroll_list(b, top: str) -> None:
    b.execute_script(f"const list = document.getElementById('events-scroll'); list.scrollTop = {top};")


def _in_view(b) -> list[str]:
    """The rows a person sees: those inside the list's box, below its header."""
    return b.execute_script("""
        const list = document.getElementById('events-scroll').getBoundingClientRect();
        const head = document.querySelector('#events-scroll thead').getBoundingClientRect().bottom;
        return [...document.querySelectorAll('#events tr[data-id]')].filter((r) => {
          const box = r.getBoundingClientRect();
          return box.top >= head - 1 && box.bottom <= list.bottom + 1;
        }).map((r) => r.dataset.id);""")


def _click_row(b, id_: str) -> None:
    """Click a row in one go: the list may redraw its rows between finding one and clicking it."""
    b.execute_script("document.querySelector(`#events tr[data-id='${arguments[0]}']`).click()", id_)


def test_ten_thousand_events_scroll_to_the_last_one_with_few_rows_in_the_page(browser, screenshots):
    with StandinDesk(stories(NOW) + generated(10_000, NOW)) as d:
        wait = open_page(browser, d.url + "/")
        total = len(d.state.events)
        wait.until(lambda b: f"{total:,} of {total:,} events" in b.find_element(By.ID, "summary").text)
        oldest = min(e["last_seen"] for e in d.state.events.values())
        assert browser.execute_script("return document.querySelectorAll('#events tr').length") <= 300

        _scroll_list(browser, "list.scrollHeight")
        wait.until(lambda b: _in_view(b) and d.state.events[_in_view(b)[-1]]["last_seen"] == oldest)
        assert browser.execute_script("return document.querySelectorAll('#events tr').length") <= 300
        browser.execute_script("document.getElementById('events-scroll').scrollIntoView()")
        browser.save_screenshot(str(screenshots / "06-ten-thousand-events-end.png"))

        # The keyboard still walks the list: k selects the one above the last, and it stays in view.
        last, before = _in_view(browser)[-1], _in_view(browser)[-2]
        _click_row(browser, last)
        wait.until(lambda b: b.find_element(By.ID, "detail").is_displayed())
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.ESCAPE, "k")
        wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#events tr.selected").get_attribute("data-id") == before)
        assert before in _in_view(browser)

        # Half-way down the list shows the rows there, and j moves from the first of them.
        _scroll_list(browser, "list.scrollHeight / 2")
        wait.until(lambda b: _in_view(b) and before not in table_rows(b))
        middle = _in_view(browser)[0]
        _click_row(browser, middle)
        body.send_keys(Keys.ESCAPE, "j", Keys.ENTER)
        wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#events tr.selected").get_attribute("data-id") != middle)
        wait.until(lambda b: b.find_element(By.ID, "detail").is_displayed())
        assert browser.find_element(By.CSS_SELECTOR, "#events tr.selected").get_attribute("data-id") in _in_view(browser)


def test_the_page_speaks_the_language_in_the_url_and_switches_on_the_page(desk, browser, screenshots):
    wait = open_page(browser, desk.url + "/?lang=id", live="id")
    words, names = ui_words("id"), names_table("id")
    assert browser.execute_script("return document.documentElement.lang") == "id"
    # Every word of the page's markup is the Indonesian one.
    shown = browser.execute_script("""return [...document.querySelectorAll('[data-i18n]')]
        .filter((el) => el.closest('body')).map((el) => [el.dataset.i18n, el.textContent]);""")
    assert shown and all(text == words[key] for key, text in shown), shown
    assert browser.find_element(By.ID, "f-q").get_attribute("placeholder") == words["filter.search"]
    header = browser.find_element(By.CSS_SELECTOR, "#events-scroll thead").text
    assert words["column.who"] in header and "Who" not in header
    table = browser.find_element(By.ID, "events").text
    protest = names["types"]["PROTEST"]["label"]
    assert protest != "Protest" and protest in table
    assert actor_label("KZ:police", names) in table and actor_label("ID:protesters", names) in table
    assert "Kazakh police" not in table
    summary = browser.find_element(By.ID, "summary").text
    assert summary == words["events.summary"].format(shown=len(desk.state.events), n=len(desk.state.events))
    browser.save_screenshot(str(screenshots / "09-indonesian.png"))
    browser.find_element(By.CSS_SELECTOR, "#events tr[data-id='ev-kz-coerce']").click()
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#detail .articles a")) == 4)
    detail = browser.find_element(By.ID, "detail").text
    assert words["event.what_they_say"] in detail and names["count_kinds"]["arrested"] in detail
    assert names["languages"]["ms"] in detail  # the Malay article's language, named in Indonesian
    browser.save_screenshot(str(screenshots / "10-indonesian-detail.png"))

    # The switch on the page: French, in the URL, and kept by a reload.
    Select(browser.find_element(By.ID, "page-lang")).select_by_value("fr")
    french = ui_words("fr")
    wait.until(lambda b: b.find_element(By.CSS_SELECTOR, ".tabs button[data-tab='events']").text == french["tab.events"])
    assert _query(browser)["lang"] == ["fr"]
    wait.until(lambda b: actor_label("KZ:police", names_table("fr")) in b.find_element(By.ID, "events").text)
    browser.refresh()
    wait.until(lambda b: b.find_element(By.ID, "status").text == french["status.live"])
    assert Select(browser.find_element(By.ID, "page-lang")).first_selected_option.text == french["language_name"]
    assert not _page_errors(browser)


def test_without_a_lang_the_page_speaks_the_browsers_language(desk, tmp_path):
    spanish = open_browser(tmp_path / "es", languages="es-MX,es;q=0.9,en;q=0.5")
    try:
        open_page(spanish, desk.url + "/", live="es")
        assert spanish.find_element(By.ID, "clear").text == ui_words("es")["filter.clear"]
        assert "lang" not in _query(spanish)
    finally:
        spanish.quit()


def test_the_page_fits_a_phone(desk, tmp_path, screenshots):
    phone = open_browser(tmp_path / "phone", PHONE)
    try:
        open_page(phone, desk.url + "/")
        assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        phone.save_screenshot(str(screenshots / "07-phone.png"))
        phone.find_element(By.CSS_SELECTOR, "#events tr[data-id='ev-kz-coerce']").click()
        WebDriverWait(phone, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#detail .articles a"))
        phone.save_screenshot(str(screenshots / "08-phone-detail.png"))
    finally:
        phone.quit()
