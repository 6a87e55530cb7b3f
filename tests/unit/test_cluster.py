"""Clusterer: duplicates, cross-lingual event merging, stories, idempotence, bounded state."""

import copy
import json
from collections.abc import MutableMapping
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.dedup.cluster import ClusterResult, Clusterer, partition_key
from streams.reasons import Reason
from streams.records import EnrichedArticle, ExtractedEvent, Location, Rejection

WIRE_TEXT = (
    "ALMATY, Jan 7 - Security forces swept through Almaty on Thursday, a day after protesters stormed "
    "the mayor's office, set it on fire and briefly seized the city's airport. The interior ministry said "
    "26 armed criminals had been liquidated and 18 wounded in the operation, while 18 members of the "
    "security forces had been killed and 748 injured. More than 3,000 people had been detained across "
    "the country. Sporadic gunfire could still be heard in central Almaty on Friday morning, residents "
    "said by telephone. The first Russian paratroopers landed on Thursday as part of a deployment by the "
    "Collective Security Treaty Organization, which said its force would number about 2,500 troops. "
    "Reporting by the Central Asia desk. All rights reserved."
)
COPY_TEXT = (
    "NEWSDESK - Kazakhstan's leader has given security forces permission to open fire. "
    + WIRE_TEXT.split(" - ", 1)[1].replace("Reporting by the Central Asia desk. All rights reserved.", "")
    + " (This article was syndicated from a wire service.)"
)
ID_TEXT = (
    "Aparat keamanan Kazakhstan menembak mati puluhan perusuh di Almaty pada Kamis. Kementerian dalam "
    "negeri menyebut ribuan orang ditangkap. Pasukan penjaga perdamaian pimpinan Rusia tiba di negara itu."
)


def _assault(**fields):
    base = dict(type="ASSAULT", country="KZ", date="2022-01-06", mode="firearms",
                actors=["KZ:police"], targets=["KZ:protesters"], place="Almaty",
                counts={"killed": 26}, evidence="Security forces swept through Almaty.")
    base.update(fields)
    return ExtractedEvent(**base)


def _arrest(**fields):
    base = dict(type="COERCE", country="KZ", date="2022-01-06", mode="arrest",
                actors=["KZ:police"], targets=["KZ:protesters"], place=None, counts={"arrested": 3000})
    base.update(fields)
    return ExtractedEvent(**base)


def _article(aid, text, published_at, events, language="en", source=None, countries=("KZ",)):
    return EnrichedArticle(id=aid, url=f"https://{source or 'news.example'}/{aid}", title=aid, text=text,
                           published_at=published_at, language=language, source=source,
                           events=list(events), countries=list(countries))


def _wire():
    return _article("wire", WIRE_TEXT, "2022-01-07T14:20:00Z", [_assault(), _arrest()], source="globalwire.example")


def _copy():
    return _article("copy", COPY_TEXT, "2022-01-08T07:45:00+08:00", [_assault(counts={"killed": 26})],
                    source="newsdesk.example")


def _indonesian():
    return _article("id-1", ID_TEXT, "2022-01-07T12:00:00+07:00",
                    [_assault(actors=["KZ:police", "KZ:military"], counts={"killed": 24}, evidence="menembak mati"),
                     _arrest(counts={"arrested": 2000})],
                    language="id", source="kabar.example")


def test_syndicated_copy_is_a_duplicate_and_a_mention_not_new_events():
    clusterer = Clusterer({})
    first = clusterer.process(_wire())
    second = clusterer.process(_copy())
    assert isinstance(second, ClusterResult)
    assert second.duplicate_of == "wire"
    assert second.story == first.story
    assert [e.id for e in second.events] == [e.id for e in first.events]
    for event in second.events:
        assert event.articles == ["wire", "copy"]
        assert event.sources == ["globalwire.example", "newsdesk.example"]
        assert event.last_seen == "2022-01-08T07:45:00+08:00"
        assert event.revision == 2


