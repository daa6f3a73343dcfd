"""Who asserts a figure: quotes, reported speech, letters, and names resolved in full.

The document is read once: its person names are indexed (``Mr Corbyn`` →
``Jeremy Corbyn``), its quotes found (straight and curly, across paragraphs)
and attributed, and each sentence's reported speech noted. A figure inside a
quote belongs to the quote's speaker; one in reported speech to the reporter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from factcheck.extract import context
from factcheck.extract.lexicon import alternation, first_names, gazetteer, grammar_set, grammar_words, lexicon
from factcheck.extract.text import Sentence, iter_lines

_CAP = r"[A-Z][\w'’-]*"


_SOURCE_NOUNS = r"(?:forecasts?|figures|data|estimates?|projections?|research|report|analysis|survey|study|statistics)"
_SOURCE_VERBS = (r"(?:said|says|show|shows|showed|shown|suggest|suggests|suggested|found|finds|predict|predicts|"
                 r"predicted|indicate|indicates|indicated|reveal|reveals|revealed)")
_SOURCE_CUE = re.compile(_SOURCE_NOUNS + r"\s" + _SOURCE_VERBS)
_SOURCE_FROM_CUE = re.compile(_SOURCE_NOUNS + r"\s(?:(?:released|published|compiled)\s)?(?:from|by|of)\s")
# how an attribution ends before a quote: a speech verb, maybe "that", "on X" or "to X"; or "told" and whom
# ("told BBC Sport:", "told reporters:")
_TOLD = r"(?:told|tells|telling)\s[^\"“”:;.!?]{1,60}"
_ATTRIBUTION_END = r"(?:(?:SPEECH|INTRO)(?:\s(?:that|on\s\w+|to\s\w+))?|" + _TOLD + r")[\s,:]*$"


# whom a speaker told ("reporters", "the BBC"), and where a speaker said it ("in a filing with regulators")
# ("BBC Radio 4's Today programme": a name may hold a number, and end on what it is)
_WHOM = (r"(?:reporters|journalists|(?:the\s)?[A-Z][\w&'’.-]*(?:\s[A-Z0-9][\w&'’.-]*){0,4}"
         r"(?:\s(?:programme|show|newspaper|magazine|website|channel|network|radio|station))?)")
_SAID_IN = (r"(?:in|at)\s(?:a|an|its|their|his|her)\s(?:[\w-]+\s)?(?:statement|filing|report|letter|note|interview|"
            r"briefing|press\sconference)(?:\s(?:with|to|on)\s[\w ]{1,30})?")


def _attribution_end(speech: str, intro: str) -> str:
    return _ATTRIBUTION_END.replace("SPEECH", speech).replace("INTRO", intro)


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    g = lexicon().grammar
    titles = alternation(g["titles"], boundary=False)
    suffixes = alternation(g["name_suffixes"], boundary=False)
    # a headline capitalises its verbs: "..., Report Says"
    speech = alternation(g["speech_verbs"] + [v.title() for v in g["speech_verbs"]], boundary=False)
    intro = alternation(g["speech_nouns_intro"], boundary=False)
    roles = alternation(g["role_heads"], boundary=False)
    descriptors = alternation(sorted(grammar_words("organisation_descriptors")), boundary=False)
    particles = r"(?:de|van|von|der|al|bin|di|da|le|la)"
    name = rf"(?:{titles}\.?\s)?{_CAP}(?:\s{particles}?\s?{_CAP}){{0,3}}(?:,?\s{suffixes}\b)?"
    not_name = r"(?!(?:The|A|An|This|That|These|Those|It|In|On|At|As|But|And|If|When|While|There)\b)"
    # an organisation: "the Office for National Statistics", "the Nationwide"
    org = rf"[Tt]he\s{_CAP}(?:\s(?:(?:for|of|and|&|on)(?:\sthe)?)?\s?{_CAP}){{0,5}}(?:\s\([A-Z]{{2,6}}\))?" \
          rf"|\b[A-Z]{{2,6}}\b(?!\s[A-Z])"
    groups = alternation(g["speaker_groups"] + [w[0].upper() + w[1:] for w in g["speaker_groups"]], boundary=False)
    # "education officials", "Unions for Deutsche Boerse staff": a group, what kind, and what it belongs to
    kind = r"(?:(?!(?:[Aa]nd|[Bb]ut|[Tt]hat|[Aa]s|[Ww]ith|said|says|[Tt]he|[Aa]n?)\s)[A-Za-z][a-z]+\s)?"
    org = rf"{org}|(?:[Tt]he\s)?{kind}{groups}(?:\s(?:for|at|from|in|of)\s[\w'’ -]{{1,40}}?)?"
    sources = alternation(_source_nouns(), boundary=False)
    # "the newspaper", "the Greek finance ministry": a source named by what it is
    source = rf"[Tt]he\s(?:[\w-]+\s){{0,2}}?(?:{sources})\b"
    # ("a company spokesman", "an industry source": a role the article does not name anyone in)
    who = rf"(?P<who>(?:[Tt]he|[Aa]n?)\s(?:[\w-]+\s){{0,3}}?(?:{roles})\b|[Aa]n?\s(?:{roles})\sfor\s(?:the\s)?" \
          rf"[\w'’&-]+(?:\s[\w'’&-]+){{0,3}}?(?=\s(?:{speech})\b)|{source}|{org}|[Hh]e|[Ss]he|[Tt]hey|{not_name}{name})"
    who1 = who.replace("(?P<who>", "(?P<who1>")
    who2 = who.replace("(?P<who>", "(?P<who2>")
    aux = (r"(?:has\s|had\s|have\s|also\s|then\s|later\s|long\s|previously\s|recently\s|reportedly\s|still\s|"
           r"now\s|again\s|already\s|once\s|even\s|today\s|yesterday\s|"
           r"(?!only\s)[a-z]+ly\s)*")
    # a name of up to five words, with the small words inside names: "Office for National Statistics"
    named = rf"{_CAP}(?:\s(?:of|for|and|&)?\s?{_CAP}){{0,4}}"
    doc_nouns = alternation(g["document_nouns"], boundary=False)
    doc_verbs = alternation(g["document_intro_verbs"], boundary=False)
    # what a name may follow in an attribution, in lower case: whose ("eBay's David Stern") or what the person is
    # ("said energy analyst Orin Middleton")
    # ("Tesco's chief executive Terry Leahy", "Bank of England governor Mervyn King")
    lead = rf"(?:{_CAP}(?:\s(?:of|for|and|&)?\s?{_CAP}){{0,4}}\s(?:[a-z][\w-]*\s){{0,2}}?(?:{roles})\s(?=[A-Z])" \
           rf"|(?:(?:the\s)?[\w&-]+(?:\s[A-Z][\w&-]*){{0,2}}['’]s\s)?(?:(?:[a-z][\w-]*\s){{0,2}}?(?:{roles})\s)?(?=[A-Z]))?"
    return {
        # '..." said Mr Corbyn' / '..." he added'
        # ('..." Zack Clement, a lawyer for Yukos, told the court')
        "after": re.compile(rf"^[\s,]*(?:(?P<verb1>{speech})\s{lead}{who1}|{lead}{who}\s{aux}(?P<verb2>{speech})"
                            rf"|{lead}{who2},\s(?:a|an|the|his|her|its|their)\s[^,\"“”]{{3,80}}?,\s{aux}(?P<verb3>{speech}))\b"),
        # 'Ms Rudd said: "...' / 'saying: "...'
        # ('Ms Dunwoody, who chairs the committee, says: "...', 'Mr Lee, the firm's founder, said: "...')
        "before": re.compile(rf"{who}(?:,\s(?:who|which|a|an|the|his|her|its|their)\s[^,;\"“”]{{3,100}}?,)?\s{aux}"
                             + _attribution_end(speech, intro)),
        # 'The letter reads: "...'
        "document": re.compile(rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s(?:open\s)?(?:{doc_nouns})\s"
                               rf"(?:{doc_verbs})[\s:,]*$"),
        # 'Mr Corbyn highlighted the loss of ...'
        # "..., with analysts saying the deficit could ..."
        # "TCI, which claims ...", "TCI, which represents ..., has complained that ..."
        "relative": re.compile(rf"(?:^|[,;]\s|\band\s|\bbut\s){who},\s(?:which|who)\s(?:{aux}(?P<verb>{speech})\b|"
                               rf"(?:[^,]|,(?=\d)){{1,100}},\s{aux}(?P<verb2>{speech})\b)"),
        # (after a time the sentence opens on without a comma: "On Thursday Intel announced that ...")
        "reported": re.compile(rf"(?:^|[,;]\s|\b(?:and|but|that|as|with|when|after|while|since|because)\s"
                               rf"|^(?:And|But|So|Yet|However,|Meanwhile,)\s"
                               rf"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|"
                               rf"last\s(?:week|month|year)|[Ee]arlier|[Ll]ater)\s){who}\s{aux}"
                               rf"(?P<verb>{speech}|{intro})\b"),
        # "Richard Roe, the league's chief executive, said", "TV Sports Markets, a data provider, said in"
        "apposition": re.compile(rf"(?:^|;\s|\band\s|\bbut\s|\bthat\s){who},\s(?!which\b|who\b)"
                                 rf"(?:[^,\"“”]|,(?=\d)){{3,100}},\s{aux}(?P<verb>{speech})\b"),
        # a name after a long title: "Commission for Racial Equality chairman Trevor Phillips said"
        # "Marsh & McLennan said last week"
        "reported_name": re.compile(rf"\b(?P<who>{_CAP}\s(?:&\s)?{_CAP}(?:\s{_CAP})?)\s{aux}(?P<verb>{speech})\b"),
        # an organisation's name after what it is: "Economic research group ISAE has said", "US telecoms firm
        # WorldCom said"
        "described_name": re.compile(rf"\b(?:{descriptors})\s(?P<who>{_CAP}(?:\s(?:&\s)?{_CAP}){{0,2}})\s{aux}"
                                     rf"(?P<verb>{speech})\b"),
        # '..., the minister said.'
        # '..., officials said on Tuesday.'
        # ("..., police told reporters", "..., the company said in a filing with regulators")
        "reported_after": re.compile(rf",\s(?:(?P<verb1>{speech})\s{lead}{who1}"
                                     rf"|{lead}{who}\s(?:(?:has|have|had)\s)?(?P<verb2>{speech}))"
                                     rf"(?:\s{_WHOM})?(?:\s{_SAID_IN})?"
                                     rf"(?:\s(?:on|last|this|earlier|later|yesterday|today|late)\b[\w ]{{0,25}})?"
                                     rf"(?:,\s(?:citing|adding|quoting|referring)\b[^.;]*)?\.?\s*$"),
        # "according to figures from the Office for National Statistics", "according to a report"
        "according": re.compile(r"\b[Aa]ccording\sto\s(?P<source>[^,;:.()\"“”]{2,90}?)"
                                # (a figure the source is not part of: "according to Pew 44% of searchers")
                                r"(?=\s*(?:[,;:.()\"“”]|$|\sthat\b)|"
                                r"\s[£$€¥]?\d[\d.,]*\s?(?:%|per\s?cent|percent|million|billion|bn\b|m\b))"),
        # "CBO forecasts said", "Office for National Statistics (ONS) figures show": a source's own figures
        # (not "The research indicated": an article, not a name, before the source noun)
        "source": re.compile(rf"(?:^|\s)(?!(?:Our|Their|His|Her|Its|My|Your|New|Latest|Official)\b)"
                             rf"(?!(?:The|A|An|This|These|Those)\s(?:latest\s|new\s|own\s|official\s)?{_SOURCE_NOUNS}\s)"
                             rf"(?P<who>{org}|{_CAP}(?:\s(?:for|of|and|&)?\s?{_CAP}){{0,5}})"
                             rf"(?:\s\((?P<abbr>[A-Z][A-Za-z]{{0,4}}[A-Z])\))?(?:['’]s?)?\s"
                             rf"(?:latest\s|new\s|own\s|official\s)?{_SOURCE_NOUNS}\s{_SOURCE_VERBS}\b"),
        # "data from the British Retail Consortium showed", "figures released by the Home Office show"
        "source_from": re.compile(rf"\b{_SOURCE_NOUNS}\s(?:(?:released|published|compiled)\s)?(?:from|by|of)\s"
                                  rf"(?:the\s)?(?P<who>{_CAP}(?:\s(?:for|of|and|&)?\s?{_CAP}){{0,5}})"
                                  rf"(?:\s\((?P<abbr>[A-Z][A-Za-z]{{0,4}}[A-Z])\))?\s{_SOURCE_VERBS}\b"),
        # "A report in the Wall Street Journal states", "a study by Oxford Economics found"
        # "Reports out of Korea indicate": reports, and where they come from
        "report_in": re.compile(rf"\b(?:(?:[Aa]n?|[Tt]he)\s(?:new\s|latest\s|recent\s)?(?:report|study|survey|poll|"
                                rf"analysis|article|story|investigation)|(?:[Tt]he\s|[Nn]ew\s|[Ll]atest\s|[Rr]ecent\s)?"
                                rf"(?:[Rr]eports|[Ss]tudies|[Ss]urveys|[Pp]olls|[Ss]tories))"
                                rf"\s(?:in|by|from|for|out\sof)\s(?:the\s)?(?P<who>{named})\s{aux}"
                                rf"(?P<verb>{speech}|indicate[sd]?|found|finds|show(?:s|ed)?)\b"),
        # "of those asked in a poll for mobile firm Intervoice", "Research by the Bristol Trust": whose survey,
        # wherever the sentence names it
        "survey_by": re.compile(rf"(?:\b[Rr]esearch|\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s(?:new\s|latest\s|recent\s|"
                                rf"online\s|national\s|annual\s)?(?:report|study|survey|poll|analysis|research))\s"
                                rf"(?:(?:carried\sout|conducted|commissioned|published|compiled)\s)?(?:for|by|from)\s"
                                rf"(?:the\s)?(?:[a-z][\w-]*\s){{0,3}}?(?P<who>{named})"),
        # "CNET editor Jessica Dolcourt gave the handset four-and-a-half stars": who rates a thing says its score
        "rates": re.compile(rf"{who}\s{aux}(?P<verb>gave|gives|awarded|awards|rated|rates)\s"
                            rf"[^,;.\"“”]{{0,50}}?\b(?:score|rating|mark|stars?|out\sof)\b"),
        # "An ICM poll for BBC News 24 found": a report named by who made it, before what it is
        "report_named": re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s(?:new\s|latest\s|recent\s)?(?P<who>{_CAP}(?:\s{_CAP})?)\s"
                                   rf"(?:report|study|survey|poll|analysis)\s(?:(?:for|of|by|on)\s(?:the\s)?"
                                   rf"(?:[\w'’-]+\s){{1,4}}?)?{aux}(?P<verb>{speech}|found|finds|show(?:s|ed)?)\b"),
        "name": re.compile(name),
        "title": re.compile(rf"\b(?:{titles})\.?\s(?P<surname>{_CAP})"),
        # "Jeremy Corbyn": the check that the first name starts a word ("\b") is made after its capital,
        # so that the regex engine can skip from capital to capital instead of trying every character
        "full": re.compile(r"(?P<first>[A-Z](?<!\w[A-Z])[A-Za-z]+)\s(?P<last>[A-Z]\w*(?:-[A-Z]\w*)*)(?:['’]s)?\b"),
        "subject": re.compile(rf"^\s*(?:(?:However|But|And|Meanwhile|Yet),?\s)?{who}"),
    }


@dataclass
class PersonIndex:
    """The people a document names: surname and first name → full name, role → full name."""

    by_surname: dict[str, str] = field(default_factory=dict)
    by_first: dict[str, str] = field(default_factory=dict)
    by_role: dict[str, str] = field(default_factory=dict)
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of subjects
    text: str = field(default="", repr=False)  # the document, for the sources it names
    # sentences whose subjects are not among the mentions yet: found on the first call to salient()
    unread: list[Sentence] = field(default_factory=list, repr=False)

    def resolve(self, phrase: str) -> str | None:
        """The full name for a name, title + surname, or role phrase; ``None`` if not a person."""
        suffixes = _name_suffixes()
        words = [w for w in _NAME_WORD.findall(phrase) if w not in suffixes]
        titles = _titles()
        while words and words[0].lower() in titles:
            words = words[1:]
        if not words:
            return None
        last = _title_case(words[-1])
        if last in self.by_surname:
            return self.by_surname[last]
        if len(words) == 1 and last in self.by_first:
            return self.by_first[last]
        if len(words) >= 2 and (first := _title_case(words[-2])) in first_names():
            return f"{first} {last}"
        return None

    def resolve_speaker(self, phrase: str) -> str | None:
        """Like :meth:`resolve`, and a two- or three-word name in a speaker's place is taken as one.

        Next to a speech verb ("said Shauna Perry"), capitalised words that are no
        organisation, place or title name a person even when the first name is unknown.
        """
        found = self.resolve(phrase)
        if found:
            return found
        if " & " in phrase:
            return phrase.strip()  # "Marsh & McLennan said": a firm's name, as written
        titled = _titled_surname().match(phrase.strip())
        if titled and not _not_a_name([titled.group(1)]):
            return _title_case(titled.group(1))  # "Mr Howard said", no full name given: the surname
        names = [_title_case(w) for w in _NAME_WORD.findall(phrase)]
        if 2 <= len(names) <= 3 and all(n[:1].isupper() for n in names) and not _not_a_name(names) and not any(
                n.endswith(("'s", "’s")) for n in names):
            return " ".join(names)
        return None

    def salient(self, offset: int) -> str | None:
        """The person most recently named as a subject before ``offset``."""
        if self.unread:
            self._read_subjects()
        # strictly before: a pronoun opening a sentence points to a person named in an earlier one
        i = bisect_left(self.mentions, offset, key=lambda mention: mention[0])
        return self.mentions[i - 1][1] if i else None

    def named_last(self, sentence: str, end: int) -> str | None:
        """The person a sentence names last before ``end``, when no verb of saying comes before that name: whom
        a "he" or "she" at ``end`` stands for ("Douglas continued his progress as he set"; not "she says Conte
        damaged her reputation and she is seeking", where the name is in what is said)."""
        found = None
        for m in _regexes()["name"].finditer(sentence, 0, end):
            if person := self.resolve(m.group(0)):
                found = (m.start(), person)
        if found is None or _speech_verb().search(sentence, 0, found[0]):
            return None
        return found[1]

    def _read_subjects(self) -> None:
        """Add the subject of each unread sentence to the mentions: its first name that resolves."""
        rx = _regexes()
        resolved: dict[str, str | None] = {}  # a capitalised phrase resolves the same in every sentence
        for s in self.unread:
            body = _FRONTED_PHRASE.sub("", s.text) if _FRONTED_OPENER.match(s.text) else s.text
            head = body[: max(60, len(body) // 3)]  # past a fronted phrase to the subject
            for m in rx["name"].finditer(head):
                phrase = m.group(0)
                if phrase not in resolved:
                    resolved[phrase] = self.resolve(phrase)
                person = resolved[phrase]
                if person:
                    self.mentions.append((s.start, person))
                    break
        self.mentions.sort()
        self.unread = []

    def source(self, kind: str, phrase: str, offset: int) -> str:
        """A source named by what it is: the publication (``press``) or the organisation (``company``) the
        document names before ``offset``, else ``phrase`` as written ("report", "finance ministry").
        """
        if kind == "press":
            found = [(m.start(), name) for pattern in _press_names() for m in pattern.finditer(self.text, 0, offset)
                     if (name := m.group("name")) not in gazetteer().adjectives and name not in gazetteer().aliases]
            if found:
                return max(found)[1]
        elif kind == "company":
            name = _main_organisation(self.text[:offset])
            if name:
                return name
        elif kind == "report":
            found = list(_report_makers().finditer(self.text, 0, offset))
            if found:  # "a report in the Wall Street Journal ... the report claims"
                return found[-1].group("name") or found[-1].group("paper")
        return phrase

    def role(self, phrase: str, offset: int) -> str | None:
        """A role phrase (``the Labour leader``) resolved through the document's appositions."""
        head = phrase.lower().split()[-1]
        for role, person in self.by_role.items():
            if role.split()[-1] == head:
                return person
        person = self.salient(offset)
        if person is not None and any(held == person for held in self.by_role.values()):
            return None  # "the chancellor said", after "BBC economic editor Evan Davis said": not the editor
        return person


_NAME_WORD = re.compile(r"[\w'’-]+")


@cache
def _speech_verb() -> re.Pattern[str]:
    """A verb of saying (see "speech_verbs" in grammar.json), as a word."""
    return re.compile(alternation(lexicon().grammar["speech_verbs"]))


def _not_a_name(words: list[str]) -> bool:
    """Capitalised words that are an organisation, a place or a title, not a person."""
    blocked = _not_name_words()
    return any(w in blocked or w in gazetteer().aliases or w.lower() in _titles() for w in words)


@cache
def _not_name_words() -> frozenset[str]:
    g = lexicon().grammar
    return frozenset(g["organisation_words"]) | frozenset(g["months"]) | frozenset(g["weekdays"])


@cache
def _name_suffixes() -> frozenset[str]:
    return frozenset(lexicon().grammar["name_suffixes"])


@cache
def _title_words() -> str:
    return alternation(lexicon().grammar["titles"], boundary=False)


@cache
def _titled_surname() -> re.Pattern[str]:
    """A title and a surname alone: ``Mr Howard``."""
    return re.compile(rf"(?:{_title_words()})\.?\s({_CAP})$")


@cache
def _titles() -> frozenset[str]:
    return frozenset(t.lower() for t in lexicon().grammar["titles"]) | {"the"}


@cache
def _role_heads() -> frozenset[str]:
    return frozenset(lexicon().grammar["role_heads"])


def _role_before(text: str, at: int) -> str | None:
    """The role written right before a name (``Home Secretary`` in ``Home Secretary Amber Rudd``)."""
    words = text[max(0, at - 60) : at].split()[-4:]
    heads = _role_heads()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower().strip(",") in heads:
            if i == len(words) - 1:
                role = words[max(0, i - 2) : i + 1]
                while len(role) > 1 and (role[0].endswith(",") or (role[0].islower() and role[0] in ("of", "in"))):
                    role = role[1:]  # "of Limassol, President": the role is what follows the comma
                return " ".join(w.lower().strip(",") for w in role)
            break
    return None


def _title_case(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 1 else word


_FRONTED_OPENER = re.compile(r"^(?:In|As|Since|After|When|However|But)\b")
_FRONTED_PHRASE = re.compile(r"^[^,]{0,100},\s")


def index_people(text: str, sentences: list[Sentence]) -> PersonIndex:
    """Find the people a document names, and who is the subject of each sentence."""
    rx = _regexes()
    index = PersonIndex()
    places = gazetteer().aliases
    org_words = grammar_set("organisation_words")
    given_names = first_names()
    guessed: list[tuple[str, str]] = []
    lower_case: frozenset[str] | None = None
    position = 0
    while m := rx["full"].search(text, position):
        position = m.end()
        if m.group("first").lower() in _titles() or m.group("first").lower() in _role_heads():
            position = m.start("last")  # "President Nicos Anastasiades": the name starts after the title
            continue
        first, last = _title_case(m.group("first")), _title_case(m.group("last"))
        role = _role_before(text, m.start())
        # a first name the list lacks is one still when a role or title comes before it ("President Nicos X")
        # (or when the surname stands alone elsewhere: "Justine Henin-Hardenne ... Henin-Hardenne was speaking")
        known = first in given_names or (role is not None and first not in org_words and first not in places)
        if not known and first not in org_words and first not in places and _named_alone(text, last, m.start()):
            if lower_case is None:
                lower_case = frozenset(_LOWER_WORD.findall(text))  # the words the article writes in lower case
            if _may_be_a_first_name(first, lower_case):
                guessed.append((first, last))  # after the names the list knows ("Andy Robinson" before "Fuming")
        if known and last not in org_words and last not in places and first not in places:
            index.by_surname.setdefault(last, f"{first} {last}")
            index.by_first.setdefault(first, f"{first} {last}")
        if known and role:
            index.by_role.setdefault(role, f"{first} {last}")
    for first, last in guessed:
        if last not in org_words and last not in places:
            index.by_surname.setdefault(last, f"{first} {last}")
            index.by_first.setdefault(first, f"{first} {last}")
    for m in _single_name().finditer(text):
        # "R&B star Jamelia had three nominations": a person known by one name, for "she" to stand for later
        name = m.group("name")
        if name not in places and name not in org_words and name not in given_names and \
                not _not_a_name([name]) and name not in index.by_first:
            index.by_surname.setdefault(name, name)
    # the subject of each sentence is needed for "he said" and the like only: found on demand
    index.unread = list(sentences)
    index.text = text
    return index


def _may_be_a_first_name(word: str, lower_case: frozenset[str]) -> bool:
    """Whether a capitalised word unknown as a first name may be one: no word of the grammar ("Both", "Although",
    "Rapper") and none of the words the article writes in lower case (``lower_case``: "Fuming Robinson ...
    fuming")."""
    lowered = word.lower()
    return lowered not in _not_first_names() and lowered not in lower_case


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


@cache
def _not_first_names() -> frozenset[str]:
    return (grammar_words("np_stop_words") | grammar_words("person_descriptors")
            | frozenset(w.lower() for w in lexicon().grammar["single_name_descriptors"]["words"])
            | frozenset(w.lower() for w in lexicon().grammar["subordinators"]["words"]) | _role_heads() | _titles())


def _named_alone(text: str, last: str, at: int) -> bool:
    """Whether a surname stands alone, without the word before it, twice or more after ``at`` (a person the
    article goes on to call by surname)."""
    if len(last) < 4 or (not last[1:].islower() and "-" not in last):
        return False
    found = 0
    start = text.find(last, at)
    while start >= 0 and found < 2:
        end = start + len(last)
        whole = not (text[start - 1 : start].isalnum() or text[start - 1 : start] in "'’-_") and \
            not (text[end : end + 1].isalnum() or text[end : end + 1] in "-_")
        if whole:
            before = text[max(0, start - 2) : start]
            if not before.strip() or before.rstrip()[-1:] in ".,;:\"“”(" or before.endswith("\n") or \
                    text[max(0, start - 6) : start].lower().endswith(("said ", "says ")):
                found += 1  # it opens a sentence, a clause or a quote's attribution ("said Henin-Hardenne")
        start = text.find(last, end)
    return found >= 2


@cache
def _single_name() -> re.Pattern[str]:
    """A one-word name after what the person is ("singer Usher", "R&B star Jamelia"), no other name after it."""
    descriptors = alternation(lexicon().grammar["single_name_descriptors"]["words"], boundary=False)
    return re.compile(rf"(?<![\w'’-])(?:{descriptors})\s(?P<name>[A-Z][a-z]{{2,}})(?![\w'’-]|\s[A-Z]|\s(?:of|and|&)\s)")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage (document offsets) and who said it."""

    start: int
    end: int
    speaker: str | None


_QUOTE_MARK = re.compile(r"[\"“”]")


def _quote_marks(text: str) -> list[tuple[int, str]]:
    """Quote marks as (offset, 'open' | 'close')."""
    marks: list[tuple[int, str]] = []
    for m in _QUOTE_MARK.finditer(text):
        ch, i = m.group(0), m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "“" or (ch == '"' and (prev.isspace() or prev in "([{—–:-") and not nxt.isspace()):
            marks.append((i, "open"))
        else:
            marks.append((i, "close"))
    return marks


def find_quotes(text: str) -> list[tuple[int, int, bool]]:
    """Quoted spans as (start, end, continues_previous), multi-paragraph quotes included.

    News style leaves a quote unclosed at the end of a paragraph when the next paragraph
    goes on with it, opening with a quote mark; a letter or a speech quoted whole runs over
    paragraphs to one closing mark. A quote left unclosed otherwise ends with its paragraph.
    """
    quotes: list[tuple[int, int, bool]] = []
    paragraphs = list(iter_lines(text))
    marks = [(p_start + offset, kind, p_start)
             for p_start, p_end in paragraphs for offset, kind in _quote_marks(text[p_start:p_end])]
    open_at: int | None = None
    continuation = False
    next_mark = 0
    for p_start, p_end in paragraphs:
        here = [(at, kind) for at, kind, paragraph in marks[next_mark:] if paragraph == p_start]
        if open_at is not None:
            opens_here = bool(here) and here[0] == (p_start + _first_char(text, p_start, p_end), "open")
            closes_later = next_mark < len(marks) and marks[next_mark][1] == "close"
            if opens_here or not closes_later:
                # the quote goes on in a new one ("continues"), or it ended with its paragraph
                quotes.append((open_at, _trim_end(text, p_start), continuation))
                open_at, continuation = None, opens_here
        else:
            continuation = False
        for at, kind in here:
            next_mark += 1
            if kind == "open" and open_at is None:
                open_at = at
            elif kind == "close":
                quotes.append((open_at if open_at is not None else p_start, at + 1, continuation))
                open_at, continuation = None, False
    if open_at is not None:
        quotes.append((open_at, len(text), continuation))
    return quotes


def _first_char(text: str, start: int, end: int) -> int:
    stripped = len(text[start:end]) - len(text[start:end].lstrip())
    return stripped


def _trim_end(text: str, paragraph_start: int) -> int:
    end = paragraph_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


# a name alone between the commas after a speaker's description: "The firm, Paion, said"
_APPOSED_NAME = re.compile(r",\s(?P<name>[A-Z][\w&'’.-]*(?:\s(?:&\s)?[A-Z][\w&'’.-]*){0,3}),\s")


def _who_group(m: re.Match[str]) -> str:
    """The name of the group that matched who speaks (``who``, ``who1``, ...)."""
    return next(k for k, v in m.groupdict().items() if k.startswith("who") and v)


def _who(m: re.Match[str]) -> str:
    return m.group(_who_group(m))


# words before a group that say how many or which, not whose: "Some economists", "Senior officials"
_NOT_OWNERS = frozenset({"some", "many", "most", "other", "several", "few", "both", "all", "these", "those", "its",
                         "their", "his", "her", "our", "top", "senior", "leading", "local", "government", "independent",
                         "private", "foreign", "western", "city", "industry", "company", "union", "party", "rebel"})
_GROUP_OF = re.compile(r"\s(?:for|at|from|in|of)\s")


def _named_in_full(word: str, text: str, offset: int) -> str | None:
    """The name in full, written before ``offset``, that a one-word short name opens ("the Bank": the Bank of
    England the article named before)."""
    if not re.fullmatch(r"[A-Z][a-z]+", word):
        return None
    found = re.findall(rf"\b{word}(?:\s(?:of|for)(?:\sthe)?\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)", text[:offset])
    return found[-1] if found else None


# a name and the kind of source it made: "WEF report", "Ofsted survey"
_MADE_BY = re.compile(r"([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*)*)(?:['’]s)?\s([a-z]+)")


def _person(phrase: str, offset: int, people: PersonIndex) -> str | None:
    """The speaker a phrase names: a person in full, or an organisation as written."""
    lowered = phrase.lower()
    if lowered in ("he", "she", "they"):
        return people.salient(offset)
    if lowered.startswith(("a ", "an ")) and (lowered.split()[-1] in _role_heads() or " for " in lowered):
        # "said a company spokesman", "a spokesman for the union said": no one the article names; "a spokeswoman
        # for Royal Mail": the organisation she speaks for
        _, _, organisation = phrase.split(None, 1)[1].partition(" for ")
        organisation = organisation.removeprefix("the ")
        return organisation if organisation[:1].isupper() else phrase.split(None, 1)[1]
    if lowered.startswith("the ") and phrase[4:5].isupper():
        # "the WEF report": whose report; "the Office for National Statistics", "the International Federation of
        # ... (IFPI)"
        if (made := _MADE_BY.fullmatch(phrase[4:])) and _source_kind(f"the {made.group(2).lower()}") == "report":
            return made.group(1)
        return people.resolve(phrase) or _named_in_full(phrase[4:], people.text, offset) or \
            re.sub(r"\s\([A-Z]{2,6}\)$", "", phrase[4:])
    if phrase.isupper() and 2 <= len(phrase) <= 6:
        return phrase  # "TCI said", "the ONS said"
    body = phrase[4:] if lowered.startswith("the ") else phrase
    parts = _GROUP_OF.split(body, maxsplit=1)
    group = parts[0]
    groups = grammar_words("speaker_groups")
    if group.lower() in groups or group.partition(" ")[2].lower() in groups:
        # "officials said", "education officials say", "Unions for the staff fear" (a common noun: "unions")
        kind, _, rest = group.partition(" ")
        if rest and kind[:1].isupper() and len(parts) == 1 and kind not in gazetteer().adjectives and \
                kind not in gazetteer().aliases and kind.lower() not in groups and kind.lower() not in _NOT_OWNERS and \
                re.search(rf"(?<=[a-z,;:’'\"”)]\s){re.escape(kind)}\b", people.text):
            # "Rover bosses said", "Acme executives say": the organisation they speak for, which the article
            # names inside its sentences (not "Education officials" opening one)
            return kind
        if group[1:].islower() and kind not in gazetteer().adjectives and kind not in gazetteer().aliases:
            group = group[0].lower() + group[1:]  # "Officials said": "officials" (but "Russian authorities")
        # "analysts at Barclays": the group and whose it is, when that is named
        return group + body[len(parts[0]) :] if len(parts) == 2 and parts[1][:1].isupper() else group
    kind = _source_kind(lowered)
    if kind is not None:
        return people.source(kind, _ARTICLE_WORDS.sub("", phrase), offset)
    if lowered.startswith("the "):
        # "the mayor": the person the article names in that role, else the role itself
        return people.role(phrase, offset) or (phrase[4:] if lowered.split()[-1] in _role_heads() else None)
    return people.resolve_speaker(phrase) or _organisation(phrase)


@cache
def _press_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A publication named with what it is: "newspaper Haravgi"; "the Ethnos newspaper", "Yonhap news agency"."""
    press = alternation(lexicon().grammar["source_nouns"]["press"], boundary=False)
    name = r"[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}"
    return (re.compile(rf"\b(?:{press})\s(?P<name>{name})"),
            re.compile(rf"(?<![\w'’.-])(?P<name>{name})\s(?:{press})\b"))


# a name of up to three capitalised words that is no product's ("Galaxy S5", "iPhone 6")
@cache
def _report_makers() -> re.Pattern[str]:
    """A report named with whoever made it: "a report in the Wall Street Journal", "a study by Oxford Economics"."""
    nouns = alternation(lexicon().grammar["source_nouns"]["report"], boundary=False)
    name = r"[A-Z][\w.&'’-]*(?:\s(?:(?:of|for|and|&)\s)?[A-Z][\w.&'’-]*){0,4}"
    press = alternation(["Journal", "Times", "Post", "News", "Herald", "Telegraph", "Guardian", "Observer", "Mail",
                         "Mirror", "Gazette", "Tribune", "Chronicle", "Express", "Standard", "Independent", "Reuters",
                         "Bloomberg", "Press", "Economist"], boundary=False)
    # "a report in the Wall Street Journal", "a study by Oxford Economics"; "The Wall Street Journal reported"
    return re.compile(rf"\b(?:{nouns})\s(?:in|by|from|for)\s(?:the\s)?(?P<name>{name})"
                      rf"|(?<![\w'’])(?:[Tt]he\s)?(?P<paper>(?:[A-Z][\w.&'’-]*\s){{0,3}}(?:{press}))\s"
                      rf"(?:reported|reports|said|says|revealed|reveals|claimed|claims)\b")


_CAPITALISED = re.compile(r"(?<![\w'’.])[A-Z][a-zA-Z&-]+(?:\s[A-Z][a-zA-Z&-]+){0,2}(?!\s?[A-Z]?\d)(?![\w-])")
MAIN_ORGANISATION_MENTIONS = 3


def _main_organisation(text: str) -> str | None:
    """The organisation an article is about: the capitalised name it gives most often (three times at least),
    other than a person's, a place's, a title or a month."""
    counts: dict[str, int] = {}
    blocked = _not_name_words() - grammar_set("organisation_words")
    given = first_names()
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        if words[0] in ("The", "A", "An") and len(words) > 1:
            words = words[1:]
        first = words[0]
        if first in _NOT_SPEAKERS or first.lower() in _titles() or first in given or first in blocked or \
                " ".join(words) in gazetteer().aliases or first in gazetteer().aliases or \
                first in gazetteer().adjectives:
            continue
        if len(words) == 1 and text[max(0, m.start() - 2) : m.start()].strip() in ("", ".", "!", "?", '"', "“"):
            continue  # a sentence's first word is capitalised whatever it is
        name = " ".join(words)
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda n: (counts[n], len(n)))
    return best if counts[best] >= MAIN_ORGANISATION_MENTIONS else None


def _organisation(phrase: str) -> str | None:
    """A capitalised name in a speaker's place that names no person: an organisation ("BT Group Plc", "IDC",
    "Yonhap News") or a person the article names by surname alone ("Kuo").
    """
    words = _NAME_WORD.findall(phrase)
    if not words or len(words) > 5 or not all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words):
        return None
    if words[0].lower() in _titles() or words[0] in _NOT_SPEAKERS or phrase in gazetteer().aliases:
        return None
    if phrase in gazetteer().adjectives or words[-1] in _not_name_words() - grammar_set("organisation_words"):
        return None
    return phrase


_NAME_LINKS = frozenset({"of", "for", "and", "&", "the", "de"})
_NOT_SPEAKERS = frozenset({"It", "This", "That", "These", "Those", "There", "Here", "We", "I", "You", "Some", "Many",
                           "Most", "All", "Both", "Others", "Another", "Each", "Such", "Sales", "Prices", "Shares"})


@cache
def _source_nouns() -> list[str]:
    return [noun for kind, nouns in lexicon().grammar["source_nouns"].items() if not kind.startswith("_")
            for noun in nouns]


@cache
def _source_kinds() -> dict[str, str]:
    return {noun: kind for kind, nouns in lexicon().grammar["source_nouns"].items() if not kind.startswith("_")
            for noun in nouns}


def _source_kind(lowered: str) -> str | None:
    """The kind of source a phrase names by what it is ("the newspaper": press), if it does."""
    words = lowered.split()
    if len(words) < 2 or words[0] not in ("the", "a", "an", "its", "their"):
        return None
    kinds = _source_kinds()
    return kinds.get(" ".join(words[-2:])) or kinds.get(words[-1])


_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w.&'’-]*(?:\s(?:(?:of|for|and|&|de|the)\s)?[A-Z0-9][\w.&'’-]*)*")


