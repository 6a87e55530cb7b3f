"""Scoring of `kabar eval`, on hand-made gold and predictions (no pipeline run)."""

import json

import pytest

from streams.evaluate import format_table, load_gold, match_events, score


def ev(type_, country="KZ", date="2022-01-06", **kw):
    return {"type": type_, "country": country, "date": date, "mode": kw.get("mode"), "place": kw.get("place"),
            "actors": kw.get("actors", []), "targets": kw.get("targets", []), "counts": kw.get("counts", {})}


def article(id_, events, lang="en", topics=("conflict",), story="s1", dup=None):
    return {"id": id_, "language": lang, "events": events, "topics": list(topics), "story": story, "duplicate_of": dup}


def test_perfect_prediction_scores_one():
    gold = [article("a", [ev("PROTEST", place="Almaty", counts={"killed": 4}, actors=["KZ:protesters"])])]
    result = score(gold, [dict(gold[0])])
    for key in ("event_f1", "place_accuracy", "date_accuracy", "count_accuracy", "actor_f1", "topic_f1",
                "language_accuracy", "story_bcubed_f1"):
        assert result[key] == 1.0, key
    assert result["per_language"] == {"en": {"event_precision": 1.0, "event_recall": 1.0, "event_f1": 1.0, "articles": 1}}
    assert result["per_type"]["PROTEST"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "predicted": 1, "gold": 1}
    assert result["confusions"] == []


