from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from streams.nlp.clean import CleanedText, clean_text
from tests.shared import DEV, SHARED

BODY = "Polisi menangkap 52 orang di Jakarta, Kamis (6/1/2022)."


def kinds(result: CleanedText) -> list[str]:
    return [kind for kind, _ in result.removed]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("id", "Baca juga: Demo Tolak Kenaikan Harga BBM Berakhir Ricuh"),
        ("id", "Baca: Menteri Rusia Tewas saat Latihan Militer"),
        ("id", "BACA JUGA Polisi Tangkap Terduga Teroris di Makassar"),
        ("id", "Lihat juga: Video Banjir di Semarang"),
        ("id", "Simak juga: Jadwal Liga 1 Pekan Ini"),
        ("id", "Baca berita lainnya tentang Kazakhstan di sini"),
        ("ms", "BACA: Harimau Malaya mula persiapan untuk kejohanan"),
        ("ms", "Artikel berkaitan: Banjir di Kelantan semakin buruk"),
        ("en", "Read more: U.S., Russia to hold security talks in Geneva"),
        ("en", "READ MORE Gunmen kill police officer in monastery siege"),
        ("en", "Related: U.S. announces new military aid package"),
        ("es", "Lee también: Evo Morales se declara ganador de las elecciones"),
        ("fr", "Lire aussi : Le gouvernement annonce un nouveau plan"),
        ("fr", "À lire aussi - La grève continue à Marseille"),
    ],
)
def test_read_also_lines_are_removed_in_every_language(lang, line):
    text = f"{BODY}\n\n{line}\n\n{BODY}"
    for language in (lang, None):
        result = clean_text(text, language)
        assert result.text == f"{BODY}\n\n{BODY}"
        assert kinds(result) == ["link"]


def test_headlines_under_a_read_more_heading_are_removed_up_to_the_blank_line():
    text = (
        "Troops arrived in Almaty on Thursday.\n\nRead more:\n"
        "U.S., Russia to hold security talks in Geneva on Jan. 10\n"
        "Explainer: What is the CSTO?\n\nThe alliance said it would stay for weeks."
    )
    result = clean_text(text, "en")
    assert result.text == "Troops arrived in Almaty on Thursday.\n\nThe alliance said it would stay for weeks."
    assert kinds(result) == ["link", "link", "link"]


def test_bulleted_related_block_is_removed():
    text = "Police fired tear gas.\n\nRelated:\n- Fuel prices rise by 30%, sparking protests\n- Explainer: Why FIFA bans tear gas\n"
    assert clean_text(text, "en").text == "Police fired tear gas."


def test_photo_widget_block_with_file_name_credit_and_caption_is_removed():
    text = (
        "Presiden mengatakan telah memanggil aliansi militer.\n\n"
        "zoom-inlihat foto\nProvinsi-Mangistau-di-Kazakhtan.jpg\nAZAMAT SARSENBAYEV / AFP / ESN\n"
        "Para pengunjuk rasa berkumpul di alun-alun di Aktau, 6 Januari 2022.\n\n"
        "TRIBUNNEWSWIKI.COM - Kerusuhan besar kembali terjadi di Kota Almaty, hari Kamis (6/1/2021).\n\n"
        "Kerusuhan Kazakhstan\nPara pengunjuk rasa berkumpul di alun-alun di Aktau, 6 Januari 2022.\n"
    )
    result = clean_text(text, "id")
    assert result.text == (
        "Presiden mengatakan telah memanggil aliansi militer.\n\n"
        "TRIBUNNEWSWIKI.COM - Kerusuhan besar kembali terjadi di Kota Almaty, hari Kamis (6/1/2021).\n\n"
        "Kerusuhan Kazakhstan"
    )
    assert set(kinds(result)) == {"caption"}


@pytest.mark.parametrize(
    "caption",
    [
        "Suasana di Stadion Kanjuruhan usai laga, Sabtu (1/10/2022) malam. (KABAR HARIAN/Dimas Prasetyo)",
        "Kazakh servicemen stand guard near the mayor's office in Almaty, January 7, 2022. GlobalWire/Staff",
        "Protesters gather near parliament in Jakarta, May 22, 2019. REUTERS/Willy Kurniawan",
        "Photo: Servicemen near the burnt-out mayor's office in Almaty. (Wire photo)",
        "Penyokong meletakkan bunga di luar Stadium Kanjuruhan di Malang. - Foto AGENSI",
        "Miles de personas en la Alameda durante la marcha. (CRÓNICA AUSTRAL/Archivo)",
        "REUTERS/Willy Kurniawan",
    ],
)
def test_photo_captions_and_credits_are_removed(caption):
    result = clean_text(f"{BODY}\n\n{caption}\n\n{BODY}")
    assert result.text == f"{BODY}\n\n{BODY}"
    assert kinds(result) == ["caption"]


