"""Malay and Indonesian kinds checked word list against word list (issue 10, malay15).

Each test pairs the Malay form of a kind with the Indonesian one (and the other languages where
the kind exists): a number qualifier ("sedikitnya", "sekurang-kurangnya") between a count word and
its number, lives taken ("meragut 12 nyawa", "merenggut 12 nyawa"), bloodshed a call asks to end
(no blood donation), gates of one language missing from the other (foiled, proposed and feared
acts, running totals up to now), trigger families one language lacked, and national bodies whose
name says their country ("Polri", "KBRI", "Wisma Putra", "PDRM"). Sentences written for these
tests.
"""

from streams.nlp.actors import find_sectors
from streams.nlp.counts import find_counts
from streams.nlp.events import extract_events
from streams.nlp.sentences import split_sentences
from streams.records import Sentence
from tests.unit.test_events import PUBLISHED, dates_of, extract, places_of


def types(text, lang):
    return [e.type for e in extract(text, lang)]


def with_counts(text, lang):
    """Events with the counts the count finder reads (the shared helper counts only a few words)."""
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, PUBLISHED, places_of(text), dates_of(text), find_counts(text, lang))
    return [(e.type, e.counts) for e in events]


def sector_codes(text, lang):
    return [a.code(None) for a in find_sectors(text, lang, [])]


def counted(text, lang):
    return [(c.kind, c.value) for c in find_counts(text, lang)]


def test_a_qualifier_between_a_weak_count_word_and_its_number_keeps_the_count():
    assert counted("Polisi mengamankan sedikitnya 120 orang dalam aksi itu.", "id") == [("arrested", 120)]
    assert counted("Polisi menahan sekitar 45 orang di Medan.", "id") == [("arrested", 45)]
    assert counted("Polis menahan sekurang-kurangnya 30 orang di Klang.", "ms") == [("arrested", 30)]
    assert counted("Police held at least 120 people.", "en") == [("arrested", 120)]


def test_lives_taken_are_a_death_toll():
    assert counted("Ledakan bom itu merenggut 12 nyawa.", "id") == [("killed", 12)]
    assert counted("Letupan bom itu meragut 12 nyawa.", "ms") == [("killed", 12)]


def test_a_call_to_end_bloodshed_is_a_request_a_call_for_blood_donors_is_not():
    assert types("Presiden Joko Widodo mendesak PBB segera menghentikan pertumpahan darah di Jakarta pada Kamis.",
                 "id") == ["REQUEST"]
    assert types("Perdana Menteri Anwar Ibrahim menggesa PBB menghentikan pertumpahan darah di Gaza pada Khamis.",
                 "ms") == ["REQUEST"]
    assert types("El presidente Gustavo Petro pidió a la ONU detener el derramamiento de sangre en Gaza el jueves.",
                 "es") == ["REQUEST"]
    assert types("Emmanuel Macron a exhorté l'ONU à mettre fin au bain de sang à Gaza jeudi.", "fr") == ["REQUEST"]
    assert types("Rumah sakit meminta warga mendonorkan darah pada Kamis.", "id") == []
    assert types("Hospital itu menggesa orang ramai menderma darah pada Khamis.", "ms") == []
    assert types("El hospital pidió a la población donar sangre el jueves.", "es") == []


def test_foiled_proposed_and_feared_acts_are_no_events_in_malay_as_in_indonesian():
    assert types("Polis berjaya menggagalkan cubaan serangan ke atas balai polis di Pattani.", "ms") == []
    assert types("Polisi berhasil menggagalkan upaya serangan ke kantor polisi di Poso.", "id") == []
    assert types("Kesatuan itu mencadangkan mogok umum bagi membantah dasar baharu, kata presidennya.", "ms") == []
    assert types("Polis bimbang berlaku rusuhan di ibu negara, kata ketua polis.", "ms") == []
    assert types("Polisi khawatir terjadi kerusuhan di ibu kota, kata kapolda.", "id") == []


def test_a_running_toll_up_to_now_is_no_event_in_malay_as_in_indonesian():
    assert types("Lebih 600 orang terbunuh di Lubnan sehingga kini akibat pertempuran rentas sempadan.", "ms") == []
    assert types("Lebih dari 600 orang tewas di Lebanon hingga kini akibat pertempuran lintas batas.", "id") == []


def test_forces_placed_with_a_figure_between_and_an_alert_raised_are_a_mobilisation():
    assert types("Polis menempatkan 500 anggota di sekitar ibu negara pada Khamis.", "ms") == ["MOBILIZE"]
    assert types("Polisi menempatkan 500 personel di sekitar Monas pada Kamis.", "id") == ["MOBILIZE"]
    assert types("Tentera Thailand berada dalam keadaan siap siaga di sempadan.", "ms") == ["MOBILIZE"]
    assert types("Militer Thailand dalam keadaan siaga di perbatasan.", "id") == ["MOBILIZE"]


def test_a_building_occupied_is_a_protest_those_who_occupy_it_are_no_new_one():
    assert types("Penunjuk perasaan menduduki bangunan Parlimen di Colombo.", "ms") == ["PROTEST"]
    assert types("Para demonstran menduduki istana presiden di Kolombo.", "id") == ["PROTEST"]
    assert types("Penunjuk perasaan yang menduduki bangunan Parlimen mula beredar.", "ms") == []


def test_a_suspect_handed_over_to_another_state_is_judicial_cooperation():
    assert types("Polis Malaysia menyerahkan suspek itu kepada pihak berkuasa Thailand.", "ms") == ["COOPERATE"]
    assert types("Polisi Indonesia menyerahkan tersangka itu kepada otoritas Malaysia.", "id") == ["COOPERATE"]


def test_a_national_body_is_of_its_country_wherever_it_sits():
    assert sector_codes("Polri dan TNI mengecam serangan itu.", "id") == ["ID:police", "ID:military"]
    assert sector_codes("KBRI Paris mengimbau WNI menjauhi lokasi kerusuhan.", "id") == ["ID:government", "ID:civilians"]
    assert sector_codes("Wisma Putra dan PDRM mengecam serangan itu.", "ms") == ["MY:government", "MY:police"]
    assert sector_codes("Polis dan tentera mengecam serangan itu.", "ms") == [None, None]


def test_slashing_abuse_and_rape_are_assaults_in_both_languages():
    assert types("Seorang wanita dirogol oleh dua lelaki di Kota Bharu.", "ms") == ["ASSAULT"]
    assert types("Seorang perempuan dirudapaksa oleh dua pria di Medan.", "id") == ["ASSAULT"]
    assert types("Seorang lelaki ditetak dengan parang di Klang.", "ms") == ["ASSAULT"]
    assert types("Seorang pria dibacok dengan parang di Medan.", "id") == ["ASSAULT"]


def test_a_police_raid_with_a_light_verb_is_coercion_in_both_languages():
    assert types("Polis menjalankan serbuan di sebuah kilang di Klang.", "ms") == ["COERCE"]
    assert types("Polisi melakukan penggerebekan di sebuah pabrik di Bekasi.", "id") == ["COERCE"]


def test_holding_people_with_a_figure_is_a_detention_holding_back_is_not():
    assert with_counts("Polisi menahan 45 peserta aksi itu di Jakarta pada Kamis.", "id") == [("COERCE", {"arrested": 45})]
    assert types("Bank Indonesia menahan suku bunga acuan pada Kamis.", "id") == []
    assert types("Polis menahan 45 peserta perhimpunan itu di Kuala Lumpur.", "ms") == ["COERCE"]
