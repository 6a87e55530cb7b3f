from __future__ import annotations

import ast
import json
import re
import time
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, strategies as st

from streams.nlp.normalize import MAX_TEXT, normalize, strip_site_name, text_fingerprint
from streams.reasons import Reason
from streams.records import CleanArticle, RawArticle, Rejection
from tests.shared import DEV

NLP = Path(__file__).resolve().parents[2] / "streams" / "nlp"

TEXT = (
    "KABARHARIAN.TEST, MALANG - Sebanyak 127 orang meninggal dunia dalam kerusuhan usai pertandingan "
    "di Stadion Kanjuruhan, Sabtu (1/10/2022) malam.\n\n"
    "Baca juga: Demo Tolak Kenaikan Harga BBM Berakhir Ricuh\n\n"
    "Kapolda Jawa Timur Irjen Nico Afinta mengatakan, dua di antara korban meninggal merupakan anggota Polri. "
    "Petugas kemudian menembakkan gas air mata.\n\n"
    "Editor: Rina S\nBagikan: Facebook | Twitter | WhatsApp\nCopyright © 2022 Kabar Harian."
)


def raw(text: str = TEXT, title: str = "127 Orang Meninggal di Kanjuruhan", **kw) -> RawArticle:
    fields = dict(
        id="a1", url="http://www.Kabar-Harian.test/2022/10/02/tragedi/?utm_source=tw#top", title=title, text=text,
        published_at="2022-10-02T09:30:00+07:00", source="kabar-harian.test", language="id",
    )
    fields.update(kw)
    return RawArticle(**fields)


def test_a_raw_article_becomes_a_clean_one():
    out = normalize(raw())
    assert isinstance(out, CleanArticle)
    assert out.url == "https://kabar-harian.test/2022/10/02/tragedi"
    assert out.published_at == "2022-10-02T09:30:00+07:00"
    assert (out.language, out.source, out.id) == ("id", "kabar-harian.test", "a1")
    assert out.language_score > 0.8
    assert "Baca juga" not in out.text and "Bagikan" not in out.text and "©" not in out.text
    assert out.text.startswith("KABARHARIAN.TEST, MALANG - Sebanyak 127 orang")
    assert ["link", "Baca juga: Demo Tolak Kenaikan Harga BBM Berakhir Ricuh"] in out.removed
    assert [out.text[s.start:s.end] for s in out.sentences][-2:] == [
        "Kapolda Jawa Timur Irjen Nico Afinta mengatakan, dua di antara korban meninggal merupakan anggota Polri.",
        "Petugas kemudian menembakkan gas air mata.",
    ]
    assert re.fullmatch(r"[0-9a-f]{40}", out.fingerprint)


def test_the_feed_language_is_only_a_hint():
    assert normalize(raw(language="en")).language == "id"
    assert normalize(raw(language=None)).language == "id"


def test_the_result_round_trips_through_a_dict():
    out = normalize(raw())
    assert msgspec.convert(json.loads(json.dumps(out.to_dict())), CleanArticle) == out


@pytest.mark.parametrize("title, text", [("", ""), ("   ", " \n\t "), ("", None)])
def test_empty_articles_are_rejected(title, text):
    out = normalize(raw(title=title, text=text))
    assert isinstance(out, Rejection) and out.reason == Reason.EMPTY_ARTICLE


def test_title_only_article_is_kept_and_fingerprinted_by_its_title():
    out = normalize(raw(title="Gempa Guncang Cianjur", text=""))
    assert isinstance(out, CleanArticle) and out.text == "" and out.sentences == []
    assert out.fingerprint == text_fingerprint("gempa guncang cianjur")


@pytest.mark.parametrize("junk", ["\x00\x01\x02\x03binary" * 50, "\ufffd\ufffd ok " * 100, bytes(range(256)).decode("latin-1") * 4])
def test_binary_junk_is_rejected_as_not_text(junk):
    out = normalize(raw(text=junk))
    assert isinstance(out, Rejection) and out.reason == Reason.NOT_TEXT