def test_cross_lingual_reports_merge_into_one_story_and_the_same_events():
    clusterer = Clusterer({})
    id_result = clusterer.process(_indonesian())
    en_result = clusterer.process(_wire())
    assert en_result.duplicate_of is None
    assert en_result.story == id_result.story
    assault = en_result.events[0]
    assert assault.id == id_result.events[0].id
    assert assault.articles == ["id-1", "wire"]
    assert assault.languages == ["id", "en"]
    assert assault.actors == ["KZ:police", "KZ:military"]
    assert [e.article_id for e in assault.evidence] == ["id-1", "wire"]


def test_later_published_count_replaces_earlier_whatever_the_processing_order():
    clusterer = Clusterer({})
    clusterer.process(_wire())  # published 14:20Z, killed 26
    result = clusterer.process(_indonesian())  # published 05:00Z the same day, killed 24, processed later
    assault = result.events[0]
    assert assault.counts["killed"] == 26
    assert assault.count_sources["killed"].article_id == "wire"
    assert result.events[1].counts["arrested"] == 3000
    later = _article("update", "A different text about the revised toll in Almaty.", "2022-01-09T10:00:00Z",
                     [_assault(counts={"killed": 225}, place=None)])
    revised = clusterer.process(later).events[0]
    assert revised.counts == {"killed": 225}
    assert revised.count_sources["killed"].published_at == "2022-01-09T10:00:00Z"
    assert revised.first_seen == "2022-01-07T12:00:00+07:00"


def test_most_precise_location_is_kept():
    clusterer = Clusterer({})
    clusterer.process(_article("a", "Text one about a riot.", "2022-01-07T10:00:00Z",
                               [_assault(place=None)]))
    almaty = Location(name="Almaty", country="KZ", lat=43.25, lon=76.92, geonames_id=1526384)
    event = clusterer.process(_article("b", "Another text entirely, in another style.", "2022-01-07T11:00:00Z",
                                       [_assault(location=almaty)])).events[0]
    assert event.place == "Almaty" and event.location == almaty
    event = clusterer.process(_article("c", "Third report, different words again.", "2022-01-07T12:00:00Z",
                                       [_assault(place="Almaty region", location=None)])).events[0]
    assert event.location == almaty


def test_unrelated_article_starts_its_own_story_and_events():
    clusterer = Clusterer({})
    first = clusterer.process(_wire())
    other = clusterer.process(_article("strike", "Workers walked out at three car plants in Detroit.",
                                       "2022-01-07T15:00:00Z",
                                       [ExtractedEvent(type="PROTEST", country="US", date="2022-01-07",
                                                       mode="strike", actors=["US:protesters"])],
                                       countries=["US"]))
    assert other.story != first.story
    assert other.duplicate_of is None
    assert other.events[0].articles == ["strike"]


def _generic():
    """An event true of many stories: no place, no named actor."""
    return ExtractedEvent(type="COERCE", country="KZ", date="2022-01-06", actors=["KZ:government"])


def test_a_generic_match_alone_does_not_join_stories():
    clusterer = Clusterer({})
    almaty = clusterer.process(_article("a", "Almaty report.", "2022-01-06T10:00:00Z", [_assault(), _generic()]))
    aktau = clusterer.process(_article("b", "Aktau report, other words.", "2022-01-06T11:00:00Z",
                                       [ExtractedEvent(type="PROTEST", country="KZ", date="2022-01-06",
                                                       actors=["KZ:protesters"], place="Aktau"), _generic()]))
    assert aktau.events[1].id == almaty.events[1].id  # the events merge...
    assert aktau.story != almaty.story  # ...the stories do not


def test_an_article_whose_every_event_is_known_joins_their_story():
    clusterer = Clusterer({})
    almaty = clusterer.process(_article("a", "Almaty report.", "2022-01-06T10:00:00Z", [_assault(), _generic()]))
    follow_up = clusterer.process(_article("c", "A short follow-up.", "2022-01-06T12:00:00Z", [_generic()]))
    assert follow_up.story == almaty.story


