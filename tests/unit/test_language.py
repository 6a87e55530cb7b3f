from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from streams.nlp.language import detect_language, normalize_hint
from tests.shared import DEV, SHARED


MALAY = (
    "Ketua Polis Negara hari ini melucutkan jawatan ketua polis daerah susulan tragedi di stadium itu. "
    "Jurucakap polis berkata 28 anggota sedang disiasat kerana disyaki melanggar kod etika, manakala "
    "sembilan komander digantung tugas selepas perlawanan tersebut."
)
INDONESIAN = (
    "Kapolri hari ini mencopot Kapolres Malang setelah tragedi di stadion itu. Juru bicara polisi "
    "mengatakan 28 anggota sedang diperiksa karena diduga melanggar kode etik, sedangkan sembilan "
    "komandan dinonaktifkan usai pertandingan tersebut."
)


@pytest.mark.parametrize(
    "text, lang",
    [
        (MALAY, "ms"),
        (INDONESIAN, "id"),
        ("Security forces swept through Almaty on Thursday, a day after protesters stormed the mayor's office.", "en"),
        ("Más de un millón de personas se congregaron este viernes en el centro de Santiago.", "es"),
        ("Le gouvernement a annoncé jeudi de nouvelles mesures contre la hausse des prix de l'énergie.", "fr"),
        ("Der Bundestag hat am Donnerstag ein neues Gesetz zur Rente beschlossen.", "de"),
    ],
)
def test_languages_are_recognised_with_high_confidence(text, lang):
    code, confidence = detect_language(text)
    assert code == lang
    assert confidence > 0.8


def test_a_wrong_hint_does_not_override_clear_text():
    assert detect_language(MALAY, hint="id")[0] == "ms"
    assert detect_language(INDONESIAN, hint="ms")[0] == "id"
    assert detect_language(INDONESIAN, hint="en")[0] == "id"


def test_the_hint_tips_a_short_ambiguous_text():
    title = "Presiden Jokowi tiba di Kuala Lumpur"
    assert detect_language(title, hint="ms")[0] == "ms"
    assert detect_language(title, hint="id")[0] == "id"


def test_text_without_letters_gives_the_hint_or_und_with_zero_confidence():
    assert detect_language("") == ("und", 0.0)
    assert detect_language("  12 345 \n", hint="id-ID") == ("id", 0.0)


def test_short_text_has_lower_confidence_than_a_paragraph():
    assert detect_language("Polisi tiba")[1] < detect_language(INDONESIAN)[1]


@pytest.mark.parametrize(
    "hint, code",
    [("id-ID", "id"), ("en_US", "en"), ("in", "id"), ("MS", "ms"), ("ind", "id"), ("spa", "es"), ("zsm", "ms"),
     ("", None), (None, None), ("xx-yy-zz!", "xx"), ("1", None), ("xyz", None)],
)
def test_feed_language_hints_are_normalised(hint, code):
    assert normalize_hint(hint) == code


@given(st.text(max_size=300), st.sampled_from([None, "en", "id", "ms", "zz", "en-GB"]))
def test_any_text_gives_a_code_and_a_confidence_in_range(text, hint):
    code, confidence = detect_language(text, hint)
    assert isinstance(code, str) and code
    assert 0.0 <= confidence <= 1.0


def test_dev_set_languages_are_all_right_with_and_without_the_hint():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not beside the checkout")
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    by_id = {a["id"]: a for a in articles}
    assert by_id["dev-006"]["language"] == "ms" and by_id["dev-019"]["language"] == "es"
    for art in articles:
        text = f"{art['title']}\n{art['text']}"
        for hint in (None, art["language"], "id", "en"):
            assert detect_language(text, hint)[0] == art["language"], (art["id"], hint)