# the word that opens an amount, left at the end of a source whose sentence runs on without a full stop
_AMOUNT_AT_THE_END = re.compile(r"\s+(?:More|Fewer|Less|Some|About|Around|Almost|Nearly|Over|Under|Just|Only)"
                                r"(?:\s+than)?$")


def _source(phrase: str, offset: int, people: PersonIndex) -> str | None:
    """The source an "according to" phrase names: the name in it ("figures from the Office for National
    Statistics", "accountant Deloitte LLP", "an article in the newspaper Haravgi"), else what it is ("a report").
    """
    phrase = phrase.strip()
    if phrase.lower() in ("him", "her", "them"):
        return people.salient(offset)
    phrase = _when_at_the_end().sub("", phrase)  # "figures revealed by the Electoral Commission on Wednesday"
    phrase = _AMOUNT_AT_THE_END.sub("", phrase)  # "according to analysts Gartner More than 167 million"
    names = [m.group(0) for m in _CAPITALISED_RUN.finditer(phrase)
             if m.group(0) not in gazetteer().adjectives and m.group(0).lower() not in ("the", "a", "an")]
    if names:
        name = re.sub(r"['’]s?$", "", names[-1].removeprefix("The "))  # "the Pensions Commission's report"
        if any(word in grammar_set("organisation_words") for word in name.split()):
            return name  # "Grant Marsh LLP", "the Office for National Statistics"
        return people.resolve_speaker(name) or people.resolve(name) or name
    lowered = phrase.lower()
    kind = _source_kind(lowered if " " in lowered else f"the {lowered}")
    if kind is not None:
        return people.source(kind, _ARTICLE_WORDS.sub("", phrase), offset)
    return _person(phrase, offset, people) or (_ARTICLE_WORDS.sub("", phrase) or None)