def test_a_named_actor_joins_stories_without_a_place():
    clusterer = Clusterer({})
    speech = ExtractedEvent(type="THREATEN", country="KZ", date="2022-01-07", mode="violence",
                            actors=["Kassym-Jomart Tokayev"], targets=["KZ:protesters"])
    first = clusterer.process(_article("a", "One report.", "2022-01-07T10:00:00Z", [speech, _arrest()]))
    second = clusterer.process(_article("b", "Another, other words.", "2022-01-07T11:00:00Z",
                                        [speech, ExtractedEvent(type="AID", country="KZ", date="2022-01-07")]))
    assert second.story == first.story


def test_two_events_of_one_article_never_merge_into_one():
    clusterer = Clusterer({})
    clusterer.process(_article("a", "One report.", "2022-01-07T10:00:00Z", [_assault()]))
    result = clusterer.process(_article("b", "Another report with other words.", "2022-01-07T11:00:00Z",
                                        [_assault(), _assault(counts={"killed": 27})]))
    assert len({e.id for e in result.events}) == 2


def test_processing_an_article_twice_changes_nothing():
    state = {}
    clusterer = Clusterer(state)
    clusterer.process(_indonesian())
    first = clusterer.process(_wire())
    snapshot = copy.deepcopy(state)
    again = clusterer.process(_wire())
    assert again == first
    assert state == snapshot


def test_an_article_redelivered_after_later_ones_is_answered_with_the_current_state_of_its_events():
    # A restarted worker's state can be ahead of its committed offset (the changelog has what the
    # killed worker wrote for messages it had not acknowledged): the redone article finds its
    # decision applied, and its answer is the latest state of its events, which lists it.
    clusterer = Clusterer({})
    clusterer.process(_wire())
    clusterer.process(_copy())
    latest = {e.id: e for e in clusterer.process(_indonesian()).events}
    again = clusterer.process(_wire())
    assert [e.id for e in again.events] == list(latest)
    for event in again.events:
        assert event == latest[event.id]
        assert "wire" in event.articles


def test_a_decision_stored_before_a_crash_is_completed_on_redelivery():
    done = {}
    Clusterer(done).process(_indonesian())
    crashed = copy.deepcopy(done)
    Clusterer(done).process(_wire())
    # the crash: only the decision reached the store, nothing was applied
    decision = {k: v for k, v in done["KZ|art:wire"].items() if k != "applied"}
    crashed["KZ|art:wire"] = decision
    Clusterer(crashed).process(_wire())
    assert crashed == done


class CrashAfter(dict):
    """A dict store that dies after ``writes`` more assignments or deletions."""

    def __init__(self, data, writes):
        super().__init__(data)
        self.writes = writes

    def _tick(self):
        self.writes -= 1
        if self.writes < 0:
            raise RuntimeError("worker killed")

    def __setitem__(self, key, value):
        self._tick()
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self._tick()
        super().__delitem__(key)


def crash_at_every_write(before: dict, article, horizon: int = 7) -> int:
    """Kill the store at each write of ``process(article)`` in turn, redeliver the article, and check
    the result and the state are those of an uncrashed run and that expiry then leaks nothing;
    return how many writes the article made."""
    expected_state = copy.deepcopy(before)
    expected = Clusterer(expected_state, horizon_days=horizon).process(article)
    writes = 0
    while True:
        store = CrashAfter(copy.deepcopy(before), writes)
        try:
            Clusterer(store, horizon_days=horizon).process(article)
        except RuntimeError:
            recovered = dict(store)
            result = Clusterer(recovered, horizon_days=horizon).process(article)
            assert (result.duplicate_of, result.story) == (expected.duplicate_of, expected.story)
            assert [e.to_dict() for e in result.events] == [e.to_dict() for e in expected.events]
            assert {k: v for k, v in recovered.items() if "|idx:" not in k and "|meta" not in k} == {
                k: v for k, v in expected_state.items() if "|idx:" not in k and "|meta" not in k
            }, f"crash at write {writes}"
            Clusterer(recovered).expire("2030-01-01T00:00:00Z", ["KZ"])
            assert set(recovered) == {"KZ|meta"}, f"leak after a crash at write {writes}"
            writes += 1
            continue
        return writes


