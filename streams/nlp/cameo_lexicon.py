"""English event triggers generated from the PETRARCH2 CAMEO verb dictionary.

Reads ``dictionaries/CAMEO.2.0.txt`` of the PETRARCH2 dictionaries (format:
``docs/dictionaries-format.rst``: synsets ``&NAME`` with ``+`` members, verb
blocks ``--- NAME [code] ---`` of verbs with irregular forms in ``{...}`` and
own codes in ``[...]``, patterns ``- nouns * words (prep noun) [code]``) and
PLOVER's ``CAMEO2PLOVER-2021.txt``, and writes a trigger file in the format of
``data/<lang>/events.json`` (``p``, ``type``, ``mode``, ``actor``, ``target``,
flags), to be listed in that file's ``trigger_files``.

Only what can be matched as a contiguous phrase is kept: a verb's inflected
forms (-s, -ed, -ing or the irregular ones), and a pattern's verb followed by
the fixed words it demands (particles, a preposition, an object noun with at
most an article before it: "called for", "lifted the curfew", "staged a
protest"). Patterns with subject nouns before the verb or an actor slot
between the verb and the fixed words are dropped.

CAMEO codes go to PLOVER through CAMEO2PLOVER, then through the coding
conventions of ``shared/eval/README.md``, which win where they differ; those
overrides, the verbs never used alone and the flags per type are a data table
(``data/en/cameo_map.json``), echoed in the output's ``_sources``.

    python -m streams.nlp.cameo_lexicon --petrarch ../shared/corpora/petrarch2-dictionaries \\
        --plover ../shared/corpora/plover-ontology --out streams/data/en/cameo.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from streams.nlp.phrases import phrase_words

DEFAULT_MAP = Path(__file__).resolve().parent.parent / "data" / "en" / "cameo_map.json"
#: the modes Kabar knows per type (a mode outside them becomes none)
PLOVER_TYPES = Path(__file__).resolve().parent.parent / "data" / "common" / "plover.json"

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_VOWELS = "aeiou"


# --------------------------------------------------------------------------- parsing


@dataclass
class Pattern:
    #: tokens before the ``*`` (subject nouns) and after it
    before: list[str]
    after: list[str]
    code: str | None
    line: int
    #: the verbs the comment names (where the pattern was found), lower case
    found_with: tuple[str, ...] = ()


@dataclass
class Verb:
    #: the verb's words, one of them the inflected one (``inflect`` index)
    words: list[str]
    inflect: int
    #: irregular forms given in ``{...}``, each a list of words (None: regular verb)
    forms: list[list[str]] | None
    code: str | None
    block: str


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Dictionary:
    #: synset name -> its member phrases, each with its plural or None
    synsets: dict[str, list[tuple[str, str | None]]]
    blocks: list[Block]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_code(text: str) -> str | None:
    """The primary CAMEO code of a ``[...]`` field: ``[042:043]`` -> "042", ``[:173]`` -> "173",
    ``[---]`` -> None."""
    m = _CODE_RE.search(text)
    if not m:
        return None
    parts = [p.strip() for p in m.group(1).split(":")]
    code = next((p for p in parts if p), "")
    return code if code.isdigit() else None


def _verb_words(token: str) -> tuple[list[str], int]:
    """``+ASK_FOR`` -> (["ask", "for"], 0); ``WIRE_+TAP`` -> (["wire", "tap"], 1)."""
    words = [w for w in token.lower().split("_") if w]
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    return [w.lstrip("+") for w in words], marked


def _synset_phrases(members: list[str], plural: bool) -> list[tuple[str, str | None]]:
    """Each member phrase with its plural (None: no plural, "CASH_" or a label ending in "_")."""
    out = []
    for raw in members:
        keep_singular = raw.endswith("_")
        phrase = raw.rstrip("_").replace("_", " ").lower()
        many = None
        if plural and not keep_singular:
            *head, last = phrase.split(" ")
            many = " ".join(head + [plural_of(last)])
            many = None if many == phrase else many
        out.append((phrase, many))
    return out


def parse_dictionary(text: str) -> Dictionary:
    """Synsets and verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[tuple[str, str | None]]] = {}
    blocks: list[Block] = []
    syn_name: str | None = None
    syn_members: list[str] = []

    def close_synset() -> None:
        nonlocal syn_name, syn_members
        if syn_name is not None:
            plural = not syn_name.endswith("_")
            synsets[syn_name.rstrip("_")] = _synset_phrases(syn_members, plural)
        syn_name, syn_members = None, []

    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("---"):
            close_synset()
            header = raw.strip("- \t")
            name = header.split("[", 1)[0].strip()
            blocks.append(Block(name=name, code=parse_code(header)))
            continue
        if raw.startswith("~"):
            continue  # transformations: verb-verb interactions, nothing to match
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("&"):
            close_synset()
            syn_name = line[1:].split()[0]
            continue
        if syn_name is not None and line.startswith("+") and not blocks:
            syn_members.append(line[1:].strip())
            continue
        close_synset()
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            body = line[1:]
            comment = raw.split("#", 1)[1] if "#" in raw else ""
            found_with = tuple(w.lower() for w in re.findall(r"[A-Z][A-Z_-]+", comment))
            code = parse_code(body)
            body = _CODE_RE.sub(" ", body).strip()
            if "*" not in body:
                continue
            pre, post = body.split("*", 1)
            block.patterns.append(Pattern(_tokens(pre), _tokens(post), code, number, found_with))
            continue
        # a verb line: TOKEN [{forms}] [[code]]
        code = parse_code(line) if _CODE_RE.search(line) else block.code
        line = _CODE_RE.sub(" ", line)
        forms = None
        if "{" in line:
            head, rest = line.split("{", 1)
            forms = [_verb_words(t)[0] for t in rest.split("}", 1)[0].split()]
            line = head
        token = line.split()[0] if line.split() else ""
        if not token:
            continue
        words, inflect = _verb_words(token)
        block.verbs.append(Verb(words, inflect, forms, code, block.name))
    close_synset()
    return Dictionary(synsets, blocks)