@cache
def _when_at_the_end() -> re.Pattern[str]:
    """A time an "according to" phrase ends on: "on Wednesday", "last week", "in January"."""
    g = lexicon().grammar
    times = alternation(["week", "month", "year", *g["weekdays"], *g["months"]], boundary=False)
    return re.compile(rf"\s+(?:on|last|this|in|earlier|late)\s+(?:{times})$")
_ARTICLE_WORDS = re.compile(r"^(?:the|a|an|its|their|our)\s+", re.IGNORECASE)


@cache
def _signoff() -> re.Pattern[str]:
    """A letter's sign-off and the name on the line after it."""
    signoffs = alternation(lexicon().grammar["signoffs"], boundary=False)
    return re.compile(rf"(?:{signoffs}),?\s*\n+\s*(?P<name>[^\n]+)")


def _document_author(text: str, start: int, end: int, people: PersonIndex) -> str | None:
    """The signatory of a letter quoted in full, else the document's main person."""
    m = _signoff().search(text[start:end])
    if m:
        person = people.resolve(m.group("name").strip(" .\"”"))
        if person:
            return person
    return people.salient(start)


@cache
def _speech_tail() -> tuple[re.Pattern[str], int]:
    """How the "before" attribution ends (a speech verb, maybe "that", "on X" or "to X"), and its longest verb."""
    g = lexicon().grammar
    speech = alternation(g["speech_verbs"], boundary=False)
    intro = alternation(g["speech_nouns_intro"], boundary=False)
    tail = re.compile(_attribution_end(speech, intro))
    return tail, max(len(w) for w in g["speech_verbs"] + g["speech_nouns_intro"]) + len("told the ")