def test_a_crash_at_any_write_then_redelivery_gives_the_uncrashed_result_and_leaks_nothing():
    before = {}
    Clusterer(before).process(_indonesian())
    wire = _wire()
    wire.events.append(ExtractedEvent(type="PROTEST", country="KZ", date="2022-01-05", mode="riot",
                                      actors=["KZ:protesters"], place="Almaty"))
    assert len(Clusterer(copy.deepcopy(before)).process(wire).events) == 3
    assert crash_at_every_write(before, wire) > 4  # the decision, three events, the decision applied


def test_a_crash_during_expiry_leaks_nothing():
    before = {}
    clusterer = Clusterer(before, horizon_days=3)
    clusterer.process(_indonesian())
    clusterer.process(_wire())
    later = _article("later", "Ten days on, a different report.", "2022-01-17T10:00:00Z", [_assault(date="2022-01-17")])
    expected = copy.deepcopy(before)
    Clusterer(expected, horizon_days=3).process(later)
    assert "gone" in expected["KZ|art:wire"]  # expired: only its tombstone is left
    writes = 0
    while True:
        store = CrashAfter(copy.deepcopy(before), writes)
        try:
            Clusterer(store, horizon_days=3).process(later)
        except RuntimeError:
            recovered = dict(store)
            Clusterer(recovered, horizon_days=3).process(later)
            assert {k: v for k, v in recovered.items() if "|idx:" not in k and "|meta" not in k} == {
                k: v for k, v in expected.items() if "|idx:" not in k and "|meta" not in k
            }, f"crash at write {writes}"
            Clusterer(recovered).expire("2023-01-01T00:00:00Z", ["KZ"])
            assert set(recovered) == {"KZ|meta"}, f"leak after a crash at write {writes}"
            writes += 1
            continue
        break
    assert writes > 7


def _revised_wire():
    wire = _wire()
    wire.text = wire.text.replace("26 armed criminals", "40 armed criminals")
    wire.events = [_assault(counts={"killed": 40}), _arrest(),
                   ExtractedEvent(type="PROTEST", country="KZ", date="2022-01-05", mode="riot",
                                  actors=["KZ:protesters"], place="Almaty")]
    return wire


def test_a_revised_article_updates_its_counts_without_a_second_mention():
    state = {}
    clusterer = Clusterer(state)
    clusterer.process(_indonesian())
    before = clusterer.process(_wire())
    after = clusterer.process(_revised_wire())  # same id and publication time, edited text
    assault = after.events[0]
    assert assault.id == before.events[0].id
    assert assault.counts["killed"] == 40
    assert assault.articles == ["id-1", "wire"]
    assert [e.article_id for e in assault.evidence] == ["id-1", "wire"]
    assert assault.revision == before.events[0].revision + 1
    assert len(after.events) == 3 and after.events[2].articles == ["wire"]  # the new event
    assert after.story == before.story and after.duplicate_of is None
    snapshot = copy.deepcopy(state)
    assert clusterer.process(_revised_wire()) == after  # replaying the revision changes nothing
    assert state == snapshot


def test_a_crash_during_a_revision_then_redelivery_gives_the_uncrashed_result():
    before = {}
    Clusterer(before).process(_indonesian())
    Clusterer(before).process(_wire())
    assert crash_at_every_write(before, _revised_wire()) > 4


def test_same_input_same_ids_and_state_on_every_run():
    runs = []
    for _ in range(2):
        state = {}
        clusterer = Clusterer(state)
        results = [clusterer.process(a) for a in (_indonesian(), _wire(), _copy())]
        runs.append((results, state))
    assert runs[0] == runs[1]
    assert all(e.id.startswith("evt-") for r in runs[0][0] for e in r.events)


class JsonTable(MutableMapping):
    """A store that, like a Faust table on RocksDB, keeps only what is
    assigned, as JSON: in-place mutation of a value read from it is lost."""

    def __init__(self):
        self.data = {}

    def __getitem__(self, key):
        return json.loads(self.data[key])

    def __setitem__(self, key, value):
        self.data[key] = json.dumps(value)

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