def _tokens(text: str) -> list[str]:
    """Pattern tokens: words, ``{...}`` and ``(...)`` groups (kept whole), ``&SYN``, ``$ + ^ %``."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "({":
            close = ")" if c == "(" else "}"
            depth, j = 0, i
            while j < n:
                if text[j] in "({":
                    depth += 1
                elif text[j] in ")}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(text[i:j + 1] if j < n else text[i:] + close)
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "({":
                j += 1
            out.append(text[i:j])
            i = j
    return out


def parse_cameo2plover(text: str) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if not code.isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        if fields and fields[0]:
            table[code] = (fields[0].upper(), fields[1] if len(fields) > 1 else "")
    return table


# --------------------------------------------------------------------------- morphology


def third_person(verb: str) -> str:
    """The -s form ("bans", "pushes", "denies"); regular plurals are spelled the same way."""
    if re.search(r"(s|x|z|ch|sh)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def plural_of(noun: str) -> str:
    """Regular plural; a word already ending in -s is taken for a plural ("forces", "talks")."""
    return noun if noun.endswith("s") and not noun.endswith("ss") else third_person(noun)


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant (not w, x, y): a candidate for doubling ("ban" -> "banned")."""
    return len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word))


#: endings of longer verbs that double their consonant (stress on the last syllable, British -l)
_DOUBLING_ENDINGS = ("l", "mit", "pel", "cur", "gret", "trol", "bid", "fer")


def _stems(word: str) -> list[str]:
    """Stems for -ed/-ing: doubled for a monosyllable CVC ("banned"); for a longer one both
    when stress may fall last ("admitted", "cancelled"/"canceled"); an extra form that never
    occurs in text costs nothing but is not made for the commonest case ("visited")."""
    if _cvc(word):
        doubled = word + word[-1]
        if _syllables(word) == 1:
            return [doubled]
        if word.endswith(_DOUBLING_ENDINGS) and not word.endswith("ffer"):
            return [word, doubled]
    return [word]