def _may_end_in_speech(before: str) -> int | None:
    """Where the text before a quote ends as the "before" attribution must, if it does: a quick test.

    The full pattern is tried at every character of the line; its ending can only begin
    a few words from the end, so only those are searched: the verb ends the text (less
    spaces, commas and colons), or comes before " that", or before " on " or " to " and the
    last word.
    """
    tail, longest = _speech_tail()
    word = _content_end(before)  # where the last word (what \w matches) begins
    while word and (before[word - 1].isalnum() or before[word - 1] == "_"):
        word -= 1
    # the verb begins at most " on " (four characters) and its own length before that word
    m = tail.search(before, max(0, word - 4 - longest))
    return m.start() if m else None


# characters: the longest speaker and auxiliaries the "before" attribution names before its verb
_ATTRIBUTION_REACH = 160


def _content_end(before: str) -> int:
    """Where ``before`` ends, less the spaces, commas and colons (what ``[\\s,:]*`` matches) at its end."""
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] in ",:"):
        end -= 1
    return end


@cache
def _document_verbs() -> tuple[str, ...]:
    return tuple(lexicon().grammar["document_intro_verbs"])


def attribute_quotes(text: str, sentences: list[Sentence], people: PersonIndex) -> list[Quote]:
    """Every quote with its speaker, from attributions after it, before it, or the quote it continues."""
    return list(_attributed_quotes(text, sentences, people, find_quotes(text)))