def test_results_are_the_same_on_a_store_that_only_keeps_assignments():
    plain, table = {}, JsonTable()
    for state in (plain, table):
        clusterer = Clusterer(state)
        results = [clusterer.process(a) for a in (_indonesian(), _wire(), _copy(), _wire())]
        state["results"] = [json.dumps([r.duplicate_of, r.story, [e.to_dict() for e in r.events]]) for r in results]
    assert {k: json.loads(v) for k, v in table.data.items()} == json.loads(json.dumps(plain))


def _day_of_articles(day: int, per_day: int = 12):
    """Articles published on ``day`` (days after 2022-01-01), in three countries."""
    start = datetime(2022, 1, 1, tzinfo=timezone.utc) + timedelta(days=day)
    for n in range(per_day):
        country = ["KZ", "ID", "US"][n % 3]
        when = start + timedelta(seconds=n * 86400 // per_day)
        text = f"Report {day} {n}: " + " ".join(f"word{(day * 97 + n * 13 + k) % 5000}" for k in range(80))
        event = ExtractedEvent(type=["PROTEST", "ASSAULT", "AGREE"][n % 3], country=country,
                               date=when.date().isoformat(), actors=[f"{country}:protesters"], place=f"City{n % 4}")
        yield _article(f"d{day}-{n}", text, when.isoformat(), [event], countries=[country])


def test_state_stays_bounded_over_forty_days():
    state = {}
    clusterer = Clusterer(state, horizon_days=7)
    sizes = []
    for day in range(40):
        for article in _day_of_articles(day):
            assert isinstance(clusterer.process(article), ClusterResult)
        sizes.append(len(state))
    # flat once the horizon and the retirement of expired event ids (3 more horizons) are full
    assert max(sizes[30:]) <= sizes[29] * 1.1
    live = [v["day"] for k, v in state.items() if "|art:" in k and "gone" not in v]
    assert max(live) - min(live) <= 7
    assert not any(k.endswith("|art:d0-0") for k in state)
    assert clusterer.expire("2022-04-15T00:00:00Z") > 0
    assert set(state) == {"KZ|meta", "ID|meta", "US|meta"}
    assert json.loads(json.dumps(state)) == state


def test_a_busy_day_expires_completely():
    state = {}
    clusterer = Clusterer(state, horizon_days=1)
    for article in _day_of_articles(0, per_day=600):
        clusterer.process(article)
    assert max(len(clusterer.days(c).of(day)) for c in ("KZ", "ID", "US") for day in clusterer.days(c).keys) > 32
    clusterer.expire("2022-01-10T00:00:00Z")
    assert set(state) == {"KZ|meta", "ID|meta", "US|meta"}


def test_an_event_mentioned_again_outlives_its_first_day():
    state = {}
    clusterer = Clusterer(state, horizon_days=2)
    first = clusterer.process(_article("a", "First words.", "2022-01-06T10:00:00Z", [_assault()]))
    clusterer.process(_article("b", "Second, other words.", "2022-01-08T10:00:00Z", [_assault(date="2022-01-07")]))
    clusterer.process(_article("c", "Unrelated later text.", "2022-01-09T10:00:00Z", []))
    assert f"KZ|evt:{first.events[0].id}" in state
    assert "gone" in state["KZ|art:a"]


def test_bad_input_is_rejected_not_raised():
    clusterer = Clusterer({})
    assert clusterer.process(_article("x", "text", "not a time", [])) == Rejection(Reason.NO_PUBLISHED_TIME, "not a time")
    assert clusterer.process(_article("", "text", "2022-01-07T00:00:00Z", [])).reason == Reason.NO_ARTICLE_ID
    junk = _article("junk", "\x00\x01 ??", "2022-01-07T00:00:00Z",
                    [ExtractedEvent(type="", country=None, date="6/1/2021", counts={"killed": "many"})],
                    countries=[])
    result = clusterer.process(junk)
    assert isinstance(result, ClusterResult)
    assert result.events[0].country == "ZZ" and result.events[0].date is None
    wrong_types = ExtractedEvent(type=5, country=["KZ"], date=20220107, actors="KZ:police", targets=[None, 3],
                                 place={"x": 1}, counts=[("killed", 3)], evidence=None)
    result = clusterer.process(_article("typed", "Some words here.", "2022-01-07T00:00:00Z", [wrong_types]))
    assert isinstance(result, ClusterResult)
    event = result.events[0]
    assert (event.type, event.country, event.actors, event.place, event.counts) == ("", "KZ", [], None, {})
    assert json.loads(json.dumps(clusterer.state)) == clusterer.state


def test_empty_texts_are_not_duplicates_of_each_other():
    clusterer = Clusterer({})
    clusterer.process(_article("e1", "", "2022-01-07T00:00:00Z", []))
    assert clusterer.process(_article("e2", "", "2022-01-07T01:00:00Z", [])).duplicate_of is None


def test_dedup_modules_import_no_broker_code():
    import subprocess
    import sys

    code = (
        "import sys; import streams.dedup.cluster, streams.bench.dedup; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('faust', 'aiokafka') or m == 'streams.settings'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


PARAGRAPHS = [
    " ".join(f"{word}{i}" for i in range(k, k + 60)) for k, word in ((0, "alpha"), (7, "beta"), (3, "gamma"))
]
stream_events = st.builds(
    ExtractedEvent,
    type=st.sampled_from(["PROTEST", "ASSAULT", "COERCE", "AGREE"]),
    country=st.sampled_from(["KZ", "ID", None]),
    date=st.sampled_from(["2022-01-05", "2022-01-06", None]),
    actors=st.lists(st.sampled_from(["KZ:police", "ID:protesters", "Joko Widodo"]), max_size=2),
    place=st.sampled_from([None, "Almaty", "Jakarta"]),
    counts=st.dictionaries(st.sampled_from(["killed", "arrested"]), st.integers(0, 500), max_size=1),
)
stream_articles = st.builds(
    lambda text, hour, events, country: (text, f"2022-01-{6 + hour // 24:02d}T{hour % 24:02d}:00:00Z", events,
                                         country),
    text=st.sampled_from(PARAGRAPHS + [PARAGRAPHS[0] + " with a small edit", ""]),
    hour=st.integers(0, 24 * 12),
    events=st.lists(stream_events, max_size=3),
    country=st.sampled_from([["KZ"], ["ID"], []]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(stream_articles, min_size=1, max_size=10), st.data())
def test_any_stream_is_deterministic_idempotent_and_consistent(drafts, data):
    unique = [_article(f"a{n}", text, when, events, countries=country)
              for n, (text, when, events, country) in enumerate(drafts)]
    # redeliveries: some articles come again later in the stream
    articles = unique + data.draw(st.lists(st.sampled_from(unique), max_size=4))
    runs = []
    for _ in range(2):
        state = {}
        clusterer = Clusterer(state, horizon_days=3)
        results = [clusterer.process(a) for a in articles]
        runs.append((results, state))
    assert runs[0] == runs[1]
    results, state = runs[0]
    assert json.loads(json.dumps(state)) == state
    first = {}
    for article, result in zip(articles, results):
        for event in result.events:
            assert len(event.articles) == len(set(event.articles))
            assert article.id in event.articles
        if article.id in first:  # a replay, not a new decision; or nothing, if its state has expired since
            assert (result.duplicate_of, result.story) == first[article.id] or result.expired and not result.events
        first.setdefault(article.id, (result.duplicate_of, result.story))
    clusterer = Clusterer(state, horizon_days=3)
    for article in articles:
        snapshot = copy.deepcopy(state)
        clusterer.process(article)
        assert state == snapshot  # a replay changes nothing, expired or not


def test_a_late_report_after_expiry_does_not_overwrite_the_old_event():
    """Ids come from what an event is; an expired event keeps its id reserved, so a report of the
    same happening weeks later starts a new id instead of replacing the old event's history."""
    state: dict = {}
    clusterer = Clusterer(state, horizon_days=7)
    first = clusterer.process(_article("early", WIRE_TEXT, "2022-01-07T05:00:00Z", [_assault()]))
    filler = [_article(f"f{d}", f"Unrelated report number {d} about markets.", f"2022-01-{d:02d}T05:00:00Z", [],
                       countries=("KZ",)) for d in range(10, 26, 3)]
    for article in filler:
        clusterer.process(article)
    late = clusterer.process(_article("late", ID_TEXT, "2022-01-27T05:00:00Z", [_assault()], language="id"))
    (old,), (new,) = first.events, late.events
    assert new.id != old.id and new.id.startswith(old.id)
    assert new.articles == ["late"]


def test_only_originals_are_indexed_and_later_copies_still_find_them():
    state: dict = {}
    clusterer = Clusterer(state)
    clusterer.process(_article("wire", WIRE_TEXT, "2022-01-07T05:00:00Z", [_assault()]))
    assert len(clusterer.index) == 1
    copies = [clusterer.process(_article(f"copy{i}", COPY_TEXT, f"2022-01-07T0{6 + i}:00:00Z", [_assault()],
                                         source=f"outlet{i}.example")) for i in range(3)]
    assert all(c.duplicate_of == "wire" for c in copies)
    assert len(clusterer.index) == 1, "copies grew the index"
    assert set(copies[-1].events[0].articles) == {"wire", "copy0", "copy1", "copy2"}


def test_a_restarted_clusterer_rebuilds_its_index_from_the_state_and_still_finds_copies():
    state: dict = {}
    Clusterer(state).process(_article("wire", WIRE_TEXT, "2022-01-07T05:00:00Z", [_assault()]))
    assert not [k for k in state if "|lsh:" in k], "buckets are an index in memory, not state"
    restarted = Clusterer(json.loads(json.dumps(state)))  # as restored from the changelog
    copy_ = restarted.process(_article("copy", COPY_TEXT, "2022-01-07T06:00:00Z", [_assault()]))
    assert copy_.duplicate_of == "wire"
    assert len(restarted.index) == 1


def test_articles_naming_no_country_spread_by_language_and_their_copies_still_meet():
    # One key for every article without a country was one hot partition of articles.enriched.
    en = [_article(f"en-{i}", WIRE_TEXT, "2022-01-07T14:20:00Z", [], countries=()) for i in range(2)]
    fr = _article("fr-1", COPY_TEXT, "2022-01-07T15:00:00Z", [], language="fr", countries=())
    assert {partition_key(a) for a in (*en, fr)} == {"ZZ-en", "ZZ-fr"}
    assert partition_key(_wire()) == "KZ"
    clusterer = Clusterer({})
    clusterer.process(en[0])
    assert clusterer.process(en[1]).duplicate_of == "en-0"


def test_expiry_empties_the_buckets_of_state_an_earlier_version_stored():
    from streams.dedup import lsh, minhash

    store = {}
    clusterer = Clusterer(store, horizon_days=3)
    clusterer.process(_wire())
    # state earlier versions wrote: buckets for 32 bands (no band count) or for 16
    for count in (32, 16):
        legacy = json.loads(json.dumps(store))
        decision = legacy["KZ|art:wire"]
        if count == 32:
            del decision["bands"]
        else:
            decision["bands"] = 16
        for key in lsh.band_keys(minhash.decode(decision["sig"]), count):
            legacy.setdefault(f"KZ|{key}", [["wire", decision["day"]]])
        assert sum("|lsh:" in k for k in legacy) == count
        restarted = Clusterer(legacy, horizon_days=3)
        assert len(restarted.index) == 1
        later = _article("later", "Ten days on, a different report.", "2022-01-17T10:00:00Z",
                         [_assault(date="2022-01-17")])
        restarted.process(later)
        assert "gone" in legacy["KZ|art:wire"]
        assert not [k for k in legacy if "|lsh:" in k]
        assert len(restarted.index) == 1  # the wire left it, the later article came in