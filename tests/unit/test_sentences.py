from __future__ import annotations

from hypothesis import given, strategies as st

from streams.nlp.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_periods_question_and_exclamation_marks_end_sentences():
    assert sentences("Troops arrived. Did they fire? Yes! Then silence.") == [
        "Troops arrived.", "Did they fire?", "Yes!", "Then silence.",
    ]


def test_english_abbreviations_initials_and_acronyms_do_not_end_sentences():
    text = "Mr. Smith met Dr. Jones in the U.S. Senate on Jan. 10. John F. Kennedy St. is closed."
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones in the U.S. Senate on Jan. 10.",
        "John F. Kennedy St. is closed.",
    ]


def test_indonesian_numbers_dates_and_street_abbreviations_stay_in_one_sentence():
    text = "Polisi menangkap 2.000 orang di Jl. Thamrin No. 5, Kamis (6/1/2022). Sebanyak 2,5 ton disita."
    assert sentences(text) == [
        "Polisi menangkap 2.000 orang di Jl. Thamrin No. 5, Kamis (6/1/2022).",
        "Sebanyak 2,5 ton disita.",
    ]


def test_a_month_name_ends_a_sentence_unless_a_number_follows():
    assert sentences("It happened in May. No one was hurt. Talks resume on Sept. 19 in Baku.") == [
        "It happened in May.", "No one was hurt.", "Talks resume on Sept. 19 in Baku.",
    ]


def test_quotes_stay_with_their_sentence_and_lowercase_continuation_does_not_split():
    text = '"What negotiations can there be?" he said. "I gave the order." Those who resist will fall.'
    assert sentences(text) == [
        '"What negotiations can there be?" he said.',
        '"I gave the order."',
        "Those who resist will fall.",
    ]


def test_ellipsis_before_lowercase_is_not_a_boundary():
    assert sentences('"Ini serangan terhadap warga kita, yang meminta saya ... untuk membantu," kata dia.') == [
        '"Ini serangan terhadap warga kita, yang meminta saya ... untuk membantu," kata dia.'
    ]


def test_every_line_break_ends_a_sentence_and_blank_lines_give_nothing():
    text = "Read more:\nU.S., Russia to hold talks in Geneva\n\n\nAnother paragraph without a period"
    assert sentences(text) == ["Read more:", "U.S., Russia to hold talks in Geneva", "Another paragraph without a period"]


def test_spanish_and_french_sentences():
    assert sentences("¿Qué pasó? La Sra. Pérez llegó a EE.UU. el lunes. ¡Increíble!") == [
        "¿Qué pasó?", "La Sra. Pérez llegó a EE.UU. el lunes.", "¡Increíble!",
    ]
    assert sentences("M. Macron a parlé. Mme Borne a répondu.") == ["M. Macron a parlé.", "Mme Borne a répondu."]


def test_cjk_full_stops_split_without_spaces():
    assert sentences("这是一个句子。这是另一个。") == ["这是一个句子。", "这是另一个。"]


def test_empty_and_punctuation_only_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []
    assert split_sentences("...\n---") == []


@given(st.text(max_size=400))
def test_spans_are_ordered_disjoint_trimmed_and_within_one_line(text):
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece
        last = end


@given(st.lists(st.sampled_from(["Polisi tiba.", "Dr. Budi pergi!", "Is it over?", "Tout va bien."]), max_size=8))
def test_joined_sentences_split_back_into_the_same_sentences(parts):
    assert sentences(" ".join(parts)) == parts


def test_a_quotation_of_several_sentences_stays_with_its_speaker():
    text = '"Data sementara, 162 orang meninggal. Sebagian besar tertimpa bangunan," kata dia. Tim SAR tiba.'
    assert sentences(text) == [
        '"Data sementara, 162 orang meninggal. Sebagian besar tertimpa bangunan," kata dia.',
        "Tim SAR tiba.",
    ]
    assert sentences("« C'est fini. On rentre », a dit M. Dupont. Puis il est parti.") == [
        "« C'est fini. On rentre », a dit M. Dupont.", "Puis il est parti.",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    assert sentences('"Kami menolak. Kami tidak akan mundur. Ini final.') == [
        '"Kami menolak.', "Kami tidak akan mundur.", "Ini final.",
    ]


def test_a_clock_time_before_the_period_does_not_hide_the_boundary():
    assert sentences("Jam malam berlaku mulai pukul 18.00. Sementara itu, polisi terluka. Rapat dimulai 3:40 a.m. Tuesday.") == [
        "Jam malam berlaku mulai pukul 18.00.", "Sementara itu, polisi terluka.", "Rapat dimulai 3:40 a.m. Tuesday.",
    ]