def test_per_type_scores_and_confusions_name_what_went_wrong():
    gold = [article("a", [ev("ACCUSE"), ev("PROTEST"), ev("RETREAT", country="RU")])]
    pred = [article("a", [ev("REQUEST"), ev("PROTEST"), ev("ASSAULT", country="FR")])]
    result = score(gold, pred)
    assert result["per_type"]["PROTEST"]["f1"] == 1.0
    assert result["per_type"]["ACCUSE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "predicted": 0, "gold": 1}
    assert result["per_type"]["REQUEST"]["precision"] == 0.0
    pairs = {(c["gold"], c["predicted"]): c["n"] for c in result["confusions"]}
    # same country and day: a confusion; elsewhere: a miss and a false alarm
    assert pairs == {("ACCUSE", "REQUEST"): 1, ("RETREAT", "-"): 1, ("-", "ASSAULT"): 1}


def test_error_kinds_say_which_field_kept_an_event_from_matching():
    gold = [article("a", [ev("ACCUSE"), ev("PROTEST", country="RU"), ev("COERCE", date="2022-01-01"),
                          ev("AID", country="US")])]
    pred = [article("a", [ev("ASSAULT"), ev("PROTEST", country="UA"), ev("COERCE", date="2022-01-04"),
                          ev("SANCTION", country="FR", date="2022-01-09")])]
    kinds = score(gold, pred)["error_kinds"]
    assert kinds == {"wrong_type": 1, "wrong_country": 1, "wrong_date": 1, "spurious": 1, "missed": 1}
    assert score(gold, [dict(gold[0])])["error_kinds"] == dict.fromkeys(kinds, 0)


def test_event_free_articles_count_as_clean_only_without_any_prediction():
    gold = [article("match", []), article("market", []), article("news", [ev("PROTEST")])]
    pred = [article("match", [ev("ASSAULT"), ev("COERCE")]), article("market", []), article("news", [])]
    result = score(gold, pred)
    assert result["event_free_clean"] == 0.5
    assert result["event_free_spurious"] == 2
    assert score([article("news", [ev("PROTEST")])], [article("news", [])])["event_free_clean"] is None


def test_failures_list_missed_and_spurious_events_per_article():
    from streams.evaluate import failures

    gold = [article("a", [ev("ACCUSE"), ev("PROTEST")]), article("b", [ev("PROTEST")])]
    pred = [article("a", [ev("PROTEST"), ev("AID")]), article("b", [ev("PROTEST")])]
    rows = failures(gold, pred)
    assert [r["id"] for r in rows] == ["a"]
    assert [e["type"] for e in rows[0]["missed"]] == ["ACCUSE"]
    assert [e["type"] for e in rows[0]["spurious"]] == ["AID"]


def test_failures_list_matched_events_whose_actors_targets_or_date_differ():
    from streams.evaluate import failures

    said = {"evidence": "Police detained protesters in Almaty."}
    gold = [article("a", [ev("COERCE", actors=["KZ:police"], targets=["KZ:protesters"]),
                          ev("ACCUSE", actors=["KZ"], date="2022-01-07")]),
            article("b", [ev("PROTEST", actors=["KZ:protesters"])])]
    pred = [article("a", [{**ev("COERCE", actors=["KZ:police"], targets=[]), **said},
                          ev("ACCUSE", actors=["KZ"], date="2022-01-06")]),
            article("b", [ev("PROTEST", actors=["KZ:protesters"])])]
    rows = failures(gold, pred)
    assert [(r["id"], r["language"], r["missed"], r["spurious"]) for r in rows] == [("a", "en", [], [])]
    coerce, accuse = rows[0]["differ"]
    assert coerce["type"] == "COERCE" and coerce["differ"] == ["targets"]
    assert coerce["actors"] == {"gold": ["KZ:police"], "predicted": ["KZ:police"]}
    assert coerce["targets"] == {"gold": ["KZ:protesters"], "predicted": []}
    assert coerce["evidence"] == said["evidence"]
    assert accuse["differ"] == ["date"] and accuse["date"] == {"gold": "2022-01-07", "predicted": "2022-01-06"}


def test_split_keeps_stories_whole_balances_languages_and_is_reproducible():
    from streams.evalsplit import make_split, select

    gold = []
    for i in range(12):
        lang = ("en", "id", "fr")[i % 3]
        gold += [{"id": f"s{i}-{j}", "story": f"s{i}", "language": lang} for j in range(1 + i % 2)]
    split = make_split(gold, seed=7)
    assert split == make_split(gold, seed=7)
    assert split != make_split(gold, seed=8)
    story_of = {o["id"]: o["story"] for o in gold}
    tune_stories = {story_of[i] for i in split["tune"]}
    assert not tune_stories & {story_of[i] for i in split["check"]}
    assert sorted(split["tune"] + split["check"]) == sorted(o["id"] for o in gold)
    for lang in ("en", "id", "fr"):
        halves = [sum(o["language"] == lang for o in select(gold, split, h)) for h in ("tune", "check")]
        assert abs(halves[0] - halves[1]) <= 2, (lang, halves)


def test_split_refuses_articles_it_does_not_know():
    from streams.evalsplit import select

    with pytest.raises(ValueError, match="not in the split"):
        select([{"id": "new"}], {"tune": ["a"], "check": ["b"]}, "tune")


def test_a_day_off_still_matches_but_costs_date_accuracy():
    gold = [article("a", [ev("ASSAULT", date="2022-01-06")])]
    pred = [article("a", [ev("ASSAULT", date="2022-01-07")])]
    result = score(gold, pred)
    assert result["event_f1"] == 1.0 and result["date_accuracy"] == 0.0


def test_two_days_off_wrong_type_or_country_do_not_match():
    gold = [article("a", [ev("ASSAULT")])]
    for wrong in (ev("ASSAULT", date="2022-01-08"), ev("PROTEST"), ev("ASSAULT", country="RU")):
        result = score(gold, [article("a", [wrong])])
        assert result["event_f1"] == 0.0 and result["event_precision"] == 0.0


def test_precision_and_recall_count_unmatched_events():
    gold = [article("a", [ev("ASSAULT"), ev("PROTEST")])]
    pred = [article("a", [ev("ASSAULT"), ev("COERCE"), ev("REQUEST"), ev("AID")])]
    result = score(gold, pred)
    assert (result["event_precision"], result["event_recall"]) == (0.25, 0.5)


def test_greedy_pairing_takes_the_most_similar_pair_first():
    gold = [ev("ASSAULT", place="Almaty", counts={"killed": 24}), ev("ASSAULT", place="Almaty", counts={"killed": 18})]
    pred = [ev("ASSAULT", place="Almaty", counts={"killed": 18}), ev("ASSAULT", place="Almaty", counts={"killed": 24})]
    pairs = match_events(gold, pred)
    assert all(g["counts"] == p["counts"] for g, p in pairs)


def test_place_is_case_and_diacritic_insensitive():
    gold = [article("a", [ev("PROTEST", place="Bogotá")])]
    assert score(gold, [article("a", [ev("PROTEST", place="BOGOTA")])])["place_accuracy"] == 1.0
    assert score(gold, [article("a", [ev("PROTEST", place="Lima")])])["place_accuracy"] == 0.0


def test_counts_are_scored_per_gold_count():
    gold = [article("a", [ev("ASSAULT", counts={"killed": 26, "injured": 18})])]
    pred = [article("a", [ev("ASSAULT", counts={"killed": 26, "injured": 748})])]
    assert score(gold, pred)["count_accuracy"] == 0.5


def test_topics_micro_f1_and_language():
    gold = [article("a", [], topics=["conflict", "politics"]), article("b", [], lang="id", topics=["sports"])]
    pred = [article("a", [], topics=["conflict"]), article("b", [], lang="ms", topics=["sports", "society"])]
    result = score(gold, pred)
    assert result["topic_f1"] == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 4)
    assert result["language_accuracy"] == 0.5


