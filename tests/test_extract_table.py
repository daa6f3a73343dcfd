"""A table of sentences and the claims a careful annotator, following CONTRACT.md, finds in them.

Grouped by origin, in the manner of price-parser's test tables:

* ``DEVELOPMENT_SET`` — sentences of the five seed articles in ``seeds/``, extracted in
  their article (so that speakers and places named earlier are known);
* ``OWN_SENTENCES`` — sentences written for this table on other topics (economy, health,
  schools, elections, disasters, numbers in words, ranges, zero phrases, percentage
  points, qualifiers, change, place and speaker);
* ``NOT_CLAIMS`` — sentences in which the extractor must report nothing (or must not
  report a given figure): years, dates, times, durations, ages, list numbers, phone
  numbers, scores, names with numbers and figures of speech;
* ``KNOWN_FAILURES`` — cases from the groups above that the extractor gets wrong today,
  kept as ``xfail(strict=True)`` with what is wrong: the to-do list of the extractor.
  When one starts to pass, move it back to its group.
* ``BBC_SPOT_READ`` — sentences of 20 random articles of the BBC News dataset (Greene and Cunningham,
  2006), spot-read against the contract: what the extractor gets right as plain rows, what it gets
  wrong as strict xfails.

The expectations were written from the contract, not copied from the extractor's output.
Matching is as loose as the contract: ``measure`` by keyword, ``place``, ``period`` and
``speaker`` by substring (case-insensitive); values exactly, units exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import ExtractedClaim, extract

SEEDS_DIR = Path(__file__).parent.parent / "seeds"


class _Any:
    """An attribute the case does not check."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()
Text = str | tuple[str, ...] | None


@dataclass(frozen=True)
class Expected:
    """One expected claim: ``find`` is text that lies inside its mention; other fields are checked when set."""

    find: str
    value: Any
    unit: str
    qualifier: str = ANY
    change: str | None = ANY
    measure: Text = ANY  # a keyword (or alternatives) the measure contains
    place: Text = ANY  # a substring (or alternatives) of the place; None: no place
    period: Text = ANY
    speaker: Text = ANY
    subject: Text = ANY  # whose figure it is; None: no subject
    low: Any = ANY
    high: Any = ANY
    tolerance: Decimal = Decimal("1e-9")


@dataclass(frozen=True)
class Case:
    """A text, the part of it under test (``within``), the claims expected there and the figures that are not claims."""

    text: str
    expected: tuple[Expected, ...]
    within: str | None = None
    only: bool = False  # the expected claims are all the claims there are
    absent: tuple[str, ...] = field(default_factory=tuple)
    published: dt.date | None = None  # the article's date, for relative periods


def claim(find: str, value: Any, unit: str, **attributes: Any) -> Expected:
    """An expected claim; ``value`` and bounds are given as str/int (or None for vague amounts)."""
    for key in ("low", "high"):
        if key in attributes and attributes[key] is not None:
            attributes[key] = Decimal(str(attributes[key]))
    if "tolerance" in attributes:
        attributes["tolerance"] = Decimal(str(attributes["tolerance"]))
    if value is not None and value is not ANY:
        value = Decimal(str(value))
    return Expected(find, value, unit, **attributes)


def case(id: str, text: str, *expected: Expected, only: bool = False, absent: tuple[str, ...] = ()):
    """A table row over the whole of ``text``."""
    return pytest.param(Case(text, expected, None, only, absent), id=id)


def nothing(id: str, text: str):
    """A text in which the extractor must find no claim at all."""
    return pytest.param(Case(text, (), None, True, ()), id=id)


@cache
def seed(number: int) -> str:
    """The text of seed article ``number``, as the ingester decodes a ``.txt`` file."""
    path = next(SEEDS_DIR.glob(f"{number:03d}_*.txt"))
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")


def dev(id: str, number: int, sentence: str, *expected: Expected, only: bool = False,
        absent: tuple[str, ...] = ()):
    """A row of the development set: ``sentence`` of seed article ``number``, extracted in its article."""
    return pytest.param(Case(seed(number), expected, sentence, only, absent), id=id)


