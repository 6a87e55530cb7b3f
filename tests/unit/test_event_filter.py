"""The learned event filter: its features, its inference inside the extractor, and its training."""

import json

import numpy as np
import pytest

from streams import filtertrain as ft
from streams.ingest.archive import article_from_dict
from streams.nlp import eventfilter
from streams.nlp.enrich import enrich
from streams.nlp.eventfilter import Model, collecting, model_from
from streams.nlp.normalize import normalize

#: a fresh arrest in the lede, dated in its sentence, and a deed of the group told as background in a
#: later paragraph with no date of its own
ARTICLES = {
    "en": ("Police arrested 40 protesters in Nairobi on Tuesday, officials said.\n\nThe city has been calm since.\n\n"
           "The group had long been known in the area. Its members burned tyres and blocked roads in Mombasa."),
    "es": ("La policía detuvo a 40 manifestantes en Lima el martes, informaron las autoridades.\n\nLa ciudad está "
           "tranquila.\n\nEl grupo era conocido en la zona. Sus miembros quemaron neumáticos y bloquearon carreteras "
           "en Arequipa."),
}
#: a model that trusts events dated in their own sentence and distrusts the others
DATED_ONLY = Model(bias=-2.0, weights={"date_rank=0": 4.0, "first_sentence": 1.0}, threshold=0.5, enabled=True)


def _enriched(lang):
    text = ARTICLES[lang]
    obj = {"url": f"https://example.org/filter-{lang}", "title": text.split(",")[0], "text": text,
           "published_at": "2025-03-13T10:00:00+00:00", "language": lang}
    return enrich(normalize(article_from_dict(obj)))


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_features_tell_the_fresh_lede_from_the_background(lang):
    with collecting() as sink:
        _enriched(lang)
    (fresh, fresh_f), (background, background_f) = sink[0], sink[-1]
    assert fresh.type == "COERCE" and background.type == "PROTEST"
    assert fresh_f["first_sentence"] == 1 and fresh_f["date_rank=0"] == 1 and fresh_f["explicit_actor"] == 1
    assert "first_sentence" not in background_f and "date_rank=0" not in background_f
    assert background_f["sentence_rel"] == 1.0 and fresh_f[f"lang={lang}"] == 1


#: two arrests on one day in two cities of one country (the merge keeps them apart): the second is a
#: second event of the type, dated like the first
TWO_ARRESTS = {
    "en": ("Police arrested 40 protesters in Nairobi on Tuesday, officials said.\n\nSoldiers detained 12 "
           "journalists in Mombasa on Tuesday, according to a rights group."),
    "es": ("La policía detuvo a 40 manifestantes en Lima el martes, informaron las autoridades.\n\nSoldados "
           "detuvieron a 12 periodistas en Arequipa el martes, según una organización de derechos humanos."),
    "id": ("Polisi menangkap 40 demonstran di Jakarta pada Selasa, kata pejabat.\n\nTentara menahan 12 wartawan "
           "di Surabaya pada Selasa, menurut sebuah kelompok hak asasi."),
}
#: an arrest told as coming hours after another happening
AFTER_CUE = {
    "en": "Hours after the vote, police arrested 40 protesters in Nairobi on Tuesday.",
    "es": "Horas después de la votación, la policía detuvo a 40 manifestantes en Lima el martes.",
    "id": "Beberapa jam setelah pemungutan suara, polisi menangkap 40 demonstran di Jakarta pada Selasa.",
}


def _collected(text, lang):
    obj = {"url": f"https://example.org/filter-{lang}-{len(text)}", "title": text.split(",")[0], "text": text,
           "published_at": "2025-03-13T10:00:00+00:00", "language": lang}
    with collecting() as sink:
        enrich(normalize(article_from_dict(obj)))
    return sink


@pytest.mark.parametrize("lang", sorted(TWO_ARRESTS))
def test_features_mark_a_second_event_of_the_type_on_the_same_day(lang):
    (first, first_f), (second, second_f) = _collected(TWO_ARRESTS[lang], lang)
    assert first.type == second.type == "COERCE" and first.date == second.date
    assert "told_before" not in first_f and second_f["told_before"] == 1 and second_f["same_type_before=1"] == 1
    assert first_f["type_events"] == second_f["type_events"] == 1.0  # log2 of two arrests
    assert first_f["type_in_lede"] == second_f["type_in_lede"] == 1
    assert first_f["has_target"] == 1 and first_f["country_share"] == 1.0
    # the cues before a trigger are read in its own sentence: the lede's "said" is no cue of the second
    assert not any(k.startswith("near_") for k in second_f)