def _attributed_quotes(text: str, sentences: list[Sentence], people: PersonIndex,
                       quotes: list[tuple[int, int, bool]]) -> Iterator[Quote]:
    """:func:`attribute_quotes`, one quote after the other (a quote may take the speaker of the one before)."""
    rx = _regexes()
    starts = [s.start for s in sentences]
    attributed: list[Quote] = []
    for start, end, continues in quotes:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:start]
        speaker = None
        m = rx["after"].match(text[end:line_end])
        if m and (_who(m).startswith(("A ", "An ")) or m.start(_who_group(m)) > m.start() + 2) and \
                text[max(start, end - 3) : end].rstrip("\"”’'").endswith("."):
            # '...a bigger issue." A spokeswoman for the commission told', '...someone else." Referees chief Keith
            # Hackett believes': a new sentence, the next speaker's
            m = None
        at = start  # where the attribution names its speaker: "He added:" points to someone named before it
        if m is None and (ending := _may_end_in_speech(before)) is not None:
            m = rx["before"].search(before, max(0, ending - _ATTRIBUTION_REACH))
            at = line_start + m.start() if m else start
        if m:
            speaker = _person(_who(m), at, people)
        elif before.endswith(_document_verbs(), 0, _content_end(before)) and rx["document"].search(before):
            speaker = _document_author(text, start, end, people)
        elif before.rstrip().endswith((":", ",")):
            sentence = sentences[max(0, bisect_right(starts, start) - 1)]
            subject = rx["subject"].search(text[sentence.start : start])
            if subject:
                speaker = _person(_who(subject), sentence.start + subject.start(), people)
        if speaker is None and attributed and (continues or attributed[-1].end >= line_start):
            speaker = attributed[-1].speaker
        attributed.append(Quote(start, end, speaker))
        yield attributed[-1]