def inflections(word: str) -> list[str]:
    """Regular forms of an English verb: itself, -s, -ed, -ing."""
    forms = [word, third_person(word)]
    if word.endswith("e"):
        forms.append(word + "d")
        forms.append(word[:-2] + "ying" if word.endswith("ie") else
                     (word + "ing" if word.endswith(("ee", "ye", "oe")) else word[:-1] + "ing"))
    elif re.search(r"[^aeiou]y$", word):
        forms += [word[:-1] + "ied", word + "ing"]
    else:
        for stem in _stems(word):
            forms += [stem + "ed", stem + "ing"]
    return list(dict.fromkeys(forms))


def spelling_variants(word: str) -> list[str]:
    """The British -ise spelling of an American -ize verb (the dictionary lists most -ise ones)."""
    if word.endswith("ize") and len(word) > 5:
        return [word, word[:-3] + "ise"]
    return [word]


def verb_forms(verb: Verb, with_base: bool) -> list[str]:
    """Every form of a (possibly multi-word) verb as phrases."""
    phrases: list[str] = []
    head = verb.words[verb.inflect]
    forms: list[list[str]] = []
    for variant in spelling_variants(head):
        regular = inflections(variant)
        if verb.forms is None:
            forms += [verb.words[: verb.inflect] + [f] + verb.words[verb.inflect + 1:] for f in regular]
        elif not verb.forms:
            forms += [verb.words]  # "{}": the verb has no other forms ("+KILLED_AND {}")
        else:
            given = [list(f) for f in verb.forms]
            forms += [verb.words] + given
            heads = [f[verb.inflect] if len(f) > verb.inflect else f[-1] for f in given]
            extra = []
            if not any(h.endswith("ing") for h in heads):
                extra.append(next(f for f in regular if f.endswith("ing")) if any(f.endswith("ing") for f in regular) else None)
            if not any(h.endswith("s") for h in heads):
                extra.append(regular[1])
            forms += [verb.words[: verb.inflect] + [f] + verb.words[verb.inflect + 1:] for f in extra if f]
    for words in forms:
        if not with_base and words == verb.words:
            continue
        phrases.append(" ".join(words))
    return list(dict.fromkeys(phrases))


# --------------------------------------------------------------------------- patterns -> phrases

_ACTOR_SLOTS = {"$", "+", "^", "%"}


def _synset(name: str, synsets: dict, head: bool) -> list[list[str]] | None:
    """A synset's members as word lists: with their plurals as the head of a noun phrase,
    singular as a modifier ("army presence")."""
    members = synsets.get(name.lstrip("&").rstrip("_"))
    if not members:
        return None
    out = [m.split() for m, _ in members]
    if head:
        out += [many.split() for _, many in members if many]
    return out


def _group_phrases(token: str, synsets: dict, articles: list[str]) -> list[list[str]] | None:
    """The word sequences one pattern token stands for, or None if it cannot be matched as such."""
    if token in _ACTOR_SLOTS:
        return None
    if token.startswith("("):
        inner = _tokens(token[1:-1])
        if not inner or inner[0].startswith(("&", "{", "(")) or inner[0] in _ACTOR_SLOTS:
            return None
        prep = inner[0].lower().split("_")
        out = [prep]
        for t in inner[1:]:
            nxt = _group_phrases(t, synsets, articles)
            if nxt is None:
                return None
            out = [a + b for a in out for b in nxt]
        return out
    if token.startswith("{"):
        words = _tokens(token[1:-1])
        out = [[]]
        for i, w in enumerate(words):
            if w.startswith("&"):
                members = _synset(w, synsets, head=i == len(words) - 1)
                if not members:
                    return None
                out = [a + m for a in out for m in members]
            elif w in _ACTOR_SLOTS or w.startswith(("(", "{")):
                return None
            else:
                out = [a + [w.lower().replace("_", " ")] for a in out]
        return _with_articles(out, articles, plural=not words[-1].startswith("&"))
    if token.startswith("&"):
        members = _synset(token, synsets, head=True)
        if not members:
            return None
        return _with_articles(members, articles, plural=False)
    word = token.lower().replace("_", " ")
    if not re.fullmatch(r"[a-z][a-z' -]*", word):
        return None
    return [[word]]