def known(reason: str, param):
    """A row the extractor gets wrong today: a strict xfail, so that a fix is noticed."""
    return pytest.param(*param.values, id=param.id, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- (a) development set: the seed articles -------------------------------------------------------------------

DEVELOPMENT_SET = [
    dev("dev-000-incidents-level-2006/07", 0,
        "There were 10,110 recorded incidents of handling an offensive weapon in Scotland in 2006/07, a figure "
        "which fell by almost 70 per cent to 3,111 in 2015/16.",
        claim("10,110", 10110, "count", qualifier="exact", change=None, measure="incidents", place="Scotland",
              period="2006/07", speaker=None),
        claim("70 per cent", 70, "percent", qualifier="upper_bound", change="decrease", measure="incidents",
              place="Scotland"),
        claim("3,111", 3111, "count", qualifier="exact", change=None, measure="incidents", place="Scotland",
              period="2015/16"),
        only=True, absent=("2006/07", "2015/16")),
    dev("dev-000-homicide-cases-fell-47-percent", 0,
        "In the ten years to 2016/17, the number of homicide cases in Scotland fell by 47 per cent.",
        claim("47 per cent", 47, "percent", qualifier="exact", change="decrease", measure="homicide",
              place="Scotland", period="2016/17", speaker=None),
        only=True),
    dev("dev-000-50-murders-since-start-of-year", 0,
        "As Labour seeks to make big gains across London in the May 3 poll, the Labour leader teamed up with London "
        "Mayor Sadiq Khan at an event in central London as the UK capital struggles to quell surging levels of knife "
        "violence; there have been 50 murders since the start of the year.",
        claim("50", 50, "count", qualifier="exact", change=None, measure="murders", place="London",
              period="since the start of the year", speaker=None),
        only=True, absent=("May 3",)),
    dev("dev-000-officers-cut-by-21000-quote", 0,
        '"You simply cannot maintain community cohesion when you slash funding to the police service and cut the '
        "number of officers on our streets by 21,000,” declared Mr Corbyn.",
        claim("21,000", 21000, "count", qualifier="exact", change="decrease", measure="officers",
              speaker="Jeremy Corbyn"),
        only=True),
    dev("dev-000-officers-england-and-wales", 0,
        "As of September there were 121,929 officers across the 43 territorial forces in England and Wales; a fall "
        "of nearly 20,000 compared to a decade earlier.",
        claim("121,929", 121929, "count", qualifier="exact", change=None, measure="officers",
              place="England and Wales", period="September", speaker=None),
        claim("43", 43, "count", qualifier="exact", change=None, measure="forces", place="England and Wales"),
        claim("20,000", 20000, "count", qualifier="upper_bound", change="decrease", measure="officers",
              place="England and Wales"),
        only=True),
    dev("dev-000-40-million-funding", 0,
        "Underpinned by £40 million of Home Office funding and a new Offensive Weapons Bill, the new strategy for "
        "south of the border:",
        claim("£40 million", 40_000_000, "GBP", qualifier="exact", change=None, measure="funding", speaker=None),
        only=True),
    dev("dev-001-loss-of-21000-officers", 1,
        "Mr Corbyn highlighted the loss of 21,000 police officers across the UK since 2010 as he and Mr Khan launch "
        "Labour's local election campaign in London.",
        claim("21,000", 21000, "count", qualifier="exact", change="decrease", measure="police officers",
              place=("UK", "United Kingdom"), period="since 2010", speaker="Jeremy Corbyn"),
        only=True, absent=("2010",)),
    dev("dev-001-40-million-funding", 1,
        "The Serious Violence Strategy she announced on Monday is underpinned by £40 million of Home Office funding "
        "and led by a new Offensive Weapons Bill that aims to make it particularly harder for young criminals to "
        "arm themselves.",
        claim("£40 million", 40_000_000, "GBP", qualifier="exact", change=None, measure="funding"),
        only=True),
    dev("dev-002-tens-of-millions-of-pounds", 2,
        "“It is clear that this government does not value young Londoners but I’m determined to invest in them, with "
        "tens of millions of pounds for activities to support them.",
        claim("tens of millions", None, "GBP", qualifier="approx", speaker="Sadiq Khan"),
        only=True),
    dev("dev-002-45-million-fund", 2,
        "He’s also pledged to put more youth workers in trauma centres and A&E departments, and through the £45 "
        "million ‘Young Londonders Fund’, youth clubs and community groups can apply for extra funding.",
        claim("£45 million", 45_000_000, "GBP", qualifier="exact", change=None, measure="fund"),
        only=True),
    dev("dev-002-more-than-50-killed", 2,
        "More than 50 people have been killed in violent attacks in London in 2018.",
        claim("50", 50, "count", qualifier="lower_bound", change=None, measure="people", place="London",
              period="2018", speaker=None),
        only=True, absent=("2018",)),
    dev("dev-003-500000-funding", 3,
        "The project has been launched with £500,000 worth of funding and will be working with schools, healthcare "
        "professionals, local councils and the police to try and divert young people from a life of crime, in "
        "particular violent crime.",
        claim("£500,000", 500_000, "GBP", qualifier="exact", change=None, measure="funding"),
        only=True),
    dev("dev-003-47-percent-drop-in-homicides", 3,
        "I welcome this initiative which proved successful in Glasgow, contributing to a 47 per cent drop in "
        "homicides between 2006-7 and 2016-17.",
        claim("47 per cent", 47, "percent", qualifier="exact", change="decrease", measure="homicides",
              place="Glasgow", period="2006-7", speaker="Jon Cruddas"),
        only=True, absent=("2006-7", "2016-17")),
    dev("dev-003-no-one-under-20-killed", 3,
        "In 2016/17 no one under 20 years old was killed as a result of knife crime in Scotland.",
        claim("no one", 0, "count", qualifier="exact", change=None, measure="killed", place="Scotland",
              period="2016/17"),
        only=True, absent=("20", "2016/17")),
    dev("dev-004-20000-extra-officers", 4,
        "Mr Corbyn has long advocated recruiting 20,000 extra officers to reverse police cuts, and since becoming PM "
        "Boris Johnson has also touted this policy.",
        claim("20,000", 20000, "count", qualifier="exact", change="increase", measure="officers",
              speaker="Jeremy Corbyn"),
        only=True),
    dev("dev-004-hundreds-of-young-people", 4,
        "Across our country, hundreds of young people have lost their lives in recent years.",
        claim("hundreds", None, "count", qualifier="approx", measure="young people", speaker="Jeremy Corbyn"),
        only=True),
    dev("dev-004-over-300-officers-islington", 4,
        "In Islington alone we have seen over 300 police officers cut from the borough.",
        claim("300", 300, "count", qualifier="lower_bound", change="decrease", measure="officers", place="Islington",
              speaker="Jeremy Corbyn"),
        only=True),
    dev("dev-004-21000-officers-and-40-percent-pcsos", 4,
        "Since 2010, over 21,000 police officers have been cut from our streets across the country as a result of "
        "austerity handed down by the Tories in Westminster, in addition to 40 per cent all police community "
        "support officers.",
        claim("21,000", 21000, "count", qualifier="lower_bound", change="decrease", measure="police officers",
              period="since 2010", speaker="Jeremy Corbyn"),
        claim("40 per cent", 40, "percent", qualifier="exact", change="decrease",
              measure="community support officers", period="since 2010", speaker="Jeremy Corbyn"),
        only=True, absent=("2010",)),
    dev("dev-004-youth-services-cut-by-70-percent", 4,
        "Across England our youth services have been cut by 70 per cent since 2010, with £880 million cut from the "
        "services that support our young people, in addition to councils losing half of their funding in total.",
        claim("70 per cent", 70, "percent", qualifier="exact", change="decrease", measure="youth services",
              place="England", period="since 2010", speaker="Jeremy Corbyn"),
        claim("£880 million", 880_000_000, "GBP", qualifier="exact", change="decrease", measure="services",
              place="England"),
        claim("half", 50, "percent", change="decrease", measure="funding"),
        only=True),
    dev("dev-004-more-than-5-percent-reduction", 4,
        "Despite these cuts, Islington Council, in partnership with the police and the local community are working "
        "hard to prevent and tackle crime, which has led to a more than 5 per cent reduction in crime across the "
        "borough in the last 12 months.",
        claim("5 per cent", 5, "percent", qualifier="lower_bound", change="decrease", measure="crime",
              place="Islington", period="last 12 months"),
        only=True, absent=("12",)),
    dev("dev-001-officers-cut-by-21000-quote", 1,
        '"You simply cannot maintain community cohesion when you slash funding to the police service and cut the '
        "number of officers on our streets by 21,000.",
        claim("21,000", 21000, "count", qualifier="exact", change="decrease", measure="officers",
              speaker="Jeremy Corbyn"),
        only=True),
    dev("dev-003-45-million-fund", 3,
        "This project is going to run alongside the Mayors Violent Crime Taskforce and the already established £45 "
        "million Young Londoners Fund which was established to provide young people with alternatives to crime.",
        claim("£45 million", 45_000_000, "GBP", qualifier="exact", change=None, measure="fund", speaker=None),
        only=True),
    # the seeds' figures that are not claims
    dev("dev-000-set-up-in-2005", 0, "The VRU was set up in 2005.", only=True),
    dev("dev-000-the-two-issues", 0,
        "He seized on leaked Home Office documents linking rising crime with shrinking police numbers and dismissed "
        'the claim by Home Secretary Amber Rudd that the two issues were unrelated as "absolute nonsense".',
        only=True),
    dev("dev-000-only-one-part", 0,
        '"Ending damaging Tory cuts to police numbers and putting more officers on our streets is essential but only '
        "one part of the solution.",
        only=True),
    dev("dev-001-list-number", 1, "1. ITV Report", only=True),
    dev("dev-003-ten-year-period-2007-to-2017", 3,
        "The initiative was introduced to Glasgow in 2005 and violent crime dropped significantly over a ten year "
        "period from 2007 to 2017.",
        only=True),
    dev("dev-004-last-nine-years", 4,
        "But the truth is that they are being asked to do more with less, and our police and the public services "
        "that we all rely on have been starved of the funding that they need over the last nine years.",
        only=True),
    dev("dev-004-one-too-many", 4, "One lost life, is one too many.", only=True),
]


# --- (b) own sentences -----------------------------------------------------------------------------------------

ECONOMY = [
    case("own-economy-firm-cut-2500-jobs",
         "The firm cut 2,500 jobs last year.",
         claim("2,500", 2500, "count", qualifier="exact", change="decrease", measure="jobs", period="last year"),
         only=True),
    case("own-economy-1.2bn-deal",
         "Shell agreed a £1.2bn deal to buy the company.",
         claim("£1.2bn", 1_200_000_000, "GBP", qualifier="exact", change=None, measure="deal"),
         only=True),
    case("own-economy-gbp-27-million",
         "The council's budget was cut by GBP 27 million.",
         claim("GBP 27 million", 27_000_000, "GBP", qualifier="exact", change="decrease", measure="budget"),
         only=True),
    case("own-economy-loss-of-300-jobs",
         "The company announced a loss of 300 jobs at its Sunderland plant.",
         claim("300", 300, "count", qualifier="exact", change="decrease", measure="jobs", place="Sunderland"),
         only=True),
    case("own-economy-wages-rose-5-percent-in-2015",
         "Wages rose 5% in 2015.",
         claim("5%", 5, "percent", qualifier="exact", change="increase", measure="wages", period="2015"),
         only=True, absent=("2015",)),
    case("own-economy-average-salary-london",
         "The average salary in London is £39,000.",
         claim("£39,000", 39000, "GBP", qualifier="exact", change=None, measure="salary", place="London"),
         only=True),
    case("own-economy-about-300000-employees",
         "Tesco employs about 300,000 people in the UK.",
         claim("300,000", 300_000, "count", qualifier="approx", change=None, measure="people",
               place=("UK", "United Kingdom")),
         only=True),
    case("own-economy-pound-fell-1.5-per-cent",
         "The pound fell 1.5 per cent against the dollar.",
         claim("1.5 per cent", "1.5", "percent", qualifier="exact", change="decrease", measure="pound"),
         only=True),
    case("own-economy-fees-rose-from-to",
         "Tuition fees rose from £9,000 to £9,250.",
         claim("£9,000", 9000, "GBP", change=None, measure="fees"),
         claim("£9,250", 9250, "GBP", change=None, measure="fees"),
         only=True),
    case("own-economy-5p-a-litre",
         "Petrol prices rose by 5p a litre.",
         claim("5p", "0.05", "GBP", qualifier="exact", change="increase", measure="petrol"),
         only=True),
    case("own-economy-2.5-trillion-dollars",
         "The national debt passed $2.5 trillion.",
         claim("$2.5 trillion", 2_500_000_000_000, "USD", qualifier="exact", change=None, measure="debt"),
         only=True),
    case("own-economy-1.2m-people",
         "Some 1.2m people are out of work.",
         claim("1.2m", 1_200_000, "count", qualifier="approx", change=None, measure="people"),
         only=True),
    case("own-economy-percent-as-one-word",
         "Sales fell 12 percent.",
         claim("12 percent", 12, "percent", qualifier="exact", change="decrease", measure="sales"),
         only=True),
    case("own-economy-unemployment-fell-to-4.2",
         "Unemployment fell to 4.2% in the three months to June.",
         claim("4.2%", "4.2", "percent", qualifier="exact", change=None, measure="unemployment", period="June"),
         only=True, absent=("three",)),
    case("own-economy-inflation-rose-0.3-points",
         "Inflation rose by 0.3 percentage points to 2.5% in March.",
         claim("0.3", "0.3", "percentage_point", qualifier="exact", change="increase", measure="inflation",
               period="March"),
         claim("2.5%", "2.5", "percent", qualifier="exact", change=None, measure="inflation", period="March"),
         only=True),
]

HEALTH = [
    case("own-health-waiting-list-7.6-million",
         "Waiting lists in England have risen to a record 7.6 million.",
         claim("7.6 million", 7_600_000, "count", qualifier="exact", change=None, measure="waiting list",
               place="England"),
         only=True),
    case("own-health-one-in-five-adults",
         "One in five adults in Wales smokes.",
         claim("One in five", 20, "percent", qualifier="exact", measure="adults", place="Wales"),
         only=True),
    case("own-health-two-thirds-of-patients",
         "Two-thirds of patients waited more than four hours in A&E.",
         claim("Two-thirds", Decimal(200) / 3, "percent", measure="patients", tolerance="0.01"),
         only=True, absent=("four",)),
    case("own-health-waiting-more-than-18-weeks",
         "The number of people waiting more than 18 weeks rose by 12 per cent.",
         claim("12 per cent", 12, "percent", qualifier="exact", change="increase", measure="people"),
         only=True, absent=("18",)),
    case("own-health-350000-nurses",
         "There are now 350,000 nurses working in the NHS in England.",
         claim("350,000", 350_000, "count", qualifier="exact", change=None, measure="nurses", place="England"),
         only=True),
    case("own-health-beds-lost-since-2010",
         "About 1,200 hospital beds have been lost since 2010.",
         claim("1,200", 1200, "count", qualifier="approx", change="decrease", measure="beds", period="since 2010"),
         only=True, absent=("2010",)),
    case("own-health-spending-scotland-said-jane-smith",
         "Health spending in Scotland will rise by £1.1bn, said Jane Smith.",
         claim("£1.1bn", 1_100_000_000, "GBP", qualifier="exact", change="increase", measure="spending",
               place="Scotland", speaker="Jane Smith"),
         only=True),
    case("own-health-gps-left",
         "Nearly 1,000 GPs left the NHS in Wales last year.",
         claim("1,000", 1000, "count", qualifier="upper_bound", measure="GPs", place="Wales", period="last year"),
         only=True),
    case("own-health-attendances-down-2.3",
         "A&E attendances were down 2.3% in December.",
         claim("2.3%", "2.3", "percent", qualifier="exact", change="decrease", measure="attendances",
               period="December"),
         only=True),
]

SCHOOLS = [
    case("own-schools-a-third-of-schools",
         "A third of schools in England are in deficit.",
         claim("third", Decimal(100) / 3, "percent", change=None, measure="schools", place="England",
               tolerance="0.01"),
         only=True),
    case("own-schools-nearly-9000-teachers",
         "Nearly 9,000 teachers quit the profession last year.",
         claim("9,000", 9000, "count", qualifier="upper_bound", measure="teachers", period="last year"),
         only=True),
    case("own-schools-8.9-million-pupils",
         "There are 8.9 million pupils in England's schools.",
         claim("8.9 million", 8_900_000, "count", qualifier="exact", change=None, measure="pupils",
               place="England"),
         only=True),
    case("own-schools-40-percent-leave-within-five-years",
         "Around 40% of teachers leave within five years of qualifying.",
         claim("40%", 40, "percent", qualifier="approx", measure="teachers"),
         only=True, absent=("five",)),
    case("own-schools-1500-teaching-assistants-axed",
         "The council axed 1,500 teaching assistants.",
         claim("1,500", 1500, "count", qualifier="exact", change="decrease", measure="teaching assistants"),
         only=True),
]

ELECTIONS = [
    case("own-elections-turnout-67.3",
         "Turnout was 67.3%, up from 66.1% in 2015.",
         claim("67.3%", "67.3", "percent", qualifier="exact", change=None, measure="turnout"),
         claim("66.1%", "66.1", "percent", qualifier="exact", change=None, measure="turnout", period="2015"),
         only=True, absent=("2015",)),
    case("own-elections-won-326-seats",
         "The Conservatives won 326 seats.",
         claim("326", 326, "count", qualifier="exact", change=None, measure="seats"),
         only=True),
    case("own-elections-majority-of-80",
         "The government has a majority of 80.",
         claim("80", 80, "count", qualifier="exact", change=None, measure="majority"),
         only=True),
    case("own-elections-lost-60-seats-scotland",
         "Labour lost 60 seats in Scotland.",
         claim("60", 60, "count", qualifier="exact", change="decrease", measure="seats", place="Scotland"),
         only=True),
    case("own-elections-48-of-59-seats",
         "The SNP won 48 of Scotland's 59 seats.",
         claim("48", 48, "count", qualifier="exact", measure="seats", place="Scotland"),
         claim("59", 59, "count", qualifier="exact", measure="seats", place="Scotland"),
         only=True),
    case("own-elections-some-32-million-voted",
         "Some 32 million people voted in the referendum.",
         claim("32 million", 32_000_000, "count", qualifier="approx", measure="people"),
         only=True),
]

DISASTERS = [
    case("own-disasters-at-least-1200-killed",
         "At least 1,200 people were killed in the earthquake.",
         claim("1,200", 1200, "count", qualifier="lower_bound", change=None, measure="people"),
         only=True),
    case("own-disasters-tens-of-thousands-displaced",
         "Tens of thousands of people were displaced by the floods.",
         claim("Tens of thousands", None, "count", qualifier="approx", measure="people"),
         only=True),
    case("own-disasters-hundreds-of-homes",
         "Hundreds of homes were destroyed.",
         claim("Hundreds", None, "count", qualifier="approx", measure="homes"),
         only=True),
    case("own-disasters-death-toll-rose-to",
         "The death toll rose to 3,400 on Tuesday.",
         claim("3,400", 3400, "count", qualifier="exact", change=None, measure="death toll"),
         only=True),
    case("own-disasters-no-one-injured",
         "No one was injured in the blaze.",
         claim("No one", 0, "count", qualifier="exact", change=None, measure="injured"),
         only=True),
    case("own-disasters-homes-without-power-us",
         "The storm left more than 200,000 homes without power in the US.",
         claim("200,000", 200_000, "count", qualifier="lower_bound", measure="homes",
               place=("US", "United States")),
         only=True),
    case("own-disasters-evacuated-bangladesh",
         "About 5,000 people have been evacuated from their homes in Bangladesh.",
         claim("5,000", 5000, "count", qualifier="approx", measure="people", place="Bangladesh"),
         only=True),
    case("own-disasters-an-estimated-2500-missing",
         "An estimated 2,500 people are still missing.",
         claim("2,500", 2500, "count", qualifier="approx", measure="people"),
         only=True),
    case("own-disasters-dozens-injured",
         "Dozens of people were injured.",
         claim("Dozens", None, "count", qualifier="approx", measure="people"),
         only=True),
]

NUMBERS_IN_WORDS = [
    case("own-words-half-a-million-marched",
         "Half a million people marched through Glasgow on Saturday.",
         claim("Half a million", 500_000, "count", qualifier="exact", measure="people"),
         only=True),
    case("own-words-quarter-of-a-million-nationality",
         "A quarter of a million Sri Lankans lost their homes in the floods.",
         claim("A quarter of a million", 250_000, "count", qualifier="exact"),
         only=True),
    case("own-words-two-million-britons",
         "Two million Britons travelled abroad at Easter.",
         claim("Two million", 2_000_000, "count", qualifier="exact"),
         only=True),
    case("own-words-quarter-of-a-billion-pounds",
         "Ministers spent a quarter of a billion pounds on agency nurses.",
         claim("a quarter of a billion pounds", 250_000_000, "GBP", qualifier="exact"),
         only=True),
    case("own-words-nearly-three-quarters-of-a-million",
         "Nearly three quarters of a million homes lost power during the storm.",
         claim("Nearly three quarters of a million", 750_000, "count", qualifier="upper_bound", measure="homes"),
         only=True),
    case("own-words-half-a-percentage-point",
         "The Bank of England cut interest rates by half a percentage point.",
         claim("half a percentage point", "0.5", "percentage_point", change="decrease"),
         only=True),
    case("own-words-a-dozen-schools",
         "A dozen schools have closed.",
         claim("dozen", 12, "count", qualifier="exact", measure="schools"),
         only=True),
    case("own-words-fifteen-people-arrested",
         "Fifteen people were arrested after the match.",
         claim("Fifteen", 15, "count", qualifier="exact", measure="people"),
         only=True),
    case("own-words-half-of-adults",
         "Half of adults say they have no savings.",
         claim("Half", 50, "percent", qualifier="exact", measure="adults"),
         only=True),
    case("own-words-seven-in-ten-voters",
         "Seven in ten voters backed the plan.",
         claim("Seven in ten", 70, "percent", qualifier="exact", measure="voters"),
         only=True),
    case("own-words-four-million-people",
         "Four million people live in poverty.",
         claim("Four million", 4_000_000, "count", qualifier="exact", measure="people"),
         only=True),
    case("own-words-a-quarter-of-children",
         "A quarter of children in the UK live in poverty.",
         claim("quarter", 25, "percent", qualifier="exact", measure="children", place=("UK", "United Kingdom")),
         only=True),
    case("own-words-three-hundred-jobs",
         "Three hundred jobs will go at the factory.",
         claim("Three hundred", 300, "count", qualifier="exact", measure="jobs"),
         only=True),
    case("own-words-a-million-marched",
         "A million people marched in London.",
         claim("million", 1_000_000, "count", qualifier="exact", measure="people", place="London"),
         only=True),
    case("own-words-1-in-4-children",
         "1 in 4 children lives in poverty.",
         claim("1 in 4", 25, "percent", qualifier="exact", measure="children"),
         only=True),
    case("own-words-three-people-died",
         "Three people died in the fire.",
         claim("Three", 3, "count", qualifier="exact", measure="people"),
         only=True),
]

RANGES = [
    case("own-ranges-10-20-percent",
         "Fares will rise by 10-20%.",
         claim("10-20%", ANY, "percent", low=10, high=20, change="increase", measure="fares"),
         only=True),
    case("own-ranges-between-2000-and-3000-people",
         "Between 2,000 and 3,000 people attended the rally.",
         claim("2,000 and 3,000", ANY, "count", low=2000, high=3000, measure="people"),
         only=True),
    case("own-ranges-3-5m",
         "The repairs will cost £3-5m.",
         claim("£3-5m", ANY, "GBP", low=3_000_000, high=5_000_000),
         only=True),
]

ZERO_AND_POINTS = [
    case("own-zero-not-a-single-person-charged",
         "Not a single person was charged.",
         claim("Not a single", 0, "count", qualifier="exact"),
         only=True),
    case("own-zero-nobody-hurt",
         "Nobody was hurt in the crash.",
         claim("Nobody", 0, "count", qualifier="exact"),
         only=True),
    case("own-points-unemployment-rose-0.2-points",
         "Unemployment rose by 0.2 percentage points to 4.0%.",
         claim("0.2", "0.2", "percentage_point", change="increase", measure="unemployment"),
         claim("4.0%", 4, "percent", change=None, measure="unemployment"),
         only=True),
    case("own-points-pp-abbreviation",
         "The Tory lead fell by 3pp.",
         claim("3pp", 3, "percentage_point", change="decrease", measure="lead"),
         only=True),
    case("own-points-quarter-point-cut-expected",
         "Mortgage rates are predicted to fall by a quarter-point in May.",
         claim("quarter-point", "0.25", "percentage_point", change="decrease", measure="mortgage rates",
               period="May"),
         only=True),
    case("own-points-half-point-rises-no-article",
         "The central bank has made half-point rises in March and June.",
         claim("half-point", "0.5", "percentage_point", change="increase"),
         only=True),
    nothing("not-points-fourth-quarter-points-to", "A weak fourth quarter points to slower growth next year."),
]

QUALIFIERS = [
    case("own-qualifiers-about", "About 400 jobs are at risk.",
         claim("400", 400, "count", qualifier="approx", measure="jobs"), only=True),
    case("own-qualifiers-around", "Around 3,000 homes will be built.",
         claim("3,000", 3000, "count", qualifier="approx", measure="homes"), only=True),
    case("own-qualifiers-roughly", "Roughly 40% of voters are undecided.",
         claim("40%", 40, "percent", qualifier="approx", measure="voters"), only=True),
    case("own-qualifiers-some", "Some 500 people attended the vigil.",
         claim("500", 500, "count", qualifier="approx", measure="people"), only=True),
    case("own-qualifiers-an-estimated", "An estimated 1.5 million people visited the exhibition.",
         claim("1.5 million", 1_500_000, "count", qualifier="approx", measure="people"), only=True),
    case("own-qualifiers-almost", "Almost 2,000 flights were cancelled.",
         claim("2,000", 2000, "count", qualifier="upper_bound", measure="flights"), only=True),
    case("own-qualifiers-nearly", "Nearly 60% of pupils passed.",
         claim("60%", 60, "percent", qualifier="upper_bound", measure="pupils"), only=True),
    case("own-qualifiers-just-under", "Just under 1,000 patients were treated.",
         claim("1,000", 1000, "count", qualifier="upper_bound", measure="patients"), only=True),
    case("own-qualifiers-up-to", "Up to 800 staff could lose their jobs.",
         claim("800", 800, "count", qualifier="upper_bound", measure="staff"), only=True),
    case("own-qualifiers-less-than", "Less than 10% of the budget was spent.",
         claim("10%", 10, "percent", qualifier="upper_bound", measure="budget"), only=True),
    case("own-qualifiers-fewer-than", "Fewer than 50 cases were reported.",
         claim("50", 50, "count", qualifier="upper_bound", measure="cases"), only=True),
    case("own-qualifiers-more-than", "More than 100 people were arrested.",
         claim("100", 100, "count", qualifier="lower_bound", measure="people"), only=True),
    case("own-qualifiers-over", "Over 4,000 refugees arrived in Greece.",
         claim("4,000", 4000, "count", qualifier="lower_bound", measure="refugees", place="Greece"), only=True),
    case("own-qualifiers-at-least", "At least 30 people died.",
         claim("30", 30, "count", qualifier="lower_bound", measure="people"), only=True),
    case("own-qualifiers-just-over", "Just over 1,500 homes were sold.",
         claim("1,500", 1500, "count", qualifier="lower_bound", measure="homes"), only=True),
    case("own-qualifiers-exact", "The company employs 2,300 people.",
         claim("2,300", 2300, "count", qualifier="exact", change=None, measure="people"), only=True),
]

CHANGE = [
    # what a card or a disk lets one add "up to" is a capacity, not a rise
    case("own-change-add-up-to-a-capacity", "Owners can add up to 64GB of storage with a memory card.",
         claim("up to 64GB", 64, "GB", change=None), only=True),
    case("own-change-added-a-count-is-a-rise", "The hospital added 300 beds last year.",
         claim("300", 300, "count", change="increase"), only=True),
    # a figure a comparative and "than" follow is a difference: a change
    case("own-change-lower-than-expected", "The council said its deficit will be £5m lower than expected.",
         claim("£5m", 5_000_000, "GBP", change="decrease", measure="deficit"), only=True),
    case("own-change-higher-than-a-year-ago", "Hospital admissions were 12% higher than a year ago.",
         claim("12%", 12, "percent", change="increase"), only=True),
    # a part that "makes up" a whole is no rise
    case("own-change-makes-up-is-no-rise", "Nurses make up 40% of the hospital's staff.",
         claim("40%", 40, "percent", change=None, measure="share of staff"), only=True),
    case("own-change-made-up-a-third", "Imports made up a third of the market last year.",
         claim("a third", 33.33, "percent", change=None), only=True),
    case("own-change-fell-by-then-to", "Crime fell by 7% to 5.2 million offences.",
         claim("7%", 7, "percent", change="decrease", measure="crime"),
         claim("5.2 million", 5_200_000, "count", change=None),
         only=True),
    case("own-change-shed-jobs", "The bank shed 1,200 jobs.",
         claim("1,200", 1200, "count", change="decrease", measure="jobs"), only=True),
    case("own-change-exports-increased-by", "Exports increased by £2bn.",
         claim("£2bn", 2_000_000_000, "GBP", change="increase", measure="exports"), only=True),
    case("own-change-doubled-to-level", "Membership has doubled to 500,000.",
         claim("500,000", 500_000, "count", change=None, measure="membership"), only=True),
    case("own-change-15-percent-rise-in-burglaries", "There was a 15% rise in burglaries.",
         claim("15%", 15, "percent", change="increase", measure="burglaries"), only=True),
    case("own-change-drop-in-visitor-numbers", "Museums saw a 20% drop in visitor numbers.",
         claim("20%", 20, "percent", change="decrease", measure="visitor"), only=True),
    case("own-change-budget-slashed-by", "The library budget was slashed by £300,000.",
         claim("£300,000", 300_000, "GBP", change="decrease", measure="budget"), only=True),
]

PLACES = [
    case("own-place-hackney", "Knife crime in Hackney rose by 12%.",
         claim("12%", 12, "percent", change="increase", measure="knife crime", place="Hackney"), only=True),
    case("own-place-france", "Unemployment in France fell to 7.1%.",
         claim("7.1%", "7.1", "percent", change=None, measure="unemployment", place="France"), only=True),
    case("own-place-the-us", "In the US, 1.2 million jobs were added in March.",
         claim("1.2 million", 1_200_000, "count", change="increase", measure="jobs",
               place=("US", "United States"), period="March"),
         only=True),
    case("own-place-camden-rents", "Rents in Camden rose 8% last year.",
         claim("8%", 8, "percent", change="increase", measure="rents", place="Camden", period="last year"),
         only=True),
    case("own-place-germany-possessive", "Germany's economy shrank by 0.3%.",
         claim("0.3%", "0.3", "percent", change="decrease", measure="economy", place="Germany"), only=True),
    case("own-place-england-and-wales", "Across England and Wales, 6,000 officers were recruited.",
         claim("6,000", 6000, "count", change="increase", measure="officers", place="England and Wales"),
         only=True),
    case("own-measure-gap-between",
         "The gap between the richest and poorest households widened to £40,000.",
         claim("£40,000", 40000, "GBP", change=None, measure="gap between the richest and poorest households"),
         only=True),
    case("own-measure-times-as-many",
         "The new scanner can handle three times as many patients as the old one.",
         claim("three times", 3, "times", measure="patients"), only=True),
    case("own-measure-converted-figure-shares-the-measure",
         "The trust's £12m (€14m) deficit for the year worried regulators.",
         claim("£12m", 12_000_000, "GBP", measure="deficit"),
         claim("€14m", 14_000_000, "EUR", measure="deficit"),
         only=True),
    case("own-measure-reached-after-a-first-figure",
         "Borrowing hit £30bn in 2020, after reaching £25bn the year before.",
         claim("£30bn", 30_000_000_000, "GBP", measure="borrowing"),
         claim("£25bn", 25_000_000_000, "GBP", measure="borrowing"),
         only=True),
    case("own-period-forecast-takes-the-target-of-the-sentence-before",
         "Ministers want every school connected to fast broadband by 2010. Pupils' use of the internet is expected "
         "to rise by 30%.",
         claim("30%", 30, "percent", change="increase", period="2010"), only=True, absent=("2010",)),
    case("own-period-forecast-takes-no-past-year",
         "The minimum wage was introduced in 1999. Unions expect it to rise by 5%.",
         claim("5%", 5, "percent", change="increase", period=None), only=True, absent=("1999",)),
    case("own-period-middle-of-the-century",
         "The population of Africa is projected to reach 2.5 billion by the middle of the century.",
         claim("2.5 billion", 2_500_000_000, "count", measure="population", place="Africa",
               period="middle of the century"),
         only=True),
    case("own-period-salary-a-year",
         "Newly qualified teachers will be paid £30,000 a year.",
         claim("£30,000", 30000, "GBP", period="a year"), only=True),
    case("own-period-dated-beats-a-rate",
         "Exports are forecast to grow by 3% a year until 2030.",
         claim("3%", 3, "percent", change="increase", measure="exports", period="until 2030"), only=True),
    case("own-place-city-and-day-range", "About 5,000 delegates attended the summit in Atlanta, which ran from 3 to "
         "5 March.",
         claim("5,000", 5000, "count", qualifier="approx", measure="delegates", place="Atlanta", period="March"),
         only=True, absent=("3 to 5",)),
    case("own-place-surname-is-no-place", "Mr Houston said 12 homes had been flooded.",
         claim("12", 12, "count", measure="homes", place=None), only=True),
    case("own-place-no-place", "Profits rose 9%.",
         claim("9%", 9, "percent", change="increase", measure="profits", place=None), only=True),
]

SPEAKERS = [
    case("own-speaker-said-jane-smith-straight-quotes",
         '"We have recruited 1,000 extra officers," said Jane Smith.',
         claim("1,000", 1000, "count", change="increase", measure="officers", speaker="Jane Smith"), only=True),
    case("own-speaker-curly-quotes-said-after",
         "“Crime has fallen by 10 per cent,” said Chief Constable Sara Thornton.",
         claim("10 per cent", 10, "percent", change="decrease", measure="crime", speaker="Sara Thornton"),
         only=True),
    case("own-speaker-said-colon-before-quote",
         'Sara Thornton said: "We have lost 300 officers."',
         claim("300", 300, "count", change="decrease", measure="officers", speaker="Sara Thornton"), only=True),
    case("own-speaker-group-said-on-a-day",
         "Around 40 schools will close for the day because of the strike, education officials said on Monday.",
         claim("40", 40, "count", qualifier="approx", measure="schools", speaker="officials"), only=True),
    case("own-speaker-group-of-expressed-fears",
         "Unions for hospital staff in Wales have expressed fears that up to 2,000 nursing posts could go.",
         claim("2,000", 2000, "count", qualifier="upper_bound", measure="nursing posts", place="Wales",
               speaker="unions"),
         only=True),
    case("own-speaker-with-analysts-saying",
         "Shares in the retailer fell, with analysts saying profits could drop by £40m.",
         claim("£40m", 40_000_000, "GBP", change="decrease", measure="profits", speaker="analysts"), only=True),
    case("own-speaker-found-that",
         "The inspectors also found that 30% of wards were understaffed.",
         claim("30%", 30, "percent", measure="wards", speaker="inspectors"), only=True),
    case("own-speaker-source-figures-show",
         "Department for Education (DfE) figures show 1,200 schools are short of a head teacher.",
         claim("1,200", 1200, "count", measure="schools", speaker=("DfE", "Department for Education")), only=True),
    case("own-speaker-which-claims",
         "The Taxpayers' Alliance, which claims 80,000 supporters, has said council tax rose 4%.",
         claim("80,000", 80000, "count", measure="supporters", speaker="Taxpayers"),
         claim("4%", 4, "percent", change="increase", measure="council tax", speaker="Taxpayers"),
         only=True),
    case("own-speaker-added-takes-a-figure",
         "The hospital added 40 beds over the winter.",
         claim("40", 40, "count", change="increase", measure="beds", speaker=None), only=True),
    case("own-speaker-he-added-points-before-the-quote",
         'Health economist Anna Patel said waiting lists were too long. She added: "Mr Lee in Leeds has seen 4,000 '
         'patients wait over a year."',
         claim("4,000", 4000, "count", measure="patients", speaker="Anna Patel"), only=True),
    case("own-speaker-narration-has-none",
         "Inflation was 2% in May.",
         claim("2%", 2, "percent", change=None, measure="inflation", period="May", speaker=None), only=True),
    case("own-speaker-the-minister-said",
         "Housing minister Kit Malthouse visited Leeds on Friday. The minister said 4,000 homes would be built.",
         claim("4,000", 4000, "count", measure="homes", speaker="Kit Malthouse"), only=True),
    case("own-speaker-she-said-quote",
         "Anita Charlesworth spoke at the conference. She said: “The NHS needs 40,000 more nurses.”",
         claim("40,000", 40000, "count", change="increase", measure="nurses", speaker="Anita Charlesworth"),
         only=True),
]

OWN_SENTENCES = (ECONOMY + HEALTH + SCHOOLS + ELECTIONS + DISASTERS + NUMBERS_IN_WORDS + RANGES + ZERO_AND_POINTS
                 + QUALIFIERS + CHANGE + PLACES + SPEAKERS)


# --- (c) not claims ---------------------------------------------------------------------------------------------

NOT_CLAIMS = [
    nothing("not-year", "The law was passed in 2015."),
    nothing("not-financial-year", "Spending in 2015/16 was unchanged."),
    nothing("not-financial-year-short", "The figures cover 2006-7."),
    nothing("not-date-month-day", "The vote will be held on May 3."),
    nothing("not-date-day-month-year", "The meeting took place on 3 May 2018."),
    nothing("not-date-of-birth", "He was born on 12 June 1990."),
    nothing("not-year-dating-back-to", "The parish records date back to 1538."),
    case("not-year-in-an-aside-dating-back-to", "The library, dating back to 1602, holds 13 million books.",
         claim("13 million", 13_000_000, "count"), only=True),
    nothing("not-time", "The train leaves at 10.30am."),
    nothing("not-duration-ten-years", "He served ten years in prison."),
    nothing("not-duration-12-months", "The trial lasted 12 months."),
    nothing("not-duration-six-months", "He was jailed for six months."),
    nothing("not-duration-10-minute-walk", "The station is a 10-minute walk away."),
    nothing("not-age-15-year-old", "A 15-year-old boy was stabbed."),
    nothing("not-age-under-20-years-old", "Applicants must be under 20 years old."),
    nothing("not-list-number", "1. Introduction"),
    nothing("not-phone-number", "Call 020 7946 0958 for details."),
    nothing("not-score", "Arsenal won 3-1 at home."),
    nothing("not-name-windows-7", "The laptop runs Windows 7."),
    nothing("not-name-channel-4", "The debate was shown on Channel 4."),
    nothing("not-name-a-show-opening-on-a-percentage", "She is the host of 100% Hits on a digital station."),
    case("a-percentage-before-a-source-without-a-comma", "This equated to a growth rate of 8% Aviva said.",
         claim("8%", 8, "percent")),
    # figures "and" joins after "up to" share the bound; after "almost" they do not
    case("up-to-shared-across-and", "The new line carries up to 40Gbps inbound and 10Gbps outbound.",
         claim("up to 40Gbps", 40, "Gbps", qualifier="upper_bound"),
         claim("10Gbps", 10, "Gbps", qualifier="upper_bound")),
    case("up-to-shared-across-and-items", "Up to 300 jobs and 20 branches will go.",
         claim("Up to 300", 300, "count", qualifier="upper_bound"), claim("20", 20, "count", qualifier="upper_bound")),
    case("almost-not-shared-across-and", "Almost 5,000 phones and 5,800 wallets were left on buses.",
         claim("Almost 5,000", 5000, "count", qualifier="upper_bound"),
         claim("5,800", 5800, "count", qualifier="exact")),
    # words that weigh a figure stand between the verb of change and the figure: it is still a change
    case("change-after-just", "Hospital admissions fell just 0.4% in June.",
         claim("0.4%", "0.4", "percent", change="decrease", measure="admissions")),
    case("change-after-a-mere", "Ticket prices climbed a mere 1.5% this year.",
         claim("1.5%", "1.5", "percent", change="increase", measure="prices")),
    case("change-by-only", "Union membership rose by only 2% in 2020.",
         claim("2%", 2, "percent", change="increase", measure="membership")),
    case("not-name-model-and-variant", "The ferry firm ordered four Damen 250-400 vessels.",
         claim("four", 4, "count"), only=True),
    nothing("not-name-variant-with-letters", "The 787-900ER was shown to buyers at the fair."),
    nothing("not-name-title-case-words", "She starred in Million Dollar Baby and Six Feet Under."),
    nothing("not-label-district", "Voters in district 4 and zone 2 chose a new councillor."),
    nothing("not-label-sector-block", "The storm hit sector 5 and block 7 of the estate hardest."),
    nothing("not-name-covid-19", "Hospitals struggled to cope with COVID-19."),
    nothing("not-name-g8", "Leaders met at the G8 summit."),
    nothing("not-name-six-nations", "Wales won the Six Nations."),
    nothing("not-name-m25", "The M25 was closed."),
    nothing("not-idiom-one-too-many", "One death is one too many."),
    nothing("not-idiom-one-of-the", "It is one of the best schools in the country."),
    nothing("not-anaphora-the-two-men", "The two men were arrested."),
    nothing("not-half-time", "He scored just before half-time."),
    nothing("not-top-10", "The film reached the top 10."),
    nothing("not-reference-24/7", "The shop is open 24/7."),
    nothing("not-page-number", "The details are on page 12 of the report."),
    nothing("not-year-as-modifier", "The 2019 general election changed everything."),
    nothing("not-years-span", "Violence fell over the period from 2007 to 2017."),
    nothing("not-decade", "Crime peaked in the 1990s."),
    nothing("not-month-year", "The rules changed in June 2019."),
    nothing("not-quarter-year", "Profits were flat in Q3 2019."),
    nothing("not-century", "The church dates from the 12th century."),
    nothing("not-date-ordinal", "The deadline is 1st January."),
    nothing("not-time-24-hour", "The attack happened at 23:15."),
    nothing("not-idiom-one-day", "One day, things will change."),
    nothing("not-anaphora-the-three-suspects", "The three suspects were released on bail."),
    nothing("not-age-ten-year-old-in-words", "A ten-year-old girl was hurt."),
    nothing("not-age-in-his-40s", "The victim, a man in his 40s, was taken to hospital."),
    nothing("not-age-aged-15", "A boy aged 15 was arrested."),
    nothing("not-name-boeing-737", "The Boeing 737 was grounded."),
    nothing("not-name-radio-4", "She told BBC Radio 4 that she would resign."),
    nothing("not-name-route-66", "They drove along Route 66."),
    case("not-duration-beside-a-claim",
         "Unemployment fell by 3% over the past two years.",
         claim("3%", 3, "percent", change="decrease", measure="unemployment"),
         only=True, absent=("two",)),
]


# --- (d) known failures -----------------------------------------------------------------------------------------

KNOWN_FAILURES = [
    # measure: a time, place or rate phrase after the figure is taken for what it measures
    case("own-disasters-death-toll-rose-by",
             "The death toll rose by 150 overnight.",
             claim("150", 150, "count", qualifier="exact", change="increase", measure="death toll"),
             only=True),
    case("own-economy-13009-million-dollars",
             "Apple reported revenue of $13,009 million for the quarter.",
             claim("$13,009 million", 13_009_000_000, "USD", qualifier="exact", change=None, measure="revenue"),
             only=True),
    case("own-economy-exports-to-france-fell",
             "Exports to France fell by €3.5 billion.",
             claim("€3.5 billion", 3_500_000_000, "EUR", qualifier="exact", change="decrease", measure="exports",
                   place="France"),
             only=True),
    # measure: the subject before the verb is missed or cut short
    case("own-economy-shares-down-3-percent",
             "Shares in the company were down 3% at midday.",
             claim("3%", 3, "percent", qualifier="exact", change="decrease", measure="shares"),
             only=True),
    case("own-points-support-rose-5-per-cent",
             "Support for the party rose by 5 per cent.",
             claim("5 per cent", 5, "percent", change="increase", measure="support"),
             only=True),
    case("own-economy-rates-held-at-0.5",
             "The Bank of England held interest rates at 0.5%.",
             claim("0.5%", "0.5", "percent", qualifier="exact", change=None, measure="interest rates"),
             only=True),
    case("own-elections-share-fell-8-points",
             "The party's share of the vote fell by 8 percentage points to 32%.",
             claim("8 percentage points", 8, "percentage_point", qualifier="exact", change="decrease", measure="vote"),
             claim("32%", 32, "percent", qualifier="exact", change=None, measure="vote"),
             only=True),
    case("own-ranges-between-10-and-20-per-cent",
             "Prices are expected to rise by between 10 and 20 per cent.",
             claim("10 and 20 per cent", ANY, "percent", low=10, high=20, change="increase", measure="prices"),
             only=True),
    case("own-schools-funding-per-pupil",
             "Funding per pupil fell by 8% in real terms.",
             claim("8%", 8, "percent", qualifier="exact", change="decrease", measure="funding"),
             only=True),
    # measure: the verb 'cost' is taken as the measure, not the thing that costs
    case("own-words-two-and-a-half-million-pounds",
             "The project will cost two and a half million pounds.",
             claim("two and a half million", 2_500_000, "GBP", qualifier="exact", measure="project"),
             only=True),
    case("own-ranges-3m-to-5m",
             "The scheme will cost £3m to £5m.",
             claim("£3m to £5m", ANY, "GBP", low=3_000_000, high=5_000_000, measure="scheme"),
             only=True),
    case("own-qualifiers-or-more", "The bridge will cost £50m or more.",
             claim("£50m", 50_000_000, "GBP", qualifier="lower_bound", measure="bridge"), only=True),
    case("own-economy-50p-pint",
             "A pint of milk now costs 50p.",
             claim("50p", "0.5", "GBP", qualifier="exact", change=None, measure="milk"),
             only=True),
    # period: a period phrase is missed
    case("own-economy-gdp-grew-0.4-percent",
             "The UK economy grew by 0.4% in the third quarter.",
             claim("0.4%", "0.4", "percent", qualifier="exact", change="increase", measure="economy",
                   place=("UK", "United Kingdom"), period="third quarter", speaker=None),
             only=True),
    # change: 'an extra' / 'an additional' before the figure is not read as an increase
    case("own-health-extra-5000-nurses",
             "The NHS will recruit an extra 5,000 nurses by 2025.",
             claim("5,000", 5000, "count", qualifier="exact", change="increase", measure="nurses", period="2025"),
             only=True, absent=("2025",)),
    case("own-change-extra-500-nurses", "The hospital will hire an extra 500 nurses.",
             claim("500", 500, "count", change="increase", measure="nurses"), only=True),
    case("own-schools-additional-12m-wales",
             "Schools in Wales will receive an additional £12m.",
             claim("£12m", 12_000_000, "GBP", qualifier="exact", change="increase", place="Wales"),
             only=True),
    case("own-speaker-mr-hunt-after-jeremy-hunt",
             "Jeremy Hunt visited a hospital in Leeds on Friday. Mr Hunt said the NHS would get an extra £2bn.",
             claim("£2bn", 2_000_000_000, "GBP", change="increase", speaker="Jeremy Hunt"), only=True),
    # change: a figure that is not a change is read as one
    case("own-words-twenty-one-thousand-pounds",
             "The charity raised twenty-one thousand pounds.",
             claim("twenty-one thousand", 21000, "GBP", qualifier="exact", change=None),
             only=True),
    # value: unit conversion
    case("own-economy-rates-25-basis-points",
             "Interest rates were raised by 25 basis points.",
             claim("25", "0.25", "percentage_point", qualifier="exact", change="increase", measure="interest rates"),
             only=True),
    # place: a word that is not a place is read as one
    case("own-economy-us-dollar-5bn",
             "The group will invest US$5bn in Indonesia.",
             claim("US$5bn", 5_000_000_000, "USD", qualifier="exact", change=None, place="Indonesia"),
             only=True),
    case("own-economy-house-prices-up-2-percent",
             "House prices were up 2% on a year earlier, the Nationwide said.",
             claim("2%", 2, "percent", qualifier="exact", change="increase", measure="house prices",
                   speaker="Nationwide"),
             only=True),
    # speaker: organisations after 'according to' are not speakers
    case("own-speaker-according-to-ons",
             "Unemployment rose to 5.1%, according to the Office for National Statistics.",
             claim("5.1%", "5.1", "percent", change=None, measure="unemployment",
                   speaker="Office for National Statistics"),
             only=True),
    case("own-schools-teacher-numbers-according-to-dfe",
             "Teacher numbers fell by 2,000, according to the Department for Education.",
             claim("2,000", 2000, "count", qualifier="exact", change="decrease", measure="teacher",
                   speaker="Department for Education"),
             only=True),
    # not claims: numbers that are names, addresses, grades, ages, times, durations or scores are extracted
    nothing("not-name-article-50", "Article 50 was triggered in March."),
    nothing("not-name-apollo-11", "Apollo 11 landed on the Moon in 1969."),
    nothing("not-name-iphone-12", "Apple launched the iPhone 12 in October."),
    nothing("not-address-10-downing-street", "Protesters gathered outside 10 Downing Street."),
    case("own-schools-just-over-half-grade-4",
             "Just over half of pupils achieved a grade 4 or above in maths.",
             claim("half", 50, "percent", qualifier="lower_bound", measure="pupils"),
             only=True, absent=("4",)),
    nothing("not-age-aged-under-5", "Children aged under 5 travel free."),
    nothing("not-time-oclock", "The polls close at 10 o'clock."),
    nothing("not-compound-two-horse-race", "The mayoral election has become a two horse race."),
    nothing("not-compound-five-star-hotel", "Delegates stayed in a five star hotel near the station."),
    case("not-compound-no-one-way-fare",
         "The airline says no one-way fare will cost more than £99.",
         claim("£99", 99, "GBP"), only=True, absent=("no one",)),
    case("own-compound-in-digits-is-a-figure", "The council published a 40-page report on the closures.",
         claim("40", 40, "count", measure=("page", "report")), only=True),
    nothing("not-duration-two-years-ago", "Two years ago the site was empty."),
    nothing("not-score-2-0", "Chelsea beat Spurs 2-0."),
]


# --- (e) bbc spot-read: sentences of 20 random articles of the BBC News dataset, read against the contract ----
# Picked with random.Random(2026).sample(sorted(glob('corpus/bbc/*/*.txt')), 20); each row names its article.

BBC_SPOT_READ = [
    # business/488: US budget deficit
    case("bbc-business-488-deficit-368bn-officials-said",
               "The US budget deficit is set to hit a worse-than-expected $368bn (£197bn) this year, officials said "
               "on Tuesday.",
               claim("$368bn", 368_000_000_000, "USD", qualifier="exact", change=None, measure="deficit", place="US",
                     period="this year", speaker="officials"),
               claim("£197bn", 197_000_000_000, "GBP", qualifier="exact", change=None, measure="deficit", place="US",
                     period="this year", speaker="officials"),
               only=True),
    case("bbc-business-488-further-100bn-analysts",
               "The cost of military operations still needs to be factored in, with analysts saying the deficit could "
               "end up a further $100bn in the red.",
               claim("$100bn", 100_000_000_000, "USD", change="increase", measure="deficit", speaker="analysts"),
               only=True),
    case("bbc-business-488-348bn-shortfall-cbo-forecasts",
               "Past Congressional Budget Office (CBO) forecasts said there would be a $348bn shortfall in the 2005 "
               "fiscal year.",
               claim("$348bn", 348_000_000_000, "USD", qualifier="exact", change=None, measure="shortfall",
                     period="2005 fiscal year", speaker=("Congressional Budget Office", "CBO")),
               only=True, absent=("2005",)),
    case("bbc-business-488-trade-gap-more-than-60bn",
               "In November, the gap between US exports and imports widened to more than $60bn, a record figure.",
               claim("$60bn", 60_000_000_000, "USD", qualifier="lower_bound", change=None, measure="gap",
                     place="US", period="November"),
               only=True),
    case("bbc-business-488-412bn-and-377bn",
               "The budget deficit hit a record $412bn in the 12 months to 30 September 2004, after reaching $377bn in "
               "the previous fiscal year.",
               claim("$412bn", 412_000_000_000, "USD", change=None, measure="deficit",
                     period="12 months to 30 September 2004"),
               claim("$377bn", 377_000_000_000, "USD", change=None, measure="deficit", period="previous fiscal year"),
               only=True, absent=("12 months", "2004")),
    case("bbc-business-488-855bn-total-shortfall",
               "The CBO also forecast a total shortfall of $855bn for the years from 2006 to 2015, an improvement on "
               "previous projections.",
               claim("$855bn", 855_000_000_000, "USD", qualifier="exact", change=None, measure="shortfall",
                     period="2006 to 2015", speaker="CBO"),
               only=True, absent=("2006", "2015")),
    case("bbc-business-488-2-3.8-trillion-analysts-say",
               "However, analysts say the new figures fail to take into account the potential $2-$3.8 trillion costs "
               "of the president's plan to revamp state pensions and extend tax cuts.",
               claim("$2-$3.8 trillion", ANY, "USD", low=2_000_000_000_000, high=3_800_000_000_000, measure="costs",
                     speaker="analysts"),
               only=True),
    # sport/002: O'Sullivan
    nothing("bbc-sport-002-the-first-three-at-santry",
                  "The first three at Santry last Saturday, Jolene Byrne, Maria McCambridge and Fionnualla Britton, "
                  "are automatic selections."),
    nothing("bbc-sport-002-age-and-dates",
            "Athletics Ireland have hinted that the 35-year-old Cobh runner may be included in the official line-up "
            "for the event in France on 19-20 March."),
    # tech/241: film pirates
    case("bbc-tech-241-more-than-100-server-operators",
               "More than 100 server operators have been targeted in the actions launched in the US and UK, the MPAA "
               "added.",
               claim("More than 100", 100, "count", qualifier="lower_bound", change=None, measure="server operators",
                     place="US and UK", speaker="MPAA"),
               only=True),
    case("bbc-tech-241-200-individuals-last-month",
         "Last month major film studios started legal action against 200 individuals who were swapping films online.",
         claim("200", 200, "count", qualifier="exact", change=None, measure="individuals", period="Last month",
               speaker=None),
         only=True),
    # tech/279: voice control
    case("bbc-tech-279-two-us-firms",
         "Music and film fans will be able to control their digital media players just by speaking to them, under "
         "plans in development by two US firms.",
         claim("two", 2, "count", qualifier="exact", measure="firms", place="US"),
         only=True),
    case("bbc-tech-279-tens-of-thousands-of-songs",
         "But with tens of thousands of songs able to be stored on one player, voice control would make finding that "
         "elusive track by Elvis Presley much easier.",
         claim("tens of thousands", None, "count", qualifier="approx", measure="songs"),
         only=True),
    # business/421: LSE takeover
    case("bbc-business-421-bids-1.4bn-and-1.5bn",
               "Speculation suggests that Paris-based Euronext has the facilities in place to make a bid of £1.4bn, "
               "while its German rival may up its bid to the £1.5bn mark.",
               claim("£1.4bn", 1_400_000_000, "GBP", change=None, measure="bid"),
               claim("£1.5bn", 1_500_000_000, "GBP", change=None, measure="bid"),
               only=True),
    case("bbc-business-421-up-to-300-jobs-unions",
               "Unions for Deutsche Boerse staff in Frankfurt have reportedly expressed fears that up to 300 jobs "
               "would be moved to London if the takeover is successful.",
               claim("300", 300, "count", qualifier="upper_bound", measure="jobs", speaker="Unions"),
               only=True),
    case("bbc-business-421-1.3bn-offer",
         "A £1.3bn offer from Deutsche Boerse has already been rejected, while Euronext has said it will make an all "
         "cash bid.",
         claim("£1.3bn", 1_300_000_000, "GBP", qualifier="exact", change=None, measure="offer", speaker=None),
         only=True),
    # politics/019: drink remark
    case("bbc-politics-019-100-teenagers-quote",
               'Scotsman journalist Hamish MacDonell said he believed the bigger picture had been "obscured" by the '
               'remark. Mr MacDonell said that the first minister should know by now that if he said things which '
               'were "off the mark", they were bound to "come back and bite him". He added: "Here, Mr McConnell '
               'was talking in the Highlands to 100 teenagers and every word he said was put out on a webcast."',
               claim("100", 100, "count", qualifier="exact", measure="teenagers", place="Highlands",
                     speaker="MacDonell"),
               only=True),
    case("bbc-politics-019-more-than-100-pupils",
               "Mr McConnell was speaking on Monday to more than 100 secondary pupils from schools in the Highlands "
               "about the problems of binge drinking and drink promotions.",
               claim("100", 100, "count", qualifier="lower_bound", measure="pupils", place="Highlands"),
               only=True),
    # sport/416: Italy 8-38 Wales
    nothing("bbc-sport-416-score-headline", "Italy 8-38 Wales"),
    # a match's own figures (conversions, tries, players beaten) are counts like any other: the contract lists
    # scores, not match events, among what is not a claim
    case("bbc-sport-416-four-conversions",
         "Fly-half Stephen Jones added four conversions as Wales maintained their superb start to this year's "
         "tournament.",
         claim("four", 4, "count", qualifier="exact", measure="conversions", speaker=None),
         only=True),
    known("place: 'England', named in an aside about the boots, is given to the players Henson beat",
          case("bbc-sport-416-beat-two-players",
               "Henson, sporting gold boots rather than the silver variety that did for England, beat two players "
               "with ease out on the left touchline.",
               claim("two", 2, "count", qualifier="exact", measure="players", place=None),
               only=True)),
    case("bbc-sport-416-two-superb-tries",
         "But Wales put the outcome beyond doubt with two superb tries in four minutes before the hour.",
         claim("two", 2, "count", qualifier="exact", measure="tries"),
         only=True, absent=("four",)),
    case("bbc-sport-416-five-more-replacements",
         "With Jones converting both for a 33-8 lead, Wales had the luxury of sending on five more replacements for "
         "the final quarter.",
         claim("five", 5, "count", qualifier="exact", measure="replacements"),
         only=True, absent=("33-8",)),
    nothing("bbc-sport-416-half-time-score",
            "Tries from Jonathan Thomas, Tom Shanklin and Martyn Williams gave the visitors a 19-5 half-time "
            "advantage."),
    nothing("bbc-sport-416-first-time-in-11-years",
            "But after back-to-back wins at the start of the tournament for the first time in 11 years, they will "
            "travel to Paris in a fortnight looking like genuine contenders."),
    # tech/193: gadget show
    case("bbc-tech-193-gadgets-to-grow-11-percent",
               "The explosion in consumer technology is to continue into 2005, delegates at the world's largest "
               "gadget show, in Las Vegas, have been told. The number of gadgets in the shops is predicted to grow by "
               "11%, while devices which talk to each other will become increasingly important.",
               claim("11%", 11, "percent", qualifier="exact", change="increase", measure="gadgets", period="2005"),
               only=True, absent=("2005",)),
    case("bbc-tech-193-57-percent-female-buyers",
               "More than 57% of the consumer electronics market is made up of female buyers, according to CEA "
               "research.",
               claim("57%", 57, "percent", qualifier="lower_bound", change=None, measure="female buyers",
                     speaker="CEA"),
               only=True),
    case("bbc-tech-193-102-inch-plasma",
               "Elsewhere at the show, there was a plethora of colour and plasma screens, including Samsung's "
               "102-inch (2.6 metre) plasma - the largest in the world.",
               claim("102-inch", 102, "in", measure="plasma"),
               claim("2.6 metre", "2.6", "m", measure="plasma"),
               only=True),
    case("bbc-tech-193-six-times-as-much-data",
               "Industry experts were also excited about high-definition technologies coming to the fore in 2005, with "
               "new formats for DVDs coming out which will hold six times as much data as conventional DVDs.",
               claim("six times", 6, "times", measure="data"),
               only=True, absent=("2005",)),
    case("bbc-tech-193-5gb-hard-drive",
               "With so many devices on the move there were a lot of products on show offering external storage, like "
               "Seagate's 5GB pocket sized external hard drive, which won an innovation for engineering and design "
               "prize.",
               claim("5GB", 5, "GB", measure="hard drive"),
               only=True),
    case("bbc-tech-193-120000-trade-professionals",
               "More than 120,000 trade professionals attended CES in Las Vegas, which officially ran from 6 to 9 "
               "January.",
               claim("120,000", 120_000, "count", qualifier="lower_bound", change=None, measure="trade professionals",
                     place="Las Vegas", period="January"),
               only=True, absent=("6 to 9",)),
    case("bbc-tech-193-average-growth-4-percent-cea",
         "At the start of last year's CES, the CEA predicted there would be an average growth of 4% in 2004.",
         claim("4%", 4, "percent", qualifier="exact", change="increase", measure="growth", period="2004",
               speaker="CEA"),
         only=True),
    # sport/500: Henman
    case("bbc-sport-500-won-36-of-50-matches",
         "Henman leaves Davis Cup tennis with an impressive record, having won 36 of his 50 matches.",
         claim("36", 36, "count", qualifier="exact", change=None, measure="matches", speaker=None),
         claim("50", 50, "count", qualifier="exact", change=None, measure="matches", speaker=None),
         only=True),
    nothing("bbc-sport-500-lost-3-2", "Britain eventually lost the contest 3-2."),
    # politics/087: Tory asylum plans
    case("bbc-politics-087-asylum-down-40-percent-phillips",
               "Commission for Racial Equality chairman Trevor Phillips said asylum applications were down 40% and "
               "economic migration down about 10%.",
               claim("40%", 40, "percent", qualifier="exact", change="decrease", measure="asylum applications",
                     speaker="Trevor Phillips"),
               claim("10%", 10, "percent", qualifier="approx", change="decrease", measure="economic migration",
                     speaker="Trevor Phillips"),
               only=True),
    case("bbc-politics-087-160000-a-year",
               "Mr Howard said nearly 160,000 people were settling in the UK every year - the size of a city like "
               "Peterborough.",
               claim("160,000", 160_000, "count", qualifier="upper_bound", change=None, measure="people", place="UK",
                     period="every year", speaker="Howard"),
               only=True),
    case("bbc-politics-087-two-out-of-10",
         "He said that only two out of 10 asylum seekers had their claims accepted under the current \"unfair and "
         "inhumane\" system.",
         claim("two out of 10", 20, "percent", qualifier="exact", change=None, measure="asylum seekers"),
         only=True),
    # business/011: Ask Jeeves
    case("bbc-business-011-revenue-exceeding-86m",
               "The firm's revenue nearly tripled in the fourth quarter of 2004, exceeding $86m (£46m).",
               claim("$86m", 86_000_000, "USD", qualifier="lower_bound", measure="revenue",
                     period="fourth quarter of 2004"),
               claim("£46m", 46_000_000, "GBP", qualifier="lower_bound", measure="revenue",
                     period="fourth quarter of 2004"),
               only=True),
    case("bbc-business-011-17m-profit-204m-google",
               "Its $17m profit for the quarter was dwarfed by the $204m announced by rival Google earlier in the "
               "week.",
               claim("$17m", 17_000_000, "USD", change=None, measure="profit", period="quarter"),
               claim("$204m", 204_000_000, "USD", change=None, measure="profit"),
               only=True),
    case("bbc-business-011-yahoo-earned-187m",
               "During the same quarter, Yahoo earned $187m, again tipping a resurgence in online advertising.",
               claim("$187m", 187_000_000, "USD", change=None, measure="earn", period="quarter"),
               only=True),
    case("bbc-business-011-shares-fell-some-4-percent",
         "In both cases, their shares fell by some 4%.",
         claim("4%", 4, "percent", qualifier="approx", change="decrease", measure="shares"),
         only=True),
    # business/331: Disney
    case("bbc-business-331-three-children-of-three-directors",
               "Disney failed to tell investors that between 1999 and 2001 it employed three adult children of three "
               "then directors.",
               claim("three", 3, "count", qualifier="exact", measure="children", period="1999"),
               claim("three", 3, "count", qualifier="exact", measure="directors", period="1999"),
               only=True, absent=("1999", "2001")),
    case("bbc-business-331-paid-60000-to-150000",
               "Their children were paid between $60,000 (£30,800) and $150,000 a year, with shareholders not being "
               "informed.",
               claim("$60,000", 60_000, "USD", measure=("paid", "payment"), period="a year"),
               claim("£30,800", 30_800, "GBP", measure=("paid", "payment"), period="a year"),
               claim("$150,000", 150_000, "USD", measure=("paid", "payment"), period="a year")),
    case("bbc-business-331-sec-found-more-than-1m",
               "The SEC also found that Disney did not disclose that a 50% Disney-owned subsidiary company - Lifetime "
               "- employed the wife of current Disney director John Bryson, and that she earned more than $1m a year.",
               claim("50%", 50, "percent", qualifier="exact", speaker="SEC"),
               claim("$1m", 1_000_000, "USD", qualifier="lower_bound", measure="earn", period="a year",
                     speaker="SEC"),
               only=True),
    case("bbc-business-331-more-than-200000-annually",
               "Finally, Disney also did not reveal that it provided more than $200,000 annually for office space, "
               "secretarial services, and a leased car and driver to former director Thomas Murphy.",
               claim("$200,000", 200_000, "USD", qualifier="lower_bound", measure=("office space", "services"),
                     period="annually"),
               only=True),
    # business/454: Deutsche Boerse shares
    case("bbc-business-454-shares-risen-more-than-3-percent",
               "Shares in Deutsche Boerse have risen more than 3% after a shareholder fund voiced opposition to the "
               "firm's planned takeover of the London Stock Exchange.",
               claim("3%", 3, "percent", qualifier="lower_bound", change="increase", measure="shares", place=None),
               only=True),
    case("bbc-business-454-tci-5-percent-1.35bn-offer",
               "TCI, which claims to represent owners of 5% of Deutsche Boerse's (DB) shares, has complained that the "
               "£1.35bn ($2.5bn) offer for the LSE is too high.",
               claim("5%", 5, "percent", qualifier="exact", change=None, measure="shares", speaker="TCI"),
               claim("£1.35bn", 1_350_000_000, "GBP", change=None, measure="offer"),
               claim("$2.5bn", 2_500_000_000, "USD", change=None, measure="offer"),
               only=True),
    case("bbc-business-454-tci-return-500m",
               "In voicing its opposition to the planned takeover, TCI said it would prefer to see Deutsche Boerse "
               "return $500m (£350m) to shareholders.",
               claim("$500m", 500_000_000, "USD", change=None, measure="return", speaker="TCI"),
               claim("£350m", 350_000_000, "GBP", change=None, measure="return", speaker="TCI"),
               only=True),
    case("bbc-business-454-up-3.4-percent-by-1030-gmt",
               "DB's shares were up 3.4% to 45.25 euros by 1030 GMT, the highest gainer in Frankfurt.",
               claim("3.4%", "3.4", "percent", qualifier="exact", change="increase", measure="shares",
                     place="Frankfurt"),
               claim("45.25 euros", "45.25", "EUR", qualifier="exact", change=None, measure="shares"),
               only=True, absent=("1030",)),
    # politics/284: Kennedy
    nothing("bbc-politics-284-three-party-election",
                  "\"This is really going to be the first modern three party UK election that we have all "
                  "experienced\"."),
    known("measure: 'Britain' (the place) is taken for the measure",
          case("bbc-politics-284-melted-away-in-a-third-of-britain",
               "\"The problem is that, geographically, the Conservative party has melted away in about a third of "
               "Britain.",
               claim("third", Decimal(100) / 3, "percent", qualifier="approx", measure="Conservative",
                     place="Britain", tolerance="0.01"),
               only=True)),
    case("bbc-politics-284-1-percent-tax-over-100000",
               "He insists his three headline commitments, to be financed from a 1% tax increase on those earning "
               "over £100,000 a year, will appeal right across the political spectrum.",
               claim("1%", 1, "percent", qualifier="exact", change="increase", measure="tax", period=None),
               claim("£100,000", 100_000, "GBP", qualifier="lower_bound", change=None, measure="earning",
                     period="a year")),
    # business/402: US interest rates
    case("bbc-business-402-quarter-point-to-2.25",
               "Borrowing costs are tipped to rise by a quarter of a percentage point to 2.25%.",
               claim("quarter", "0.25", "percentage_point", change="increase", measure="borrowing costs"),
               claim("2.25%", "2.25", "percent", change=None, measure="borrowing costs"),
               only=True),
    case("bbc-business-402-quarter-point-rises",
               "With the economic picture now looking more rosy, the Fed has implemented quarter percentage point "
               "rises in June, August, September and November.",
               claim("quarter", "0.25", "percentage_point", change="increase"),
               only=True),
    case("bbc-business-402-economy-grew-3.9-percent",
               "Although the US economy grew at an annual rate of 3.9% in the three months to September, analysts "
               "warn that Fed has to be careful not to move too aggressively.",
               claim("3.9%", "3.9", "percent", qualifier="exact", change="increase", measure="economy", place="US",
                     period="September"),
               only=True, absent=("three",)),
    # tech/024: Bioware auditions
    case("bbc-tech-024-hundreds-and-hundreds-of-characters",
               "\"There are hundreds and hundreds of characters in a typical Bioware game,\" said Shauna Perry, "
               "Bioware's audio and external resources producer.",
               claim("hundreds", None, "count", qualifier="approx", measure="characters", speaker="Shauna Perry"),
               only=True),
    nothing("bbc-tech-024-three-dimensions",
                  "People chosen to appear in a game will have their head scanned in three dimensions."),
    case("bbc-tech-024-hundreds-of-photos",
         "Hundreds of photos of the person's head are taken so that a model of the head can be generated in 3D.",
         claim("Hundreds", None, "count", qualifier="approx", measure="photos"),
         only=True, absent=("3D",)),
    nothing("bbc-tech-024-aged-18-to-99",
            "The company, which makes role playing games such as Knights of the Old Republic and Neverwinter Nights, "
            "is seeking people aged 18 to 99."),
    # business/048: Parmalat
    case("bbc-business-048-eight-times-higher",
               "The firm gained protection from creditors in 2003 after revealing debts of 14bn euros ($18.34bn; "
               "£9.6bn). This was eight times higher than it had previously stated.",
               claim("14bn euros", 14_000_000_000, "EUR", change=None, measure="debts", period="2003"),
               claim("$18.34bn", 18_340_000_000, "USD", change=None, measure="debts"),
               claim("£9.6bn", 9_600_000_000, "GBP", change=None, measure="debts"),
               claim("eight times", 8, "times", measure="debt"),
               only=True, absent=("2003",)),
    case("bbc-business-048-fall-from-7.3-to-6.9",
         "Creditors of Parmalat, the main operating company, are likely to see the percentage of debt they receive "
         "fall from 7.3% to 6.9%.",
         claim("7.3%", "7.3", "percent", qualifier="exact", change=None, measure="debt"),
         claim("6.9%", "6.9", "percent", qualifier="exact", change=None, measure="debt"),
         only=True),
    # tech/191: online commons
    nothing("bbc-tech-191-millions-of-cliques",
                  "There is a role for public bodies like the BBC, libraries, and government to bring people back "
                  "into public debate again instead of millions of \"cliques\" talking to each other, he added."),
    case("bbc-tech-191-53-percent-of-uk-households",
         "With 53% of UK households now with access to the net, the government, suggests Mr Davies, could act as an "
         "intermediary.",
         claim("53%", 53, "percent", qualifier="exact", change=None, measure="households", place="UK"),
         only=True),
    # politics/398: Lib Dems
    case("bbc-politics-398-37-english-council-areas",
               "Local government spokesman Ed Davey was speaking as the party launched its campaign for the local "
               "elections being held in 37 English council areas.",
               claim("37", 37, "count", qualifier="exact", change=None, measure="council areas",
                     place=("England", "English")),
               only=True),
    nothing("bbc-politics-398-date-5-may",
            "Looking to the coming elections, which are all expected to be held on 5 May, Mr Davey said: \"We are "
            "going to be winning more votes and winning more seats.\""),
    # entertainment/352: Vera Drake
    case("bbc-entertainment-352-five-awards-critics-circle",
               "The film has spent months being lauded with prizes, from the Venice Film Festival to five awards from "
               "the London Critics' Circle on Wednesday night.",
               # a weekday dates the count (but not a figure that was only announced then, as in the seeds)
               claim("five", 5, "count", qualifier="exact", measure="awards", place=None, period="on Wednesday"),
               only=True),
    case("bbc-entertainment-352-five-or-six-awards",
               "Empire magazine's reviews editor Dan Jolin said the film had \"a very good chance\" of doing well on "
               "Saturday, predicting that it would collect five or six awards.",
               claim("five", ANY, "count", low=5, high=6, measure="awards", speaker="Dan Jolin"),
               only=True),
    case("bbc-entertainment-352-nominated-in-11-categories",
         "Vera Drake, Mike Leigh's tale about a 1950s backstreet abortionist, is nominated in 11 categories.",
         claim("11", 11, "count", qualifier="exact", change=None, measure="categories"),
         only=True, absent=("1950s",)),
]


TABLE = DEVELOPMENT_SET + OWN_SENTENCES + NOT_CLAIMS + KNOWN_FAILURES + BBC_SPOT_READ


# --- checking ---------------------------------------------------------------------------------------------------


def _describe(c: ExtractedClaim) -> str:
    return (f"{c.mention!r}: value={c.value} low={c.low} high={c.high} unit={c.unit} qualifier={c.qualifier} "
            f"change={c.change} measure={c.measure!r} place={c.place!r} period={c.period!r} speaker={c.speaker!r} "
            f"subject={c.subject!r}")


def _claims_under_test(test_case: Case) -> list[ExtractedClaim]:
    claims = extract(test_case.text, test_case.published)
    if test_case.within is None:
        return claims
    at = test_case.text.find(test_case.within)
    assert at >= 0, f"sentence not found in its seed article: {test_case.within!r}"
    return [c for c in claims if at <= c.start and c.end <= at + len(test_case.within)]


def _text_matches(expected: Text, actual: str | None) -> bool:
    if expected is None:
        return actual is None
    options = (expected,) if isinstance(expected, str) else expected
    return actual is not None and any(o.lower() in actual.lower() for o in options)


def _number_matches(expected: Any, actual: Decimal | None, tolerance: Decimal) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return abs(Decimal(actual) - expected) <= tolerance


def _mismatches(expected: Expected, actual: ExtractedClaim) -> list[str]:
    problems = []
    for name in ("value", "low", "high"):
        want = getattr(expected, name)
        if want is not ANY and not _number_matches(want, getattr(actual, name), expected.tolerance):
            problems.append(f"{name}: expected {want}, got {getattr(actual, name)}")
    for name in ("unit", "qualifier", "change"):
        want = getattr(expected, name)
        if want is not ANY and getattr(actual, name) != want:
            problems.append(f"{name}: expected {want!r}, got {getattr(actual, name)!r}")
    for name in ("measure", "place", "period", "speaker", "subject"):
        want = getattr(expected, name)
        if want is not ANY and not _text_matches(want, getattr(actual, name)):
            problems.append(f"{name}: expected {want!r}, got {getattr(actual, name)!r}")
    return problems


@pytest.mark.parametrize("test_case", TABLE)
def test_extract_table(test_case: Case) -> None:
    check_case(test_case)


def check_case(test_case: Case) -> None:
    """Assert that the extractor finds in ``test_case`` the claims it expects, and none it says are absent."""
    claims = _claims_under_test(test_case)
    found = "\n  ".join(_describe(c) for c in claims) or "(none)"
    used: list[ExtractedClaim] = []
    problems: list[str] = []
    for want in test_case.expected:
        candidates = [c for c in claims if want.find in c.mention and c not in used]
        if not candidates:
            problems.append(f"no claim whose mention contains {want.find!r}")
            continue
        used.append(candidates[0])
        problems += [f"{want.find!r}: {p}" for p in _mismatches(want, candidates[0])]
    if test_case.only:
        extra = [c.mention for c in claims if c not in used]
        if extra:
            problems.append(f"unexpected claims: {extra}")
    for figure in test_case.absent:
        wrong = [c.mention for c in claims if figure in c.mention]
        if wrong:
            problems.append(f"{figure!r} is not a claim, but was extracted as {wrong}")
    assert not problems, "\n".join(problems) + f"\nextracted:\n  {found}"


# --- spans: every claim points back to its words ----------------------------------------------------------------


def _span_problems(text: str) -> list[str]:
    problems = []
    for c in extract(text):
        if text[c.start : c.end] != c.mention:
            problems.append(f"text[{c.start}:{c.end}] is {text[c.start:c.end]!r}, mention is {c.mention!r}")
        if text[c.sentence_start : c.sentence_end] != c.sentence:
            problems.append(f"sentence offsets of {c.mention!r} do not give its sentence")
        if not (c.sentence_start <= c.start < c.end <= c.sentence_end) or c.mention not in c.sentence:
            problems.append(f"mention {c.mention!r} is not inside its sentence {c.sentence!r}")
    return problems


@pytest.mark.parametrize("test_case", [pytest.param(p.values[0], id=p.id) for p in TABLE])
def test_table_claims_are_spans_of_the_text(test_case: Case) -> None:
    assert _span_problems(test_case.text) == []


@pytest.mark.parametrize("path", sorted(SEEDS_DIR.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_claims_are_spans_of_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert extract(text), "every seed article states figures"
    assert _span_problems(text) == []


def test_table_ids_are_unique() -> None:
    ids = [p.id for p in TABLE]
    assert len(ids) == len(set(ids))
