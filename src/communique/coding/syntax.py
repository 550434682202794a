"""What the parse says about a word, whatever frame it stands in: the verbs that govern an
event noun, a verb's subject (and the one the parser strands), whether a word is a name, a
place, an opposition or a passing mention. The role finder (`roles`) reads parties with these.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

# The dependency labels of a verb's subject, passive subject and objects.
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "obj", "attr", "oprd"}


def name_modifiers(word: Token) -> Iterator[Token]:
    """The nouns that make a name's own phrase ("opposition leader" of "opposition leader
    Raila Odinga"), however deep the parser nests them."""
    for child in word.children:
        if child.dep_ == "compound":
            yield child
            yield from name_modifiers(child)


def a_private_pair(subject: Token, pronoun: Token) -> bool:
    """A subject "she and ..." or "he and ..." that a later "they" stands for."""
    plural = pronoun.lower_ in {"they", "them", "their"}
    return plural and subject.pos_ == "PRON" and bool(subject.conjuncts)


FINITE = {"VBZ", "VBD", "VBP"}


def subject_of_next_clause(noun: Token) -> bool:
    """Whether an object's conjunct is the subject of the transitive finite verb right after
    it, one the parser left without a subject ("backs the government and the US supports
    the rebels", "have troops in Syria and the UK's minister, Jane Roe, rejected the claim";
    not "a clash between Tajikistan and Kyrgyzstan occurred")."""
    verb = next_word(noun.right_edge)
    return (
        noun.dep_ == "conj"
        and verb is not None
        and verb.tag_ in FINITE
        and verb.dep_ in {"conj", "ccomp"}
        and subject_of(verb) is None
        and any(c.dep_ == "dobj" for c in verb.children)
        and noun.head.dep_ in {"dobj", "pobj", "dative"}
    )


def next_word(word: Token) -> Token | None:
    """The first word after this one that is no punctuation."""
    return next((w for w in word.doc[word.i + 1 :] if not w.is_punct), None)


def stranded_subject(verb: Token) -> Token | None:
    """The object's conjunct right before a finite verb with no subject of its own
    (`subject_of_next_clause`): the verb's true subject."""
    if verb.tag_ not in FINITE or subject_of(verb) is not None:
        return None
    before = [w for w in verb.doc[: verb.i] if not w.is_punct]
    if not before:
        return None
    word = before[-1]
    while word.dep_ in NAME_PARTS_BEFORE and word.head.i != word.i:
        word = word.head
    return word if subject_of_next_clause(word) and next_word(word.right_edge) == verb else None


NAME_PARTS_BEFORE = {"compound", "amod", "det", "poss", "appos"}


def clause_verb(word: Token) -> Token:
    """The verb of the clause a word stands in: the word itself or its nearest verb above,
    else the word."""
    return next((w for w in (word, *word.ancestors) if w.pos_ in {"VERB", "AUX"}), word)


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def misparsed_main_verb(word: Token) -> bool:
    """A finite verb the parser hung under the sentence's only noun phrase: the sentence has
    no other verb, so the noun is its subject."""
    head = word.head
    return (
        word.dep_ == "acl"
        and word.tag_ == "VBD"
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN"}
    )


def place_name(word: Token) -> bool:
    """A proper name used as a noun modifier ("a New Zealand visit"), not a demonym ("a
    Japanese visit") or a possessive ("Japan's visit")."""
    return word.dep_ == "compound" and word.pos_ == "PROPN"


def is_name(word: Token) -> bool:
    """A proper name, or the last word of one ("Kim Tae-hyo": "hyo" after the hyphen)."""
    if word.pos_ == "PROPN":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in word.children)


def opposed(word: Token) -> bool:
    """ "anti-Japanese", "Anti-American", "anti-Assad": a state or leader opposed."""
    before = word.doc.text[max(0, word.idx - 5) : word.idx].lower()
    return before.endswith(("anti-", "anti–", "anti ")) or word.lower_.startswith("anti-")


def fused_with(word: Token, suffixes: tuple[str, ...]) -> bool:
    """ "Russian-backed": the word, or the words it is hyphenated to, end in a suffix; also
    when the writer left out the hyphen ("Russian backed forces")."""
    text = word.doc.text
    after = text[word.idx + len(word) : word.idx + len(word) + 16].lower()
    if word.lower_.endswith(suffixes) or after.startswith(suffixes):
        return True
    # unhyphenated, only as a modifier of the same noun ("Chile backed the plan" is a verb)
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        following is not None
        and word.dep_ in {"amod", "compound", "nmod"}
        and following.head.i == word.head.i
        and following.dep_ in {"amod", "compound"}
        and "-" + following.lower_ in suffixes
    )