def test_inline_photo_credit_is_cut_and_the_sentence_kept():
    result = clean_text("Massa berkumpul di depan gedung DPR (Foto: ANTARA/Galih Pradipta) pada Selasa siang.", "id")
    assert result.text == "Massa berkumpul di depan gedung DPR pada Selasa siang."
    assert kinds(result) == ["caption"]


@pytest.mark.parametrize(
    "widget",
    [
        "Ikuti kami di", "Ikuti kami di Telegram", "IKUTI KAMI DI GOOGLE NEWS", "KOMENTAR", "Komentar (0)",
        "ARTIKEL TERKINI", "BERITATERKAIT", "Artikel POPULER", "Bagikan: Facebook | Twitter | WhatsApp",
        "Share | Tweet | Email", "Advertisement", "ADVERTISEMENT", "Follow us on Twitter for the latest news",
        "Sign up for our morning newsletter", "Tag: ASEAN, Myanmar, Jokowi", "Compartir | Comentarios (312)",
        "Editor: Rina S", "Penulis: Rahmat H. | Editor: Sinta W.", "(Reporting by South Asia Wire; Editing by Priya Menon)",
        "© 2022 GlobalWire. All rights reserved.", "Copyright © 2019 Kabar Harian. All rights reserved.", "(c) 2021 InfoTerkini",
        "Hak cipta dilindungi undang-undang.", "Artikel ini telah tayang di Kabar Harian dengan judul \"127 Orang Meninggal\".",
        "This story was syndicated from a wire service.", "(Tribunnewswiki)",
    ],
)
def test_widgets_bylines_attributions_and_footers_are_removed(widget):
    assert clean_text(f"{BODY}\n{widget}\n{BODY}").text == f"{BODY}\n{BODY}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Related charges were filed against the two suspects on Monday.",
        "Baca juga pernyataan resmi kepolisian yang dirilis Senin malam, kata dia.",
        "The photo, taken by a resident, showed troops firing at the crowd near the airport.",
        "Polisi menyebut 13 kendaraan rusak, 10 di antaranya milik Polri. (ant/rs)",
        "Copyright lawyers said the ruling would affect thousands of musicians across the country and abroad.",
        "Kerusuhan besar antara pengunjuk rasa dan aparat keamanan kembali terjadi di Kota Almaty, hari Kamis (6/1/2021).",
        "ALMATY, Jan 7 (GlobalWire) - Kazakhstan's President said on Friday he had authorised security forces to shoot.",
    ],
)
def test_news_sentences_that_look_a_little_like_boilerplate_survive(sentence):
    assert clean_text(f"{BODY}\n\n{sentence}").text == f"{BODY}\n\n{sentence}"


def test_long_paragraph_is_never_taken_for_a_caption():
    para = ("De overstromingen grijpen haar zwaar aan. Net als de moord op een agent. En de aanslag in oktober. "
            "(Tekst gaat verder onder de foto.)")
    assert clean_text(para).text == para


def test_whitespace_control_characters_and_blank_runs_are_normalised():
    result = clean_text("  Satu\u00a0\u00a0dua\u200b tiga.\r\n\r\n\r\n\r\nEmpat\tlima.\x07  ")
    assert result.text == "Satu dua tiga.\n\nEmpat lima."


def test_empty_and_noise_only_text_give_empty_text():
    assert clean_text("").text == ""
    assert clean_text("KOMENTAR\n\n© 2024 Bolaria\nBagikan | Komentar").text == ""