def test_huge_text_is_truncated_and_says_so():
    sentence = "Polisi menangkap dua orang di Jakarta pada hari Senin. "
    out = normalize(raw(text=sentence * (MAX_TEXT // len(sentence) + 500)))
    assert isinstance(out, CleanArticle)
    assert len(out.text) <= MAX_TEXT
    assert [k for k, _ in out.removed] == ["truncated"]


def test_mixed_scripts_and_odd_whitespace_do_not_break_anything():
    out = normalize(raw(text="Москва 東京 Jakarta\u00a0\u200b\r\n\r\nالقاهرة. Polisi tiba.\t\x0b", title="Mixed"))
    assert isinstance(out, CleanArticle)
    for s in out.sentences:
        assert 0 <= s.start < s.end <= len(out.text)


@given(st.text(max_size=300), st.text(max_size=300))
def test_normalize_never_raises(title, text):
    assert isinstance(normalize(raw(title=title, text=text, language=None)), (CleanArticle, Rejection))


WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzÀÉüß0123456789", min_size=1, max_size=8), min_size=1, max_size=30)
SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n\n ", "\u00a0", "\r\n"])


@given(WORDS, st.data())
def test_fingerprint_is_stable_under_whitespace_case_and_punctuation(words, data):
    plain = " ".join(words)
    spaced = "".join(w + data.draw(SPACE) for w in words)
    noisy = data.draw(st.sampled_from(["", "  ", "\n"])) + spaced.upper() + data.draw(st.sampled_from(["", ".", "!", " —"]))
    assert text_fingerprint(plain) == text_fingerprint(spaced) == text_fingerprint(noisy)


@given(WORDS, st.data())
def test_articles_differing_only_in_spacing_get_the_same_fingerprint(words, data):
    a = normalize(raw(text=" ".join(words) + "."))
    b = normalize(raw(text="".join(data.draw(st.sampled_from([" ", "  ", "\t", " \u00a0"])) + w for w in words) + " ."))
    assert isinstance(a, CleanArticle) and isinstance(b, CleanArticle)
    assert a.fingerprint == b.fingerprint


def test_different_text_gives_a_different_fingerprint():
    assert text_fingerprint("Polisi menangkap 52 orang") != text_fingerprint("Polisi menangkap 53 orang")


def test_text_stage_modules_are_pure():
    """The text stage imports no broker client and no settings."""
    banned = {"faust", "aiokafka", "streams.settings", "streams.app"}
    for name in ("sentences", "clean", "language", "topics", "normalize", "textutil"):
        tree = ast.parse((NLP / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for mod in mods:
                assert not any(mod == b or mod.startswith(b + ".") for b in banned), (name, mod)


def benchmark(repeats: int = 5) -> dict[str, float]:
    """CPU milliseconds per dev-set article of ``normalize`` and ``classify_topics`` (best of ``repeats``)."""
    from streams.nlp.topics import classify_topics

    arts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    raws = [raw(text=a["text"], title=a["title"], url=a["url"], language=a["language"]) for a in arts]
    cleaned = [normalize(r) for r in raws]

    def best(fn) -> float:
        times = []
        for _ in range(repeats):
            start = time.process_time()
            for _ in range(10):
                fn()
            times.append((time.process_time() - start) / (10 * len(raws)) * 1000)
        return round(min(times), 3)

    result = {
        "normalize_ms": best(lambda: [normalize(r) for r in raws]),
        "classify_topics_ms": best(lambda: [classify_topics(c.title, c.text, c.language) for c in cleaned]),
    }
    print(result)
    return result


if __name__ == "__main__":
    benchmark()


@pytest.mark.parametrize(
    "title, source, want",
    [
        ("Rusia Kirim Pasukan ke Kazakhstan - Tribunnewswiki.com", "tribunnewswiki.com", "Rusia Kirim Pasukan ke Kazakhstan"),
        ("Gempa Guncang Cianjur | Kompas.com", "kompas.com", "Gempa Guncang Cianjur"),
        ("UAW strikes GM - MotorCity Desk", "motorcitydesk.example", "UAW strikes GM"),
        ("Biden wins - analysis", "usdesk.example", "Biden wins - analysis"),
        ("Banjir di Bekasi - detikNews", "news.detik.com", "Banjir di Bekasi"),
        ("Storm hits coast - News", "news.example.com", "Storm hits coast - News"),
        ("Kazakhstan: Tokayev authorises force", "newsdesk-asia.example", "Kazakhstan: Tokayev authorises force"),
    ],
)
def test_a_title_loses_only_its_own_site_name(title, source, want):
    assert strip_site_name(title, source) == want
    out = normalize(raw(title=title, source=source))
    assert isinstance(out, CleanArticle) and out.title == want


def test_a_non_string_body_is_rejected_not_raised():
    out = normalize(raw(text=b"\x89PNG\r\n\x1a\n"))
    assert isinstance(out, Rejection) and out.reason == Reason.NOT_TEXT