def governing_verbs(trigger: Token) -> Iterable[tuple[Token, str]]:
    """Words whose arguments are the trigger noun's parties: the verb it is the object of
    ("held talks"), the verb or copula of a phrase it completes ("took part in drills", "are
    participants in the exercises"), and its relative clauses ("drills hosted by A and B")."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return []
    # not a content clause: "Trump's demand that Germany repatriate" asks Germany, who is
    # no party of the demand's own
    found = [
        (child, f"~{child.text}")
        for child in trigger.children
        if child.dep_ in {"relcl", "acl"}
        and child.pos_ in {"VERB", "AUX"}
        and not content_clause(child)
    ]
    word = trigger
    for _ in range(3):
        dep, head = word.dep_, word.head
        if head.i == word.i:
            break
        if dep in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and head.pos_ in {"VERB", "AUX"}:
            found.append((head, f"^{head.text}"))
            break
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ in COMPLETING_PREPS:
            word = head.head  # the phrase the preposition completes
            if word.pos_ in {"VERB", "AUX"}:
                found.append((word, f"^{word.text}"))
                break
            if word.lemma_.lower() not in PARTICIPATION_HEADS and not a_duration(word):
                break
            continue
        if dep in {"conj", "appos", "attr"}:
            word = head
            continue
        break
    return found


def about(noun: Token) -> bool:
    """A noun in a phrase that says what a verb is about or for ("commented on the attack",
    "braced for a strike", "warned of an invasion"), not one it takes part in ("took part in
    the drills", "met at the summit")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ABOUT_PREPS


ABOUT_PREPS = {"for", "on", "of", "about", "over"}


def after_its_relative_clause(noun: Token, apposed: Token) -> bool:
    """ "For Peru's president, Ana Ruiz, who met her Chilean counterpart, Bolivia's offer is
    a blessing": a relative clause closes the noun's phrase, and a noun the parser hangs on it
    after that clause begins another phrase, not a second name for the noun."""
    return any(
        c.dep_ == "relcl" and noun.i < c.i < apposed.i and c.right_edge.i < apposed.i
        for c in noun.children
    )


def content_clause(child: Token) -> bool:
    """A clause that says what is warned, alleged or asked: "that ..." or "for X to ..."."""
    if child.dep_ == "ccomp":
        return True
    if child.dep_ == "xcomp" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
        return True  # "expected Ankara to hand over the town", parsed with its own subject
    first = next(iter(child.children), None)
    if first is None or first.dep_ != "mark":
        return False
    # "called for Turkey to withdraw"; "Japan's demand that China release the crew"
    return (child.dep_, first.lower_) in {("advcl", "for"), ("acl", "that")}


def antecedent(clause: Token, relative: Token, people: frozenset[str]) -> Token:
    """Whom a relative clause is about. "who" stands for a person: "talks with Uzbek
    President Mirziyoyev who arrived in ..." is about the name before it, even where the
    parse hangs the clause on "talks". `people`: the heads that stand for people or bodies
    ("talks with the Ugandan president, who ..." is the president)."""
    head = clause.head
    before = relative.nbor(-1) if relative.i > 0 else None
    person = relative.lower_ in {"who", "whom"}
    if person and head.pos_ != "PROPN" and before is not None and before.pos_ == "PROPN":
        return before
    # "a fighter with Somali heritage, who ...": the fighter, not his heritage
    phrase = head.dep_ == "pobj" and head.head.lower_ == "with" and head.pos_ == "NOUN"
    if person and phrase and head.lemma_.lower() not in people:
        return head.head.head
    return head


# Prepositions whose event noun completes the phrase of a verb: "took part in drills", "is on
# a visit to", "signed up for talks", "the hosting of the summit", "hit back with sanctions",
# "spoke by phone" ("an inquiry into attacks" is a topic).
COMPLETING_PREPS = {"in", "for", "of", "on", "at", "with", "by"}


# Nouns whose prepositional phrase is where a happening's parties stand ("participants in
# the drills", "a member of the coalition", "a round of talks"); an event noun in the
# phrase of one of these, or of "the signing of", "the other side of", is no passing mention.
PARTICIPATION_HEADS = {
    "participant", "part", "member", "party", "host", "series", "set", "round",
    # quantities of a happening: "its 15th package of sanctions", "a wave of airstrikes"
    "package", "wave", "raft", "batch", "slate", "string", "spate", "barrage", "volley",
}  # fmt: skip


# How long a happening lasted: "ended three days of drills", "after weeks of talks" ("within a
# day of a bombardment" dates another act).
DURATION_HEADS = {"hour", "day", "night", "week", "month"}


NOT_IN_PASSING_HEADS = PARTICIPATION_HEADS | {"signing", "side"}


def a_duration(word: Token) -> bool:
    return word.lemma_.lower() in DURATION_HEADS and word.tag_ == "NNS"


def mentioned_in_passing(trigger: Token) -> bool:
    """An event noun inside another noun's phrase is a topic, not a happening: "its
    adherence to UN sanctions on X", "the right to self-defence against attacks"."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj":
        return False
    if any(child.dep_ == "poss" for child in trigger.children):
        return False  # "a communique on the former's state visit to the latter": that visit
    if any(child.dep_ == "prep" and child.lower_ == "between" for child in trigger.children):
        return False  # "accounts of a phone call between Trump and Erdogan": that call
    holder = trigger.head.head
    if holder.pos_ not in {"NOUN", "PROPN"} or holder.lemma_.lower() in NOT_IN_PASSING_HEADS:
        return False
    if a_duration(holder):
        return False  # "ended three days of drills": those drills
    return holder.dep_ != "ROOT"