NOISE = [
    "Baca juga: Polisi Tangkap Tiga Orang", "Read more:", "Related:", "KOMENTAR", "zoom-inlihat foto", "Foo-Bar.jpg",
    "AZAMAT SARSENBAYEV / AFP / ESN", "© 2022 Kabar", "Share | Tweet", "Ikuti kami di", "Editor: Rina S",
    "Suasana di stadion. (KABAR HARIAN/Dimas)", "(Foto: ANTARA/Galih)", "ADVERTISEMENT", "- Explainer: What next",
    "Kata dia. Baca juga: Judul Lain", "- Baca juga: Judul", "• Read more: Troops", "Home", "News", "- Kuliner",
]
REAL = [
    "Polisi menangkap 52 orang, Kamis (6/1/2022).", "Troops landed on Thursday.", "Kerusuhan Kazakhstan",
    "Más de un millón de personas marcharon.", "He said: \"It is over.\"", "",
]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(NOISE + REAL), st.text(max_size=60)), max_size=14),
       st.sampled_from([None, "en", "id", "ms", "es", "fr"]))
def test_cleaning_is_idempotent(lines, lang):
    once = clean_text("\n".join(lines), lang)
    assert clean_text(once.text, lang).text == once.text


def _dev_articles() -> list[dict]:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not beside the checkout")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]


def _number_forms(n: int) -> set[str]:
    return {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}