def reported_speaker(sentence: Sentence, offset: int, people: PersonIndex) -> str | None:
    """The speaker of reported speech that covers the figure at ``offset`` in ``sentence``."""
    return _reported_speaker(sentence, offset, lambda: people)


def _reported_speaker(sentence: Sentence, offset: int, people: Callable[[], PersonIndex]) -> str | None:
    """:func:`reported_speaker`, with the document's people asked for only once a speaker is found."""
    text = sentence.text
    local = offset - sentence.start
    speech = _reported_speech(text)
    # matches that do not overlap end in the order they start: the first one decides, but for the speakers of
    # reported speech, where the nearest before the figure does ("Analysts expect a recovery, but Dalton
    # executives said sales fell 8%")
    reported = [m for m in speech.reported if m.end() <= local and not _adds_figure(text, m, local)]
    if reported:
        # a later speaker is another one only when named after a clause break ("but", "and", a comma); a pronoun
        # ("..., because they believe") is the first one again
        m = next((m for m in reversed(reported[1:]) if _ANOTHER_SPEAKER.match(text, m.start())
                  and _who(m).lower() not in ("he", "she", "they")), reported[0])
        return _person(_who(m), sentence.start + m.start(), people())
    if (m := speech.relative) and m.start() < local and (m.group("verb") is not None or m.end() <= local):
        if named := _name_described(text, m):
            return named  # "Anglo-American, the international mining company, which estimates"
        return _person(_who(m), sentence.start + m.start(), people())
    if (m := speech.apposition) and m.end() <= local:
        if (named := _APPOSED_NAME.match(text, m.end("who"))) and _who(m).lower().startswith("the "):
            # "The firm, Paion, said": the name the description stands beside
            return people().resolve_speaker(named.group("name")) or named.group("name")
        return _person(_who(m), sentence.start + m.start(), people())
    for m in speech.reported_names:
        if m.end() > local:
            break
        if not _adds_figure(text, m, local) and (person := people().resolve_speaker(m.group("who"))):
            return person
    if (m := speech.described_name) and m.end() <= local and not _adds_figure(text, m, local) and \
            (named := people().resolve_speaker(m.group("who")) or _organisation(m.group("who"))):
        return named  # "Economic research group ISAE has said that ..."
    if m := speech.according:
        return _source(m.group("source"), sentence.start + m.start(), people())
    if (m := speech.report_in) and (m.end() <= local or (
            m.start() > local and text[: m.start()].rstrip().endswith(",") and _REPORT_TAIL.match(text, m.end()))):
        # "A study by Oxford Economics found that ...", "..., a study by Computeractive revealed last year."
        return m.group("who")
    if (m := speech.report_named) and m.end() <= local:
        return m.group("who")  # "An ICM poll for BBC News 24 found 80% ..."
    if (m := speech.rates) is not None and m.start("verb") < local:
        return _person(_who(m), sentence.start + m.start(), people())  # "Dolcourt gave the handset 4.5 stars"
    if (m := speech.survey_by) is not None:
        return m.group("who")  # "54% of those asked in a poll for mobile firm Intervoice said ..."
    if _SOURCE_FROM_CUE.search(text) and (m := _regexes()["source_from"].search(text)) and (m.end() <= local or (
            m.start() > local and _AT_THE_END.search(text, 0, m.start()) and _REPORT_TAIL.match(text, m.end()))):
        # "data from the British Retail Consortium showed ...", "..., figures from NHS England show."
        return m.group("abbr") or m.group("who")
    if _SOURCE_CUE.search(text) and (m := _regexes()["source"].search(text)) and m.end() <= local:
        who = m.group("who")
        return m.group("abbr") or _person(who, sentence.start + m.start(), people()) or who.removeprefix("the ")
    if (m := speech.reported_after) and m.start() > local:
        return _person(_who(m), sentence.start + m.start(), people())
    return None


