"""Fast paths held to the plain computation they replace: a cue ending a few words before a
trigger found by one search (not one per prefix of the window), and the language classifier
with its automaton's tables packed into arrays."""

import re

from hypothesis import given
from hypothesis import strategies as st
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from streams.nlp.language import _identifier
from streams.nlp.triggers import DENIED_GAP, TOPIC_GAP, _ends_near, _words_before, _words_pattern, lexicon


def _plain_ends_near(lex, cue, folded: str, start: int, gap: int) -> bool:
    """The cue anchored at the end (bar punctuation) of each window prefix that drops up to ``gap`` words."""
    words = _words_before(lex, folded, start).split()
    ending = re.compile(cue.pattern + r"\W*$")
    return any(ending.search(" ".join(words[:len(words) - g])) for g in range(min(gap, len(words)) + 1))


_CUE_WORDS = st.lists(st.sampled_from(["no", "reports of", "tidak ada", "est une", "sign", "a"]), min_size=1, max_size=4)


@given(_CUE_WORDS, st.text(alphabet="a no reports of sign tidak ada est une,.—'-\n", max_size=90),
       st.sampled_from([0, DENIED_GAP, TOPIC_GAP]), st.sampled_from(["en", "id", "fr"]))
def test_cue_before_trigger_as_the_plain_per_prefix_search(words, text, gap, lang):
    lex, cue = lexicon(lang), _words_pattern(words)
    folded = text + " attack"
    start = len(text) + 1
    assert _ends_near(lex, cue, folded, start, gap) == _plain_ends_near(lex, cue, folded, start, gap)


def test_cues_of_the_lexicons_before_triggers():
    cases = [
        ("en", "there were no reports of major clashes", "clashes"),
        ("en", "there were no reports of any new and major clashes", "clashes"),
        ("id", "tidak ada laporan soal bentrokan", "bentrokan"),
        ("fr", "il n'y a pas eu de nouveaux affrontements", "affrontements"),
    ]
    for lang, folded, trigger in cases:
        lex, start = lexicon(lang), folded.index(trigger)
        for cue, gap in ((lex.negated_existence, DENIED_GAP), (lex.predicative, DENIED_GAP), (lex.work_topics, TOPIC_GAP)):
            assert _ends_near(lex, cue, folded, start, gap) == _plain_ends_near(lex, cue, folded, start, gap)
    assert _ends_near(lexicon("en"), lexicon("en").negated_existence, cases[0][1], cases[0][1].index("clashes"))
    assert not _ends_near(lexicon("en"), lexicon("en").negated_existence, cases[1][1], cases[1][1].index("clashes"))


def test_packed_classifier_ranks_as_the_shipped_one():
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [
        "Police arrested dozens of protesters outside parliament on Monday.",
        "Polisi menangkap puluhan pengunjuk rasa di depan gedung parlemen pada Senin.",
        "Polis menahan berpuluh-puluh penunjuk perasaan di luar parlimen kerana rusuhan.",
        "La police a interpellé des dizaines de manifestants devant le parlement lundi.",
        "La policía detuvo a decenas de manifestantes frente al parlamento el lunes.",
    ]
    for text in texts:
        assert _identifier().rank(text) == shipped.rank(text)