def test_dev_set_event_counts_survive_cleaning():
    """Every gold count written as digits in the raw text is still in the cleaned text."""
    checked = 0
    for art in _dev_articles():
        cleaned = clean_text(art["text"], art["language"]).text
        for event in art["events"]:
            for value in event["counts"].values():
                present = [f for f in _number_forms(value) if re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", art["text"])]
                if present:
                    checked += 1
                    assert any(f in cleaned for f in present), (art["id"], value)
    assert checked > 20


def test_dev_set_read_also_lines_are_gone_and_no_long_paragraph_is_removed():
    link_start = re.compile(r"(?i)^(baca\b|read more|related:|lee también|lire aussi|berita ?terkait)")
    for art in _dev_articles():
        result = clean_text(art["text"], art["language"])
        for line in result.text.split("\n"):
            assert not link_start.match(line), (art["id"], line)
        for kind, excerpt in result.removed:
            assert kind == "caption" or len(excerpt) < 200, (art["id"], kind, excerpt)


def test_dev_set_lede_with_wrong_year_is_kept_and_captions_repeating_it_are_not():
    seed = next(a for a in _dev_articles() if a["id"] == "seed-001")
    cleaned = clean_text(seed["text"], "id").text
    assert "hari Kamis (6/1/2021)" in cleaned
    assert "zoom-inlihat" not in cleaned and "Baca:" not in cleaned and "KOMENTAR" not in cleaned


def test_dev_set_cleaning_without_language_equals_cleaning_with_it():
    for art in _dev_articles():
        assert clean_text(art["text"]).text == clean_text(art["text"], art["language"]).text, art["id"]


def test_an_over_long_read_also_paragraph_loses_only_its_first_sentence():
    rest = "Polisi kemudian menangkap tiga orang yang diduga terlibat dalam kerusuhan di depan gedung DPR. " * 5
    text = f"Baca juga: Demo Tolak Kenaikan Harga BBM Berakhir Ricuh. {rest.strip()}"
    result = clean_text(text, "id")
    assert result.text == rest.strip()
    assert result.removed == [("link", "Baca juga: Demo Tolak Kenaikan Harga BBM Berakhir Ricuh.")]


def test_a_long_paragraph_right_under_a_photo_widget_is_not_its_caption():
    para = "Kerusuhan besar antara pengunjuk rasa dan aparat keamanan kembali terjadi di Kota Almaty. " * 6
    result = clean_text(f"zoom-inlihat foto\nFoto-Almaty.jpg\n{para.strip()}", "id")
    assert result.text == para.strip()


def test_bulleted_read_also_items_from_extracted_lists_are_removed():
    text = f"{BODY}\n- Baca juga: Polisi Tangkap Tiga Orang\n• Read more: Troops arrive in Almaty\n- Jakarta dan Bekasi banjir lagi pada Senin pagi, kata BPBD."
    assert clean_text(text).text == f"{BODY}\n- Jakarta dan Bekasi banjir lagi pada Senin pagi, kata BPBD."


def test_a_read_also_link_glued_to_the_end_of_a_paragraph_is_cut():
    text = "Polisi menangkap 52 orang, kata dia. Baca juga: Polisi Tangkap Tiga Orang di Bekasi"
    result = clean_text(text, "id")
    assert result.text == "Polisi menangkap 52 orang, kata dia."
    assert result.removed == [("link", "Baca juga: Polisi Tangkap Tiga Orang di Bekasi")]
    long_tail = "Polisi menangkap 52 orang. Baca juga: " + "kata " * 60
    assert clean_text(long_tail, "id").text == long_tail.strip()


def test_two_glued_links_go_in_one_pass():
    text = "Polisi tiba. " * 10 + "Baca juga: Satu Dua Tiga. " + "Kata dia lagi. " * 8 + "Baca juga: Empat Lima"
    once = clean_text(text, "id")
    assert once.text == ("Polisi tiba. " * 10).strip()
    assert clean_text(once.text, "id").text == once.text


@pytest.mark.parametrize(
    "lang, heading",
    [
        ("en", "Editor's Picks"),
        ("en", "Most read in Football"),
        ("en", "Popular"),
        ("id", "Pilihan Editor"),
        ("id", "Paling Banyak Dibaca"),
        ("ms", "Berita Trending"),
        ("fr", "Les plus populaires"),
        ("es", "Lo más visto"),
    ],
)
def test_headlines_under_other_stories_headings_are_removed_in_every_language(lang, heading):
    text = f"{BODY}\n\n{heading}\nPolisi Tangkap Terduga Teroris di Makassar\nDemo Tolak Kenaikan Harga BBM Berakhir Ricuh\n\n{BODY}"
    result = clean_text(text, lang)
    assert result.text == f"{BODY}\n\n{BODY}"
    assert kinds(result) == ["link", "link", "link"]


@pytest.mark.parametrize(
    "lang, heading, bullet",
    [("ms", "Berita berkaitan", "• "), ("id", "Berita Terkait", "- "), ("en", "Related stories", "")],
)
def test_a_closing_list_of_headlines_separated_by_blank_lines_is_removed(lang, heading, bullet):
    items = ["Najib mungkin hadapi 10 pertuduhan", "Najib bermalam di lokap SPRM", "Najib didakwa esok"]
    text = f"{BODY}\n\n{heading}\n\n" + "\n\n".join(bullet + item for item in items)
    assert clean_text(text, lang).text == BODY


def test_bulleted_headlines_across_blank_lines_stop_at_the_next_paragraph():
    text = (f"{BODY}\n\nBerita berkaitan\n\n• Najib didakwa esok\n\n• Najib Razak ditahan\n\n"
            f"Pasukan Petugas Khas\n\n{BODY}")
    # the subheading and the paragraph after the list are text
    assert clean_text(text, "ms").text == f"{BODY}\n\nPasukan Petugas Khas\n\n{BODY}"


@pytest.mark.parametrize("line", ["Article content", "Recommended Videos", "- embed-more-topicStory continues below"])
def test_page_widgets_of_news_sites_are_removed(line):
    assert clean_text(f"{BODY}\n{line}\n{BODY}", "en").text == f"{BODY}\n{BODY}"


@pytest.mark.parametrize(
    "lang, text, heading",
    [
        ("en", "Police arrested 52 people in Almaty, he said. Trending Police Arrest Three Men in Raid "
               "The 50 Greatest Albums of All Time Inside the Secret Life of a Star", "Trending"),
        ("en", "Police arrested 52 people in Almaty, he said. Editor’s picks Every Promise the Candidate Made "
               "The 250 Greatest Guitarists of All Time", "Editor’s picks"),
        ("id", "Polisi menangkap 52 orang di Jakarta, kata dia. Berita Terkait Polisi Tangkap Dua Pelaku Begal "
               "Di Bekasi Warga Geruduk Kantor Desa", "Berita Terkait"),
    ],
)
def test_headlines_glued_after_a_heading_without_colon_are_cut(lang, text, heading):
    # a link heading ("Trending", "Editor's picks", "Berita terkait") glued after the last sentence,
    # followed by title-case headlines of other stories: page furniture
    result = clean_text(text, lang)
    assert result.text == text[: text.index(heading)].rstrip()
    assert kinds(result) == ["link"]


def test_a_sentence_after_a_heading_word_is_kept():
    # prose after a heading word is no list of titles
    text = "Police arrested 52 people in Almaty. Latest Figures from the ministry show that the number of arrests rose."
    assert clean_text(text, "en").text == text
    text = "Polisi menangkap 52 orang. Terkini Polisi mengatakan bahwa jumlah tahanan naik pada Kamis."
    assert clean_text(text, "id").text == text
