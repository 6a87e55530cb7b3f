"""eval/filter/summary.py rescore: today's candidates joined to the real-page labels."""

import importlib.util
from pathlib import Path

SUMMARY = Path(__file__).resolve().parents[2] / "eval" / "filter" / "summary.py"


def summary_module():
    spec = importlib.util.spec_from_file_location("kabar_filter_summary", SUMMARY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(page, sentence, event_type, split="train", occurrence=1, **label):
    return {"page": page, "sentence": sentence, "type": event_type, "split": split, "occurrence": occurrence, **label}


LABELS = [
    row("zyte-article-extraction/html/a.html.gz", "Police arrested ten people.", "COERCE", verdict="event"),
    row("zyte-article-extraction/html/a.html.gz", "Troops attacked the rebels in 2010.", "ASSAULT", verdict="not-event"),
    row("zyte-article-extraction/html/a.html.gz", "Crowds protested in the capital.", "PROTEST", verdict="event"),
    row("fundus-parser-tests/uk/b.html.gz", "The minister rejected the plan.", "REJECT", split="held", verdict="event"),
    row("../eval/dev/c.json", "Polisi menangkap dua orang.", "COERCE", verdict="event"),
]


def test_rescore_joins_candidates_to_labels_per_split():
    candidates = [
        row("zyte-article-extraction/html/a.html.gz", "Police arrested ten people. ", "COERCE"),
        row("zyte-article-extraction/html/a.html.gz", "Troops attacked the rebels in 2010.", "ASSAULT"),
        row("zyte-article-extraction/html/a.html.gz", "Police arrested ten people.", "COERCE", occurrence=2),
        row("fundus-parser-tests/uk/b.html.gz", "The minister rejected the plan.", "REJECT", split="held"),
    ]
    splits = summary_module().rescore(candidates, LABELS)
    train, held = splits["train"], splits["held"]
    assert (train["candidates"], train["joined"], train["event"], train["not-event"]) == (3, 2, 1, 1)
    assert train["new"] == 1  # the second COERCE of the same sentence has no label
    assert train["lost"] == 1  # the protest is no longer emitted
    assert (held["joined"], held["event"], held["lost"]) == (1, 1, 0)


def test_rescore_leaves_out_tune_articles():
    candidates = [row("../eval/dev/c.json", "Polisi menangkap dua orang.", "COERCE")]
    splits = summary_module().rescore(candidates, LABELS)
    assert splits["train"]["candidates"] == 0


def test_rescore_lines_give_precision_among_joined():
    module = summary_module()
    candidates = [row("zyte-article-extraction/html/a.html.gz", "Police arrested ten people.", "COERCE"),
                  row("zyte-article-extraction/html/a.html.gz", "Troops attacked the rebels in 2010.", "ASSAULT")]
    lines = module.rescore_lines(module.rescore(candidates, LABELS))
    assert "| train | 2 | 2 | 1 | 0 | 1 | 0.500 | 0 | 1 |" in lines


def lead_row(sentence, verdict, gold_type, lead=True, split="train"):
    return {"page": "fundus-parser-tests/uk/d.html.gz", "sentence": sentence, "verdict": verdict,
            "gold_type": gold_type, "lead": lead, "split": split}


def test_lead_recall_counts_found_wrong_type_and_missed_per_split_and_gold_type():
    rows = [
        lead_row("Police arrested ten people.", "event", "COERCE"),
        lead_row("Troops stormed the square.", "wrong-type", "COERCE"),
        lead_row("The minister resigned on Friday.", "missed", "RETREAT"),
        lead_row("Rebels attacked a convoy.", "not-event", None),
        lead_row("Crowds protested in the capital.", "event", "PROTEST", lead=False),
        lead_row("Police detained two editors.", "missed", "COERCE", split="held"),
    ]
    module = summary_module()
    groups = module.lead_recall(rows)
    assert (groups["train"]["event"], groups["train"]["wrong-type"], groups["train"]["missed"]) == (1, 1, 1)
    lines = module.lead_recall_lines(groups)
    assert "| train | 3 | 1 | 1 | 1 | 0.33 | 0.67 |" in lines
    assert "| train COERCE | 2 | 1 | 1 | 0 | 0.50 | 1.00 |" in lines
    assert "| train RETREAT | 1 | 0 | 0 | 1 | 0.00 | 0.00 |" in lines
    assert "| held | 1 | 0 | 0 | 1 | 0.00 | 0.00 |" in lines
    assert not any(line.startswith("| held COERCE") for line in lines)  # held: a total, never by type
    assert "PROTEST" not in "".join(lines)  # not a lead row


def test_lead_recall_of_todays_candidates_reads_their_types_not_the_recorded_verdicts():
    labels = [
        {**lead_row("Police arrested ten people.", "missed", "COERCE"), "type": None},
        {**lead_row("Troops stormed the square.", "event", "ASSAULT"), "type": "ASSAULT"},
        {**lead_row("The minister resigned on Friday.", "event", "RETREAT"), "type": "RETREAT"},
    ]
    candidates = [
        {"page": "fundus-parser-tests/uk/d.html.gz", "sentence": "Police arrested ten people. ", "type": "COERCE"},
        {"page": "fundus-parser-tests/uk/d.html.gz", "sentence": "Troops stormed the square.", "type": "PROTEST"},
    ]
    groups = summary_module().lead_rescore(candidates, labels)
    assert (groups["train"]["event"], groups["train"]["wrong-type"], groups["train"]["missed"]) == (1, 1, 1)
    assert groups["train RETREAT"]["missed"] == 1  # labelled found once, no longer emitted


def test_lead_rescore_finds_one_gold_event_per_candidate_and_no_wrong_type_from_a_sibling_gold_event():
    labels = [
        {**lead_row("Trump lashed out after the court struck down his order.", "missed", "ACCUSE"), "type": None},
        {**lead_row("Trump lashed out after the court struck down his order.", "missed", "ACCUSE"), "type": None},
        {**lead_row("India fired missiles, in what Pakistan called an act of war.", "missed", "ASSAULT"), "type": None},
        {**lead_row("India fired missiles, in what Pakistan called an act of war.", "missed", "ACCUSE"), "type": None},
    ]
    candidates = [
        {"page": "fundus-parser-tests/uk/d.html.gz", "sentence": "Trump lashed out after the court struck down his order.",
         "type": "ACCUSE"},
        {"page": "fundus-parser-tests/uk/d.html.gz", "sentence": "India fired missiles, in what Pakistan called an act of war.",
         "type": "ASSAULT"},
    ]
    groups = summary_module().lead_rescore(candidates, labels)
    assert (groups["train ACCUSE"]["event"], groups["train ACCUSE"]["missed"]) == (1, 2)
    assert groups["train ACCUSE"]["wrong-type"] == 0  # the ASSAULT candidate is the sibling gold event, not a wrong type
    assert groups["train ASSAULT"]["event"] == 1