def test_duplicates_and_story_clusters():
    gold = [article("a", [], story="s1"), article("b", [], story="s1", dup="a"), article("c", [], story="s2")]
    pred = [article("a", [], story="x"), article("b", [], story="x", dup="a"), article("c", [], story="x")]
    result = score(gold, pred)
    assert result["duplicate_f1"] == 1.0
    # B-cubed: precision (2/3+2/3+1/3)/3, recall 1
    p = (2 / 3 + 2 / 3 + 1 / 3) / 3
    assert result["story_bcubed_f1"] == round(2 * p / (p + 1), 4)


def test_dedup_metrics_are_null_without_a_clusterer():
    gold = [article("a", [])]
    pred = [{**article("a", []), "story": None}]
    result = score(gold, pred)
    assert result["duplicate_f1"] is None and result["story_bcubed_f1"] is None


def test_load_gold_sorts_by_publication_instant(tmp_path):
    later = {"id": "late", "text": "x", "published_at": "2022-01-07T12:00:00+07:00"}  # 05:00 UTC
    earlier = {"id": "early", "text": "x", "published_at": "2022-01-07T04:00:00Z"}
    (tmp_path / "a.json").write_text(json.dumps(later))
    (tmp_path / "b.json").write_text(json.dumps(earlier))
    (tmp_path / "INDEX.md").write_text("not gold")
    assert [g["id"] for g in load_gold(tmp_path)] == ["early", "late"]


def test_table_lists_every_score():
    gold = [article("a", [ev("ACCUSE"), ev("PROTEST")])]
    result = score(gold, [article("a", [ev("PROTEST"), ev("AID", country="FR")])])
    result["date_accuracy"] = None
    lines = format_table(result).splitlines()
    assert "event_f1             0.500" in lines and "date_accuracy        n/a" in lines
    assert "en          0.500  0.500  0.500  1" in lines
    assert "ACCUSE      0.000  0.000  0.000  0/1" in lines
    assert "  ACCUSE    -> -         1" in lines
    assert "  spurious       1" in lines and "  wrong_type     0" in lines


def test_evaluate_runs_the_pipeline_and_writes_predictions(tmp_path):
    from streams.evaluate import evaluate

    text = "Police in Almaty arrested 200 protesters on Thursday, the interior ministry said."
    base = {"url": "https://example.test/a", "title": "Arrests in Almaty", "text": text, "language": "en",
            "published_at": "2022-01-07T12:00:00+06:00", "topics": ["conflict"], "story": "kz", "duplicate_of": None,
            "events": [{"type": "COERCE", "mode": "arrest", "actors": ["KZ:police"], "targets": ["KZ:protesters"],
                        "country": "KZ", "place": "Almaty", "date": "2022-01-06", "counts": {"arrested": 200}}]}
    copy = {**base, "id": "b", "url": "https://example.test/b", "published_at": "2022-01-07T13:00:00+06:00",
            "duplicate_of": "a"}
    (tmp_path / "a.json").write_text(json.dumps({**base, "id": "a"}))
    (tmp_path / "b.json").write_text(json.dumps(copy))
    out = tmp_path / "pred.jsonl"
    result = evaluate(tmp_path, out)
    assert result["articles"] == 2 and result["event_f1"] == 1.0 and result["language_accuracy"] == 1.0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in lines] == ["a", "b"]
    assert lines[1]["duplicate_of"] == "a" and lines[1]["events"] == lines[0]["events"]
    assert set(lines[0]) >= {"id", "language", "topics", "events", "duplicate_of", "story"}