# what ends the clause before an attribution at a sentence's end: ", figures from the ONS show."
_AT_THE_END = re.compile(r",\s(?:the\s|new\s|latest\s|official\s)*$", re.IGNORECASE)
_ANOTHER_SPEAKER = re.compile(r"[,;]\s|(?:and|but)\s")


def _name_described(text: str, m: re.Match[str]) -> str | None:
    """The name that a speaker described by what it is stands in apposition to: "Anglo-American" in
    "Anglo-American, the international mining company, which estimates"."""
    who = _who(m)
    if not who.lower().startswith(("the ", "a ", "an ")) or who[4:5].isupper():
        return None
    named = _NAME_BEFORE_ASIDE.search(text, max(0, m.start() - 60), m.start() + 1)
    return named.group("name") if named else None


# a name, then the comma that opens an aside on what it is
_NAME_BEFORE_ASIDE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][\w&'’.-]*(?:\s(?:of\s|&\s)?[A-Z][\w&'’.-]*){0,3}),$")


_ADDS_OBJECT = re.compile(r"(?:\s+(?:a|an|another|a\s+further|an\s+extra|just|almost|nearly|over|more\s+than))*\s*$")


_TAKING_VERBS = frozenset({"added", "adds", "add", "claimed", "claims", "claim"})
_GOING_ON_VERBS = frozenset({"continued", "continues", "continue", "went on", "goes on"})
_GOING_ON_WITH = re.compile(r"\s+(?:to|his|her|its|their|our|the|a|an|with|in|on|at|as|into|apace|unabated)\b")


def _adds_figure(text: str, m: re.Match[str], figure_at: int) -> bool:
    """Whether the verb takes the figure as its object, and so reports nothing: "Jones added four conversions",
    "Huawei claimed 6.9 percent of the market"; or goes on with an action, not with words: "Douglas continued
    his steady progress", "Tesco continued to grow"."""
    verb = m.group("verb").lower()
    if verb in _GOING_ON_VERBS and _GOING_ON_WITH.match(text, m.end()):
        return True
    if verb not in _TAKING_VERBS:
        return False
    return (_ADDS_OBJECT.fullmatch(text, m.end(), figure_at) is not None
            or _TAKES_A_FIGURE.match(text, m.end()) is not None)


_TAKES_A_FIGURE = re.compile(r"(?:\s+(?:a|an|another|just|almost|nearly|over|more\s+than))*\s+[£$€¥]?\d")


@cache
def _speech_verb() -> re.Pattern[str]:
    verbs = lexicon().grammar["speech_verbs"]
    return re.compile(alternation(verbs + [v.title() for v in verbs], boundary=False))


_Match = re.Match[str]


class _Speech:
    """A sentence's reported-speech matches, each found when first asked for: the first of each pattern, and
    every "reported_name" one.

    All but "according" need a speech verb: a sentence without one is spared those patterns,
    and the costlier ones are tried only where what they need is there (a relative pronoun,
    the commas of an apposition).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._speech = _speech_verb().search(text) is not None

    def _first(self, name: str, needed: bool = True) -> _Match | None:
        if not (self._speech and needed):
            return None
        return next((m for m in _regexes()[name].finditer(self._text) if not self._verb_in_a_place(m)), None)

    def _verb_in_a_place(self, m: _Match) -> bool:
        """Whether the match's speech verb is part of a place's name: "The United States" says nothing."""
        verb = next((g for g in ("verb", "verb1", "verb2", "verb3") if g in m.re.groupindex and m.start(g) >= 0),
                    None)
        return verb is not None and m.group(verb)[:1].isupper() and any(
            place.start <= m.start(verb) < place.end for place in context.find_places(self._text))

    @cached_property
    def according(self) -> _Match | None:
        return _regexes()["according"].search(self._text) if "ccording" in self._text else None

    @cached_property
    def reported(self) -> tuple[_Match, ...]:
        first = self._first("reported")
        if first is None:
            return ()
        # the sentence is read on for other speakers only when another speech verb follows the first one
        if _speech_verb().search(self._text, first.end()) is None:
            return (first,)
        return (first, *(m for m in _regexes()["reported"].finditer(self._text, first.end())
                          if not self._verb_in_a_place(m)))

    @cached_property
    def relative(self) -> _Match | None:
        return self._first("relative", ", wh" in self._text)

    @cached_property
    def apposition(self) -> _Match | None:
        return self._first("apposition", self._text.count(",") >= 2)

    @cached_property
    def reported_names(self) -> tuple[_Match, ...]:
        if not self._speech:
            return ()
        return tuple(m for m in _regexes()["reported_name"].finditer(self._text) if not self._verb_in_a_place(m))

    @cached_property
    def described_name(self) -> _Match | None:
        return self._first("described_name")

    @cached_property
    def report_in(self) -> _Match | None:
        # (what a report does is not always a speech verb: "Reports out of Korea indicate")
        if not _REPORT_CUE.search(self._text):
            return None
        return next((m for m in _regexes()["report_in"].finditer(self._text) if not self._verb_in_a_place(m)), None)

    @cached_property
    def report_named(self) -> _Match | None:
        if not _NAMED_REPORT_CUE.search(self._text):
            return None
        return _regexes()["report_named"].search(self._text)

    @cached_property
    def rates(self) -> _Match | None:
        if not _RATING_CUE.search(self._text):
            return None
        return _regexes()["rates"].search(self._text)

    @cached_property
    def survey_by(self) -> _Match | None:
        if not _SURVEY_CUE.search(self._text):
            return None
        return _regexes()["survey_by"].search(self._text)

    @cached_property
    def reported_after(self) -> _Match | None:
        return self._first("reported_after")


# what may follow the verb of a report named at the end of its sentence: when, and the full stop
_REPORT_TAIL = re.compile(r"(?:\s(?:on|last|this|earlier|in|on\s[A-Z][a-z]+)\b[\w ]{0,25})?[.\"”]*\s*$")
_RATING_CUE = re.compile(r"\b(?:gave|gives|awarded|awards|rated|rates)\s")
# a sentence that says it passes on what it was told: "Apparently 30% of the phones ..."
_HEARSAY = re.compile(r"[\"“‘']?Apparently\b")
_SUMMING = re.compile(r"(?:Overall|In\stotal|Altogether|In\sall|All\stold|Taken\stogether),\s")
_SURVEY_CUE = re.compile(r"(?:[Rr]esearch|report|study|survey|poll|analysis)\s(?:[a-z]+\s)?(?:for|by|from)\s")
_NAMED_REPORT_CUE = re.compile(r"[A-Z]\w*\s(?:report|study|survey|poll|analysis)\s")
_REPORT_CUE = re.compile(r"[Rr]eport|[Ss]tud|[Ss]urvey|[Pp]oll|[Aa]nalys|[Aa]rticle|[Ss]tor|[Ii]nvestigation")


@lru_cache(maxsize=64)  # the same for each figure of the sentence
def _reported_speech(text: str) -> _Speech:
    """A sentence's reported-speech matches, found once for all of its figures."""
    return _Speech(text)