@pytest.mark.parametrize("lang", sorted(AFTER_CUE))
def test_features_read_the_trigger_and_the_cues_before_it(lang):
    [(event, features)] = _collected(AFTER_CUE[lang], lang)
    assert event.type == "COERCE" and features["near_after"] == 1
    assert sum(k.startswith("trigger_words=") for k in features) == 1 and "trigger=none" not in features


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_filter_drops_the_background_deed_and_keeps_the_fresh_event(lang, monkeypatch):
    monkeypatch.setattr(eventfilter, "active_model", lambda: None)
    assert {e.type for e in _enriched(lang).events} == {"COERCE", "PROTEST"}
    monkeypatch.setattr(eventfilter, "active_model", lambda: DATED_ONLY)
    assert [e.type for e in _enriched(lang).events] == ["COERCE"]


def test_switch_overrides_the_model_file(monkeypatch):
    off = Model(bias=0.0, weights={}, threshold=0.5, enabled=False)
    monkeypatch.setattr(eventfilter, "load_model", lambda: off)
    monkeypatch.delenv(eventfilter.SWITCH, raising=False)
    assert eventfilter.active_model() is None
    monkeypatch.setenv(eventfilter.SWITCH, "on")
    assert eventfilter.active_model() is off
    monkeypatch.setattr(eventfilter, "load_model", lambda: DATED_ONLY)
    monkeypatch.setenv(eventfilter.SWITCH, "off")
    assert eventfilter.active_model() is None


def test_shipped_model_file_loads():
    model = model_from(json.loads((ft.MODEL_PATH).read_text(encoding="utf-8")))
    assert model is not None and 0 <= model.threshold < 1 and model.weights
    assert ft.MODEL_PATH.stat().st_size < 200_000


def _fixture():
    """Forty examples in eight groups: dated events are mostly real, undated ones mostly not."""
    rng = np.random.default_rng(7)
    examples = []
    for i in range(40):
        dated = i % 2 == 0
        label = int(dated) if i % 5 else int(not dated)
        features = {"date_rank=0" if dated else "date_rank=3": 1.0, "mentions": float(rng.integers(0, 3))}
        examples.append(ft.Example(features, label, f"g{i % 8}", "tune"))
    return examples


def test_training_is_deterministic_and_learns_the_signal():
    first, second = ft.train(_fixture(), missed={"tune": 3}), ft.train(_fixture(), missed={"tune": 3})
    assert ft.fingerprint(first) == ft.fingerprint(second)
    assert first["measured"] == second["measured"]
    assert first["weights"]["date_rank=0"] > 0 > first["weights"]["date_rank=3"]


def test_tune_and_fresh_are_scored_together_with_the_rules_misses():
    gold = _fixture() + [ft.Example(e.features, e.label, "f" + e.group, "fresh") for e in _fixture()]
    measured = ft.train(gold, missed={"tune": 3, "fresh": 3})["measured"]
    assert measured["cv_gold"]["n"] == measured["cv_tune"]["n"] + measured["cv_fresh"]["n"] == 80
    assert measured["cv_gold"]["base"]["recall"] == round(40 / (40 + 6), 4)
    assert measured["cv_gold"]["filtered"]["f1"] > measured["cv_gold"]["base"]["f1"]
    assert measured["cv_gold"]["auc"] > 0.5


def test_auc_counts_pairs_ranked_right_and_ties_as_half():
    labels = np.array([1, 1, 0, 0])
    assert ft.auc(labels, np.array([0.9, 0.8, 0.1, 0.2])) == 1.0
    assert ft.auc(labels, np.array([0.1, 0.2, 0.9, 0.8])) == 0.0
    assert ft.auc(labels, np.full(4, 0.5)) == 0.5


def test_folds_keep_each_group_whole_and_balanced():
    groups = [f"s{i % 7}" for i in range(70)]
    fold = ft.folds_of(groups, folds=3)
    assert set(fold) == set(groups) and set(fold.values()) == {0, 1, 2}
    assert fold == ft.folds_of(list(reversed(groups)), folds=3)


def test_train_filter_explains_missing_shared_data(tmp_path, capsys):
    from streams.cli import main

    assert main(["train-filter", "--shared", str(tmp_path / "nowhere"), "--output", str(tmp_path / "m.json")]) == 2
    assert "pass --shared DIR" in capsys.readouterr().err


def test_train_filter_explains_missing_corpora(tmp_path, capsys, monkeypatch):
    from streams.cli import main

    (tmp_path / "shared" / "eval" / "dev").mkdir(parents=True)
    labels = tmp_path / "labels.jsonl"
    labels.write_text("", encoding="utf-8")
    monkeypatch.setattr(ft, "REPO", tmp_path / "elsewhere" / "repo")
    args = ["train-filter", "--shared", str(tmp_path / "shared"), "--labels", str(labels),
            "--output", str(tmp_path / "m.json")]
    assert main(args + ["--pages"]) == 2
    assert "leave out --pages" in capsys.readouterr().err