def _with_articles(phrases: list[list[str]], articles: list[str], plural: bool = True) -> list[list[str]]:
    """A noun phrase bare and after each article ("the curfew", "a protest"), its plural ("protests",
    "the protests") too when ``plural``."""
    out: list[list[str]] = []
    for p in phrases:
        out.append(p)
        out += [[a] + p for a in articles if _article_fits(a, p[0]) and (a == "the" or not p[-1].endswith("s"))]
        if plural and p and p[-1].isalpha() and not p[-1].endswith("s"):
            many = p[:-1] + [plural_of(p[-1])]
            out.append(many)
            out += [[a] + many for a in articles if a == "the"]
    return out


def _article_fits(article: str, word: str) -> bool:
    if article == "a":
        return word[0] not in _VOWELS
    if article == "an":
        return word[0] in _VOWELS
    return True


def pattern_tails(pattern: Pattern, synsets: dict[str, list[str]], particles: set[str],
                  articles: list[str], max_words: int = 3, max_tails: int = 60) -> list[list[str]] | None:
    """The word sequences that must follow the verb for ``pattern``, or None when the pattern
    cannot be matched as a contiguous phrase (subject nouns, an actor slot in the middle, more
    than ``max_words`` fixed words). An article may stand before the first noun ("imposed a
    curfew", "called for an end"), nowhere else."""
    if pattern.before:
        return None
    tokens = list(pattern.after)
    while tokens and tokens[-1] in _ACTOR_SLOTS:
        tokens.pop()  # a trailing actor slot: the fixed words before it still are contiguous
    if not tokens:
        return None
    if all(t.lower() in particles for t in tokens):
        return None  # "break off", "kick off": the meaning lies in an object the pattern leaves open
    tails: list[list[str]] = [[]]
    noun_seen = False
    for token in tokens:
        bare = not token.startswith(("(", "{", "&"))
        if bare and token.lower() in particles:
            options = [[token.lower()]]
        elif token.startswith("("):
            inner = _tokens(token[1:-1])
            if not inner or inner[0].startswith(("&", "{", "(")) or inner[0] in _ACTOR_SLOTS:
                return None
            options = [inner[0].lower().split("_")]
            for t in inner[1:]:
                nxt = _group_phrases(t, synsets, [] if noun_seen else articles)
                if nxt is None:
                    return None
                noun_seen = True
                options = [a + b for a in options for b in nxt]
        else:
            options = _group_phrases(token, synsets, [] if noun_seen else articles)
            if options is None:
                return None
            if bare:
                options = _with_articles(options, [] if noun_seen else articles)
            noun_seen = True
        tails = [t + o for t in tails for o in options]
        if len(tails) > max_tails:
            return None  # a long synset (aircraft, currencies): too loose to be worth it
    tails = [t for t in tails if len([w for w in t if w not in articles]) <= max_words]
    return tails or None


# --------------------------------------------------------------------------- codes -> types


@dataclass(frozen=True)
class Coding:
    type: str
    mode: str | None