class Speakers:
    """Speaker look-up for a document.

    The document's people and the speakers of its quotes are found on the first look-up
    that needs them: most figures are neither quoted nor in reported speech.
    """

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self._text = text
        self._sentences = sentences
        self._found = find_quotes(text)
        self._spans = [(start, end) for start, end, _ in self._found]  # those of self.quotes
        self._people: PersonIndex | None = None
        self._quotes: list[Quote] = []  # attributed so far, in order
        self._attributing: Iterator[Quote] | None = None

    @cached_property
    def _starts(self) -> list[int]:
        """Where each sentence starts, in order."""
        return [s.start for s in self._sentences]

    @property
    def people(self) -> PersonIndex:
        """The people the document names."""
        if self._people is None:
            self._people = index_people(self._text, self._sentences)
        return self._people

    @property
    def quotes(self) -> list[Quote]:
        """The document's quotes, with their speakers."""
        if self._spans:
            self._quote(len(self._spans) - 1)
        return self._quotes

    def _quote(self, i: int) -> Quote:
        """The ``i``-th quote with its speaker: the quotes are attributed in order, only as far as asked."""
        if self._attributing is None:
            self._attributing = _attributed_quotes(self._text, self._sentences, self.people, self._found)
        while len(self._quotes) <= i:
            self._quotes.append(next(self._attributing))
        return self._quotes[i]

    def at(self, sentence: Sentence, offset: int) -> str | None:
        """Who asserts the figure at document offset ``offset``."""
        for i, (start, end) in enumerate(self._spans):
            if start <= offset < end:
                if (quoted := self._quote(i).speaker) is not None:
                    return quoted
                break  # a quote no one is found to say: its sentence may report who does ('He said the "two hunts"')
        found = _reported_speaker(sentence, offset, lambda: self.people)
        if found is None and _LIST_ITEM.match(sentence.text):
            intro = self._list_intro(sentence)
            if intro is not None:
                return _reported_speaker(intro, intro.end, lambda: self.people)
        if found is None and _ASKED.search(sentence.text) and (before := self._survey_before(sentence)):
            # "The report by the Pew Research Center reveals ... Almost 50% of those questioned said ...": those
            # asked are the survey's, wherever in the article it was named
            return _reported_speaker(before, before.end, lambda: self.people)
        if found is None and _FINDING.match(sentence.text) and (before := self._finding_before(sentence)):
            # "An ICM poll found 80% of voters ... Some 87% said politicians ...": the survey's findings go on
            return _reported_speaker(before, before.end, lambda: self.people)
        if found is None and _SUMMING.match(sentence.text) and (before := self._sentence_before(sentence)):
            # "The Bank revealed that 48,000 fewer mortgages were approved. Overall, mortgage lending rose by £7.2bn":
            # a sum of the figures the sentence before gave, by the same source
            return _reported_speaker(before, before.end, lambda: self.people)
        if found is None and _HEARSAY.match(sentence.text) and (before := self._sentence_before(sentence)):
            # "Shin said that the designers listened. Apparently 30% of the phones ...": what he said goes on
            return _reported_speaker(before, before.end, lambda: self.people)
        return found

    def _sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in its paragraph."""
        i = bisect_right(self._starts, sentence.start) - 1
        if i < 1 or "\n" in self._text[self._sentences[i - 1].end : sentence.start]:
            return None
        return self._sentences[i - 1]

    def _finding_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in its paragraph, when it reports what a survey, poll or study found."""
        before = self._sentence_before(sentence)
        return before if before is not None and _SURVEY_CUE.search(before.text) else None

    def _survey_before(self, sentence: Sentence) -> Sentence | None:
        """The first sentence of the article, when it comes before ``sentence``, that names a survey, poll, study or
        report and who made it (an article introduces the survey it reports before others comment on it)."""
        first = self._first_survey
        return first if first is not None and first.start < sentence.start else None

    @cached_property
    def _first_survey(self) -> Sentence | None:
        """The article's first sentence that names a survey, poll, study or report and who made it, beside it (not
        who comments on it): found once, for every sentence of those it asked."""
        for sentence in self._sentences:
            if (cue := _SURVEY_OR_REPORT.search(sentence.text)) and \
                    (who := _reported_speaker(sentence, sentence.end, lambda: self.people)) is not None and \
                    who.split()[-1] in sentence.text[max(0, cue.start() - _MAKER_REACH) : cue.end() + _MAKER_REACH]:
                return sentence
        return None

    def _list_intro(self, item: Sentence) -> Sentence | None:
        """The sentence that introduces the list ``item`` belongs to ("According to the ministry:"), if one does.

        Going back over the list's other items and its short section headings, the first
        other sentence is the introduction when it ends with a colon.
        """
        i = bisect_right(self._starts, item.start) - 1
        for before in reversed(self._sentences[max(0, i - _LIST_REACH) : max(0, i)]):
            text = before.text.rstrip()
            if _LIST_ITEM.match(text) or (len(text) < _HEADING_LENGTH and not text.endswith((".", ":", "?", "!"))):
                continue
            return before if text.endswith(":") else None
        return None


# a sentence that opens on a share of those asked: "Some 87% said ...", "Only 13% of Europeans wanted ..."
_FINDING = re.compile(r"(?:(?:Some|Only|About|Around|Nearly|Almost|Just|Over|More\sthan|Fewer\sthan|Less\sthan|"
                      r"A\sfurther|Another)\s)?\d[\d.,]*\s?(?:%|per\s?cent|percent)")
_SURVEY_CUE = re.compile(r"\b(?:survey|poll|study|research|questionnaire|census)\b", re.IGNORECASE)
_MAKER_REACH = 60  # characters from a survey's name to the name of who made it
_SURVEY_OR_REPORT = re.compile(r"\b(?:survey|poll|study|research|questionnaire|census|report)\b", re.IGNORECASE)
# those a survey asked: "of those questioned", "respondents", "of adults polled"
_ASKED = re.compile(r"\b(?:(?:those|people|adults|users|voters|consumers|firms|companies|respondents|children|"
                    r"parents|workers|women|men)\s+(?:questioned|asked|polled|surveyed|interviewed|quizzed)|"
                    r"respondents)\b", re.IGNORECASE)
# an item of a list: a dash, bullet or number opens it
_LIST_ITEM = re.compile(r"\s*(?:[-–—•*▪]|\d{1,2}[.)])\s")
_LIST_REACH = 60  # sentences looked back over for a list's introduction
_HEADING_LENGTH = 60  # a line shorter than this without a full stop is a section heading


def analyse_speakers(text: str, sentences: list[Sentence]) -> Speakers:
    """The document's speakers: its people indexed and its quotes attributed (on first need)."""
    _regexes()  # the speech patterns are built with the first document that has figures, not midway through one
    return Speakers(text, sentences)