def lookup_code(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def map_code(code: str | None, cameo2plover: dict[str, tuple[str, str]], mapping: dict) -> Coding | None:
    """PLOVER type and mode of a CAMEO code: the conventions' overrides (longest code prefix)
    win over CAMEO2PLOVER; PLOVER types we fold go to ours; None when the code makes no event."""
    if not code:
        return None
    overrides = mapping.get("code_overrides", {})
    for n in range(len(code), 1, -1):
        if code[:n] in overrides:
            o = overrides[code[:n]]
            return None if o is None else Coding(o["type"], o.get("mode"))
    found = lookup_code(code, cameo2plover)
    if not found:
        return None
    plover_type, mode = found
    plover_type = mapping.get("type_folds", {}).get(plover_type, plover_type)
    if plover_type not in mapping["types"]:
        return None
    mode = mapping.get("mode_names", {}).get(mode.strip(), mode.strip()) or None
    return Coding(plover_type, mode)


# --------------------------------------------------------------------------- generation


def _leading_prep(pattern: Pattern) -> str | None:
    """The preposition a pattern's words begin with ("(FOR ...)" -> "for"), if any."""
    if pattern.before or not pattern.after or not pattern.after[0].startswith("("):
        return None
    inner = _tokens(pattern.after[0][1:-1])
    return inner[0].lower() if inner else None


def _known_mode(coding: Coding, mapping: dict) -> Coding:
    valid = mapping.get("valid_modes")
    if valid is None or coding.mode is None or coding.mode in valid.get(coding.type, ()):
        return coding
    return Coding(coding.type, None)


def _entry_key(coding: Coding, flags: dict) -> tuple:
    return (coding.type, coding.mode, tuple(sorted(flags.items())))


def _flags_for(coding: Coding, mapping: dict, block: str, verb: str | None) -> dict:
    defaults = mapping["types"][coding.type]
    flags = dict(defaults)
    flags.update(mapping.get("mode_flags", {}).get(f"{coding.type}/{coding.mode}", {}))
    for name, members in mapping.get("block_flags", {}).items():
        if block in members or (verb and verb in members):
            flags[name] = True
    return flags


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    for i in range(len(words) - n + 1):
        if all(w.startswith(p[:-1]) if p.endswith("*") else w == p for w, p in zip(words[i:i + n], part)):
            return True
    return False


def _shadowing(owner: dict[str, tuple], hand_made: dict) -> set[str]:
    """Generated phrases that would hide a hand-made trigger of the same type inside them (the
    longest match wins: "fired tear gas" would take the place of "tear gas" with its mode and
    flags). Equal phrases need no care: the hand-made ones come first and win."""
    by_type: dict[str, list[tuple[str, ...]]] = {}
    for entry in hand_made.get("triggers", []):
        by_type.setdefault(entry["type"], []).extend(phrase_words(p) for p in entry["p"])
    by_type = {t: [w for w in ws if w] for t, ws in by_type.items()}
    out = set()
    for phrase, key in owner.items():
        words = phrase_words(phrase)
        if any(len(part) < len(words) and _contains(words, part) for part in by_type.get(key[0], ())):
            out.add(phrase)
    return out


def generate(dictionary: Dictionary, cameo2plover: dict[str, tuple[str, str]], mapping: dict,
             sources: str = "", hand_made: dict | None = None) -> dict:
    """The trigger file (events.json format) for a parsed dictionary; ``hand_made`` is the
    language's events.json, whose triggers the generated ones must not hide."""
    particles = set(mapping.get("particles", []))
    articles = mapping.get("articles", ["a", "an", "the"])
    alone = set(mapping.get("alone", []))
    drop_blocks = set(mapping.get("drop_blocks", []))
    drop_verbs = set(mapping.get("drop_verbs", []))
    verb_overrides = mapping.get("verb_overrides", {})
    keep_intent = set(mapping.get("keep_intent_blocks", []))
    with_base = bool(mapping.get("base_form", False))

    groups: dict[tuple, dict] = {}
    phrase_owner: dict[str, tuple] = {}
    bare_keys: dict[str, set] = {}
    ignore: list[str] = []

    conflicting: set[str] = set()

    def add(phrases: list[str], coding: Coding, flags: dict, pattern: bool = False) -> None:
        coding = _known_mode(coding, mapping)
        key = _entry_key(coding, flags)
        group = groups.setdefault(key, {"p": [], "type": coding.type, "mode": coding.mode, **flags})
        for p in phrases:
            if p in phrase_owner:
                if pattern and phrase_owner[p][0] != coding.type and phrase_owner[p] not in bare_keys.get(p, ()):
                    conflicting.add(p)  # two patterns code it as different types: CAMEO itself is unsure
                continue  # the first coding of a phrase wins (bare verbs come first)
            phrase_owner[p] = key
            group["p"].append(p)
            if not pattern:
                bare_keys.setdefault(p, set()).add(key)

    def coding_of(code: str | None, block: Block) -> Coding | None:
        coding = map_code(code, cameo2plover, mapping)
        if coding and code and code.startswith("03") and block.name not in keep_intent:
            return None  # intentions are no events; only offers and promises count (keep_intent_blocks)
        return coding

    def verb_coding(verb: Verb, block: Block, key: str) -> Coding | None:
        for name in (key, block.name):
            if name in verb_overrides:
                o = verb_overrides[name]
                return Coding(o["type"], o.get("mode"))
        if verb.code is None:
            return None
        return coding_of(verb.code, block)

    block_verbs = {b.name: {"_".join(v.words) for v in b.verbs} | {" ".join(v.words) for v in b.verbs}
                   for b in dictionary.blocks}
    # bare verbs first, then their patterns
    pattern_work: list[tuple[Block, str, list[str], Coding | None]] = []
    for block in dictionary.blocks:
        if block.name in drop_blocks:
            continue
        for verb in block.verbs:
            key = " ".join(verb.words)
            if key in drop_verbs:
                continue
            # most of a block's WordNet synonyms are too loose alone: only listed verbs are
            base_coding = verb_coding(verb, block, key) if key in alone else None
            if base_coding is not None:
                forms = verb_forms(verb, with_base or len(verb.words) > 1)
                add(forms, base_coding, _flags_for(base_coding, mapping, block.name, key))
            pattern_work.append((block, key, verb_forms(verb, with_base), base_coding))

    max_words = int(mapping.get("max_pattern_words", 3))
    max_tails = int(mapping.get("max_pattern_variants", 60))
    no_patterns = set(mapping.get("no_pattern_blocks", []))
    pattern_types = mapping.get("pattern_types", {})
    verb_pattern_types = mapping.get("verb_pattern_types", {})
    literal_types = set(mapping.get("literal_types", []))
    # a verb with its bare preposition coded ("* (FOR)" = a request) keeps that coding whatever follows
    prep_codings: dict[tuple[str, str], Coding] = {}
    for block in dictionary.blocks:
        for pattern in block.patterns:
            if not pattern.before and len(pattern.after) == 1 and pattern.after[0].startswith("(") \
                    and len(_tokens(pattern.after[0][1:-1])) == 1 and pattern.code:
                coding = coding_of(pattern.code, block)
                if coding is not None:
                    prep_codings.setdefault((block.name, _leading_prep(pattern)), coding)
    for block, key, forms, base_coding in pattern_work:
        if block.name in no_patterns:
            continue
        names = {key, key.replace(" ", "_")}
        for pattern in block.patterns:
            if pattern.found_with and block_verbs[block.name] & set(pattern.found_with) and not names & set(pattern.found_with):
                continue  # the pattern was written for another verb of the block
            tails = pattern_tails(pattern, dictionary.synsets, particles, articles, max_words, max_tails)
            if not tails:
                continue
            phrases = [f"{f} {' '.join(t)}" for f in forms for t in tails]
            if pattern.code is None:
                if base_coding is not None:
                    ignore.extend(phrases)  # this use of an event verb is no event ("call a meeting")
                continue
            coding = coding_of(pattern.code, block)
            governing = prep_codings.get((block.name, _leading_prep(pattern)))
            if coding is not None and governing is not None:
                coding = governing  # "called for sanctions" is a call like "called for": its object is content
            if coding is not None and block.name in pattern_types:
                coding = Coding(pattern_types[block.name]["type"], pattern_types[block.name].get("mode"))
            own = next((verb_pattern_types[v] for v in pattern.found_with if v in verb_pattern_types), None)
            if coding is not None and own is not None:
                coding = Coding(own["type"], own.get("mode"))  # whoever is arrested is arrested (not CAMEO 175's assault)
            block_coding = map_code(block.code, cameo2plover, mapping)
            if coding is not None and block_coding is not None and block_coding.type in literal_types \
                    and coding.type not in literal_types:
                continue  # a violent verb's figurative use ("attacked government" may be its forces)
            if coding is None or (base_coding is not None and coding.type == base_coding.type):
                continue  # no event, or nothing the bare verb does not match already
            add(phrases, coding, _flags_for(coding, mapping, block.name, key), pattern=True)

    dropped = conflicting | set(mapping.get("drop_phrases", [])) | _shadowing(phrase_owner, hand_made or {})
    for g in groups.values():
        g["p"] = [p for p in g["p"] if p not in dropped]
    triggers = [g for g in groups.values() if g["p"]]
    triggers.sort(key=lambda g: (g["type"], g["mode"] or "", -len(g["p"])))
    hand_phrases = [phrase_words(p) for e in (hand_made or {}).get("triggers", []) for p in e["p"]]
    hand_phrases = [w for w in hand_phrases if w]
    # an idiom of the dictionary must not hide a hand-made trigger either ("hunger strike")
    ignore_set = [p for p in dict.fromkeys(ignore) if p not in phrase_owner
                  and not any(_contains(phrase_words(p), part) for part in hand_phrases)]
    return {
        "_doc": "Generated by python -m streams.nlp.cameo_lexicon (do not edit by hand: edit "
                "data/en/cameo_map.json and regenerate). Same trigger format as events.json; "
                "listed in its trigger_files, so hand-made triggers win on equal phrases.",
        "_sources": sources,
        "_overrides": {k: mapping[k] for k in ("code_overrides", "verb_overrides", "keep_intent_blocks") if k in mapping},
        "triggers": triggers,
        "ignore": ignore_set,
    }


def _sources_note(mapping: dict) -> str:
    return ("Verb blocks, verb forms and patterns of the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt, "
            "Open Event Data Alliance, MIT); CAMEO codes mapped to PLOVER with CAMEO2PLOVER-2021.txt "
            "(openeventdata/PLOVER, CC BY-SA 4.0), then Kabar's coding conventions (shared/eval/README.md) "
            "where they differ: " + mapping.get("_note", "") + " Inflections (-s, -ed, -ing, doubled "
            "consonants, -ise/-ize) generated here; patterns kept only as contiguous phrases. As a work "
            "derived from CAMEO2PLOVER this file is under CC BY-SA 4.0 (the dictionary's MIT notice applies too).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m streams.nlp.cameo_lexicon",
        description="Generate an English trigger file (events.json format) from the PETRARCH2 CAMEO "
                    "verb dictionary and PLOVER's CAMEO2PLOVER table.")
    parser.add_argument("--petrarch", required=True, help="petrarch2-dictionaries folder (has dictionaries/CAMEO.2.0.txt)")
    parser.add_argument("--plover", required=True, help="plover-ontology folder (has CAMEO2PLOVER-2021.txt)")
    parser.add_argument("--map", default=str(DEFAULT_MAP), help="overrides and flags (default: data/en/cameo_map.json)")
    parser.add_argument("--out", required=True, help="trigger file to write, e.g. streams/data/en/cameo.json")
    parser.add_argument("--hand", default=str(DEFAULT_MAP.with_name("events.json")),
                        help="hand-made triggers the generated ones must not hide (default: data/en/events.json)")
    args = parser.parse_args(argv)
    dictionary = parse_dictionary(Path(args.petrarch, "dictionaries", "CAMEO.2.0.txt").read_text(encoding="latin-1"))
    table = parse_cameo2plover(Path(args.plover, "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    mapping = json.loads(Path(args.map).read_text(encoding="utf-8"))
    if PLOVER_TYPES.is_file():
        types = json.loads(PLOVER_TYPES.read_text(encoding="utf-8"))["types"]
        mapping["valid_modes"] = {name: spec.get("modes", []) for name, spec in types.items()}
    hand = Path(args.hand)
    hand_made = json.loads(hand.read_text(encoding="utf-8")) if hand.is_file() else None
    out = generate(dictionary, table, mapping, _sources_note(mapping), hand_made)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n = sum(len(t["p"]) for t in out["triggers"])
    types = sorted({t["type"] for t in out["triggers"]})
    print(f"{args.out}: {n} phrases in {len(out['triggers'])} entries, {len(out['ignore'])} ignored; types: {' '.join(types)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
