"""Claim attributes on news the seed articles never showed: whose figure, what happened, where, when, who says so.

Each group is one rule of the grammar, with sentences written for this table from other
topics (health, schools, economy, sport, disasters, elections, technology); matching is
as in ``test_extract_table``: measure by keyword, place, period, speaker and subject by
substring, ``None`` for none.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_table import ANY, Case, check_case, claim

from factcheck.extract import analyse
from factcheck.extract.document import document_place


def row(id: str, text: str, *expected, only: bool = False, absent: tuple[str, ...] = (),
        published: dt.date | None = None):
    return pytest.param(Case(text, expected, None, only, absent, published), id=id)


# --- who says so: organisations and sources, not only people --------------------------------------------------

SPEAKERS = [
    row("according-to-figures-from-an-office",
        "According to figures from the Office for National Statistics, unemployment fell to 5.1% in March.",
        claim("5.1%", "5.1", "percent", speaker="Office for National Statistics")),
    row("according-to-figures-from-a-department",
        "According to figures from the Department for Education, 640 primary schools had no head teacher in July.",
        claim("640", 640, "count", speaker="Department for Education")),
    row("according-to-a-report",
        "Hospital admissions for asthma rose 9% last winter, according to a report.",
        claim("9%", 9, "percent", speaker="report")),
    row("according-to-a-study",
        "Car thefts in the city dropped 14% over the summer, according to a study.",
        claim("14%", 14, "percent", speaker="study")),
    row("according-to-a-named-firm-after-its-trade",
        "According to accountants Grant Marsh LLP, the two clubs earned £310m between them.",
        claim("£310m", 310_000_000, "GBP", speaker="Grant Marsh LLP")),
    row("according-to-a-named-consultancy-after-its-trade",
        "According to consultants Pellow Hartigan, the book festival brought £12m into the town.",
        claim("£12m", 12_000_000, "GBP", speaker="Pellow Hartigan")),
    row("according-to-a-publication-named-with-its-kind",
        "The mill closed with 240 jobs lost, according to an article in the regional newspaper Valley Post.",
        claim("240", 240, "count", speaker="Valley Post")),
    row("according-to-a-magazine-named-with-its-kind",
        "Ticket sales for the opera season reached 85,000, according to a piece in the arts magazine Stage Weekly.",
        claim("85,000", 85_000, "count", speaker="Stage Weekly")),
    row("the-ministry-said-in-a-statement",
        "The health ministry said in a statement that 1,200 nurses had been recruited.",
        claim("1,200", 1200, "count", speaker="health ministry")),
    row("the-department-said-in-a-statement",
        "The transport department said in a statement that 65 level crossings would be removed.",
        claim("65", 65, "count", speaker="transport department")),
    row("medical-sources-said",
        "Medical sources said 34 people had been taken to hospital after the blast.",
        claim("34", 34, "count", speaker="medical sources")),
    row("diplomatic-sources-said",
        "Diplomatic sources said 200 observers would monitor the presidential vote.",
        claim("200", 200, "count", speaker="diplomatic sources")),
    row("police-told-reporters",
        "Police told reporters that 12 people had been arrested after the match.",
        claim("12", 12, "count", speaker="police")),
    row("firefighters-told-reporters",
        "Firefighters told reporters that 80 homes had been damaged by the wildfire.",
        claim("80", 80, "count", speaker="firefighters")),
    row("data-from-an-organisation-showed",
        "Recent data from the British Hospitality Association showed a 3% fall in hotel bookings.",
        claim("3%", 3, "percent", speaker="British Hospitality Association")),
    row("figures-from-an-organisation-showed",
        "Fresh figures from the Society of Motor Traders showed an 8% rise in electric car registrations.",
        claim("8%", 8, "percent", speaker="Society of Motor Traders")),
    row("a-firm-named-with-an-ampersand-said",
        "The accountancy group Ernst & Young said last week it would hire 800 graduates.",
        claim("800", 800, "count", speaker="Ernst & Young")),
    row("a-group-named-with-an-ampersand-said",
        "The engineering group Calder & Finch said on Friday it would cut 350 jobs at its plant.",
        claim("350", 350, "count", speaker="Calder & Finch")),
    row("a-place-whose-name-ends-like-a-verb-says-nothing",
        "The United States and Canada are expected to import 40 million tonnes, according to the survey.",
        claim("40 million tonnes", 40_000_000, "t", speaker="survey", subject=None)),
    row("a-country-whose-name-ends-like-a-verb-says-nothing",
        "The Netherlands and Belgium plan to plant 2 million trees, according to the ministry.",
        claim("2 million", 2_000_000, "count", speaker="ministry", subject=None)),
    row("a-role-noun-before-a-quote",
        'The coach said: "We will sign three new players.\n\nTickets rise 8% in August.',
        claim("three", 3, "count", speaker="coach")),
    row("a-role-noun-before-a-quote-in-schools",
        'The headteacher said: "We will hire 20 teachers.',
        claim("20", 20, "count", speaker="headteacher")),
    row("people-who-believe",
        "Engineers believe that around 300 villages rely on their own wells for drinking water.",
        claim("around 300", 300, "count", speaker="Engineers", measure="villages")),
    row("analysts-at-a-bank-estimate",
        "Analysts at Northgate Bank estimate that retail sales will fall 2% this year.",
        claim("2%", 2, "percent", speaker="Northgate Bank")),
    row("researchers-at-a-university-estimate",
        "Researchers at Corran University estimate that 30,000 people attend the folk festival each year.",
        claim("30,000", 30_000, "count", speaker="Corran University")),
    row("the-company-said-in-a-filing",
        "Brightwell Foods fell short of forecasts. Brightwell Foods cut prices. Brightwell Foods shares slid. "
        "The company said in a filing with regulators that it lost $3.2bn in the first quarter.",
        claim("$3.2bn", 3_200_000_000, "USD", speaker="Brightwell")),
    row("the-company-said-in-a-filing-after-an-airline",
        "Skyvale Airlines cancelled flights. Skyvale Airlines grounded jets. Skyvale Airlines staff walked out. "
        "The company said in a filing with the stock exchange that it lost €410m in the second quarter.",
        claim("€410m", 410_000_000, "EUR", speaker="Skyvale")),
    row("the-newspaper-which-reports",
        "A list was published by the daily newspaper Morning Star of Kos. The newspaper, which is close to the "
        "opposition, reports that 17 officials had their debts cancelled.",
        claim("17", 17, "count", speaker="Morning Star")),
    row("the-magazine-which-reports",
        "An investigation was published by the weekly magazine Harbour Review. The magazine, which is owned by a "
        "charity, reports that 230 hospital beds were closed.",
        claim("230", 230, "count", speaker="Harbour Review")),
    row("an-organisation-in-apposition-said",
        "Kestrel Analytics, a data provider for airlines, said in its annual report that passenger numbers "
        "rose 6% in 2019.",
        claim("6%", 6, "percent", speaker="Kestrel Analytics")),
    row("a-pollster-in-apposition-said",
        "Tallis Research, a polling company based in Leeds, said in its latest survey that 58% of voters backed "
        "the plan.",
        claim("58%", 58, "percent", speaker="Tallis Research")),
    row("a-person-in-apposition-said",
        "Mary Okafor, the union's general secretary, said 3,000 teachers would strike.",
        claim("3,000", 3000, "count", speaker="Mary Okafor")),
    row("a-coach-in-apposition-said",
        "Daniel Reyes, the club's head coach, said 14 players were injured.",
        claim("14", 14, "count", speaker="Daniel Reyes")),
    row("a-company-with-its-legal-form-said",
        "Shares jumped when Harbour Rail Plc said it is paying about 900 million pounds for the line.",
        claim("900 million pounds", 900_000_000, "GBP", speaker="Harbour Rail Plc")),
    row("a-miner-with-its-legal-form-said",
        "Prices fell after Greystone Mining Ltd said it had found 2 million tonnes of copper.",
        claim("2 million tonnes", 2_000_000, "t", speaker="Greystone Mining Ltd")),
    row("a-report-in-a-newspaper-states",
        "A report in the Evening Courier states that the council sold 40 percent fewer permits than planned.",
        claim("40 percent", 40, "percent", speaker="Evening Courier")),
    row("a-story-in-a-newspaper-states",
        "A story in the Coastal Herald states that 70 percent of trains ran late in May.",
        claim("70 percent", 70, "percent", speaker="Coastal Herald")),
    row("the-report-said-citing-data",
        "Water use fell 3% in 2019, the report said, citing council data.",
        claim("3%", 3, "percent", speaker="report")),
    row("the-survey-said-citing-records",
        "Bike thefts rose 11% last year, the survey said, citing police records.",
        claim("11%", 11, "percent", speaker="survey")),
    row("a-headline-says-who-says",
        "Flu Cases Up 40% This Winter, Survey Says\n\nDoctors saw more patients than ever.",
        claim("40%", 40, "percent", speaker="Survey")),
    row("a-headline-says-a-watchdog-says",
        "Train Delays Up 25% In Winter, Watchdog Says\n\nCommuters waited longer than ever.",
        claim("25%", 25, "percent", speaker="Watchdog")),
    row("a-surname-the-article-gave-before",
        "The chipmaker's analyst, Wen Kuo, follows the market. Kuo sees shipments falling to 31 million next year.",
        claim("31 million", 31_000_000, "count", speaker="Kuo")),
    row("a-surname-of-a-physio-the-article-gave-before",
        "The team's physiotherapist, Lena Brandt, tracks injuries. Brandt expects 9 players to miss the opening "
        "game.",
        claim("9", 9, "count", speaker="Brandt")),
    row("a-name-after-a-title-unknown-first-name",
        "In remarks to exporters in the port of Varna, President Rumen Ivanovski said tariffs would go. Exporters "
        "who lost at least 3 million euros would be compensated, he said.",
        claim("3 million euros", 3_000_000, "EUR", speaker="Ivanovski")),
    row("a-name-after-a-ministers-title-unknown-first-name",
        "In a speech to farmers in the town of Plovdiv, Minister Dragan Velikov said subsidies would rise. Farms "
        "that lost at least 20 hectares would get help, he said.",
        claim("20 hectares", 20, ANY, speaker="Velikov")),
    row("a-verb-that-takes-the-figure-reports-nothing",
        "Orbis claimed 6.9 percent of the tablet market; Veltra jumped to 5.4 percent.",
        claim("6.9 percent", "6.9", "percent", speaker=None), claim("5.4 percent", "5.4", "percent", speaker=None)),
    row("a-verb-that-takes-the-vote-reports-nothing",
        "The Greens claimed 12 percent of the vote; the Liberals slipped to 8 percent.",
        claim("12 percent", 12, "percent", speaker=None), claim("8 percent", 8, "percent", speaker=None)),
    row("told-whom-before-a-quote",
        'Club chairman Tom Fairley told Radio Severn last week: "Our wage bill is £6m and theirs is £42m."',
        claim("£6m", 6_000_000, "GBP", speaker="Tom Fairley"), claim("£42m", 42_000_000, "GBP",
                                                                    speaker="Tom Fairley")),
    row("told-a-newspaper-before-a-quote",
        'Head teacher Anna Brook told the Daily Courier on Monday: "Our budget is £2m and we need £3m."',
        claim("£2m", 2_000_000, "GBP", speaker="Anna Brook"), claim("£3m", 3_000_000, "GBP",
                                                                    speaker="Anna Brook")),
    row("a-list-introduced-by-according-to",
        "According to the Daily Ledger, the following grants were cut:\n\n"
        "– A youth club: Entire £28,000 grant cut\n\n"
        "– Library trust: From £90,000 grant, £35,000 withdrawn",
        claim("£28,000", 28_000, "GBP", speaker="Daily Ledger"), claim("£90,000", 90_000, "GBP",
                                                                       speaker="Daily Ledger"),
        claim("£35,000", 35_000, "GBP", speaker="Daily Ledger")),
    row("a-list-of-routes-introduced-by-according-to",
        "According to the Transport Review, these bus routes lost their funding:\n\n"
        "– Route 12: Whole £40,000 subsidy ended\n\n"
        "– Route 9: Of a £60,000 subsidy, £15,000 withdrawn",
        claim("£40,000", 40_000, "GBP", speaker="Transport Review"), claim("£60,000", 60_000, "GBP",
                                                                           speaker="Transport Review"),
        claim("£15,000", 15_000, "GBP", speaker="Transport Review")),
    row("a-list-without-an-introduction-has-no-speaker",
        "Grants cut this year\n\n– A youth club: Entire £28,000 grant cut\n\n– Library trust: £35,000 withdrawn",
        claim("£28,000", 28_000, "GBP", speaker=None), claim("£35,000", 35_000, "GBP", speaker=None)),
    row("a-list-of-routes-without-an-introduction-has-no-speaker",
        "Bus routes losing funding\n\n– Route 12: Whole £40,000 subsidy ended\n\n– Route 9: £15,000 withdrawn",
        claim("£40,000", 40_000, "GBP", speaker=None), claim("£15,000", 15_000, "GBP", speaker=None)),
    row("a-quote-unclosed-at-a-paragraph-ends-there",
        'The mayor said: "We will build 400 homes.\n\nFares rise table\n\nBus fares rise 5% in June.',
        claim("400", 400, "count", speaker="mayor"), claim("5%", 5, "percent", speaker=None)),
    row("a-chairmans-quote-unclosed-at-a-paragraph-ends-there",
        'The chairman said: "We will sign three new players.\n\nTicket prices\n\nSeason tickets rise 8% in August.',
        claim("three", 3, "count", speaker="chairman"), claim("8%", 8, "percent", speaker=None)),
    row("a-letter-quoted-whole-runs-over-paragraphs",
        'Dr Jane Ellis wrote to parents. The letter reads: "Dear parents,\n\nWe have hired 12 new teachers.\n\n'
        'Yours sincerely\n\nJane Ellis."',
        claim("12", 12, "count", speaker="Jane Ellis")),
    row("a-residents-letter-quoted-whole-runs-over-paragraphs",
        'Councillor Tom Hale wrote to residents. The letter reads: "Dear residents,\n\nWe have planted 300 trees '
        'this spring.\n\nBest wishes\n\nTom Hale."',
        claim("300", 300, "count", speaker="Tom Hale")),
]


SPEAKERS += [
    row("the-report-is-whoever-made-it",
        "A study by the Lowland Institute found rents rose sharply. Rents rose 14% in 2019, the study says.",
        claim("14%", 14, "percent", speaker="Lowland Institute")),
    row("the-survey-is-whoever-made-it",
        "A survey by the Harlow Trust found commuting took longer. Commutes lengthened 9% in 2020, the survey says.",
        claim("9%", 9, "percent", speaker="Harlow Trust")),
]

PLACES = [
    row("an-institution-stands-for-its-country",
        "The Bundesliga's rights sales of €541m a season are the lowest of the big leagues.",
        claim("€541m", 541_000_000, "EUR", place="Germany")),
    row("a-parliament-stands-for-its-country",
        "The Bundestag approved €2bn of flood aid for farmers.",
        claim("€2bn", 2_000_000_000, "EUR", place="Germany")),
    row("an-institution-inside-a-newspapers-name-is-no-place",
        "A report in the Wall Street Journal states that the firm sold 40 percent fewer phones.",
        claim("40 percent", 40, "percent", place=None)),
    row("an-institution-inside-a-magazines-name-is-no-place",
        "A column in the Bundesliga Times states that ticket prices rose 15 percent.",
        claim("15 percent", 15, "percent", place=None)),
    row("a-fronted-place-over-the-world-it-is-in",
        "In Brazil, one of the biggest coffee markets worldwide, sales were down 12 percent.",
        claim("12 percent", 12, "percent", place="Brazil")),
    row("a-fronted-country-over-the-world-it-is-in",
        "In Kenya, one of the largest tea exporters in the world, harvests fell 8 percent.",
        claim("8 percent", 8, "percent", place="Kenya")),
]


@pytest.mark.parametrize("test_case", PLACES)
def test_places(test_case: Case) -> None:
    check_case(test_case)


@pytest.mark.parametrize("test_case", SPEAKERS)
def test_speakers(test_case: Case) -> None:
    check_case(test_case)


# --- the place an article is about ---------------------------------------------------------------------------

PORTUGAL = ("Portugal to cut fuel duty\n\n"
            "Portugal will cut fuel duty by 10% from May, the government said on Monday. "
            "The measure will cost Portuguese taxpayers €450m a year. Portugal's finance minister said 2m "
            "drivers would benefit. Hauliers in Lisbon welcomed the cut, and Portugal's opposition backed it.")


DOCUMENT_PLACES = [
    pytest.param(PORTUGAL, "Portugal", id="named-in-the-headline-and-dominant"),
    pytest.param("Dairy farmers protest\n\nMilk prices fell 8% in Ireland last month. Dairy farmers said "
                 "costs rose 12%. Irish co-ops said 400 farms had closed.", None,
                 id="named-once-is-not-about"),
    pytest.param("Phone sales slow\n\nThe handset goes on sale in the US in April at $199. Reviewers in the US "
                 "praised its 16MP camera, and US carriers will sell it.", None, id="a-market-only-in-passing"),
    pytest.param("Chinese rivals gain on phone maker\n\nThe firm's market share fell to 25% as rivals grew. "
                 "Shipments from China rose, Chinese brands took 30%, and China's market grew 5%.", None,
                 id="an-adjective-in-the-headline-says-whose-not-where"),
    pytest.param("Bundesliga clubs agree TV deal\n\nThe Bundesliga will earn €1.1bn a season. Bundesliga clubs "
                 "voted 30 to 6 for the deal, and the Bundesliga said smaller clubs would get more. Fans in Munich "
                 "were split.", "Germany", id="an-institution-of-the-place"),
    pytest.param("Talks between Spain and Italy\n\nSpain and Italy agreed on fishing quotas. Spain will take 40%, "
                 "Italy 35%. Spanish and Italian boats will share the rest; Spain and Italy meet again in May.",
                 None, id="two-places-as-much"),
]


@pytest.mark.parametrize(("text", "place"), DOCUMENT_PLACES)
def test_document_place(text: str, place: str | None) -> None:
    assert document_place(text) == place


def test_a_figure_with_no_place_takes_the_articles_and_the_country_is_it() -> None:
    found = analyse(PORTUGAL + " Sales of diesel in the country fell 3%.")
    assert found.place == "Portugal"
    places = {c.mention: c.place for c in found.claims}
    assert places["€450m"] == "Portugal"  # the sentence names no place
    assert places["3%"] == "Portugal"  # "the country"
    assert places["10%"] == "Portugal"


def test_a_place_named_in_the_sentence_wins_over_the_articles() -> None:
    found = analyse(PORTUGAL + " In Spain, prices rose 2%.")
    assert {c.mention: c.place for c in found.claims}["2%"] == "Spain"


# --- whose figure: the subject -------------------------------------------------------------------------------

SUBJECTS = [
    row("election-results-an-elliptical-list",
        "Labour won 412 seats, the Conservatives 166 and the Liberal Democrats 52.",
        claim("412", 412, "count", measure="seats", subject="Labour"),
        claim("166", 166, "count", measure="seats", subject="Conservatives"),
        claim("52", 52, "count", measure="seats", subject="Liberal Democrats"), only=True),
    row("goals-scored-an-elliptical-list",
        "Rovers scored 71 goals, Athletic 64 and Wanderers 58.",
        claim("71", 71, "count", measure="goals", subject="Rovers"),
        claim("64", 64, "count", measure="goals", subject="Athletic"),
        claim("58", 58, "count", measure="goals", subject="Wanderers"), only=True),
    row("council-elections-and-the-item-after",
        "The Greens took 31 wards and the Independents 12.",
        claim("31", 31, "count", measure="wards", subject="Greens"),
        claim("12", 12, "count", measure="wards", subject="Independents"), only=True),
    row("hospital-patients-and-the-item-after",
        "Northfield General treated 900 patients and Riverside 640.",
        claim("900", 900, "count", measure="patients", subject="Northfield General"),
        claim("640", 640, "count", measure="patients", subject="Riverside"), only=True),
    row("profits-a-possessive-and-its-ellipsis",
        "Tesco's profit rose to £2.8bn; Sainsbury's fell to £600m.",
        claim("£2.8bn", 2_800_000_000, "GBP", measure="profit", subject="Tesco"),
        claim("£600m", 600_000_000, "GBP", measure="profit", subject="Sainsbury")),
    row("school-rolls-a-possessive-and-its-ellipsis",
        "Oakfield's enrolment rose to 1,400; Westbrook's fell to 950.",
        claim("1,400", 1400, "count", measure="enrolment", subject="Oakfield"),
        claim("950", 950, "count", measure="enrolment", subject="Westbrook")),
    row("market-shares-in-brackets",
        "Carmakers reported their figures. Ford (12%) and Renault (9%) lost market share, while Ford and Renault "
        "cut prices.",
        claim("12%", 12, "percent", measure="market share", subject="Ford"),
        claim("9%", 9, "percent", measure="market share", subject="Renault")),
    row("vote-shares-in-brackets",
        "Pollsters published their findings. Labour (34%) and Reform (11%) lost vote share, while Labour and "
        "Reform changed leaders.",
        claim("34%", 34, "percent", measure="vote share", subject="Labour"),
        claim("11%", 11, "percent", measure="vote share", subject="Reform")),
    row("market-shares-listed-after-a-first",
        "Apple had a 30% share of tablets, Samsung 27% and Lenovo 15%.",
        claim("30%", 30, "percent", measure="share"), claim("27%", 27, "percent", measure="share",
                                                           subject="Samsung"),
        claim("15%", 15, "percent", measure="share", subject="Lenovo")),
    row("audience-shares-listed-after-a-first",
        "Channel Nine had a 41% share of viewers, StarVision 33% and Kiwi TV 12%.",
        claim("41%", 41, "percent", measure="share"), claim("33%", 33, "percent", measure="share",
                                                           subject="StarVision"),
        claim("12%", 12, "percent", measure="share", subject="Kiwi TV")),
    row("a-company-the-subject-of-its-verb",
        "Analysts were surprised. In total, Nordwind sold 12 million turbines blades during the year.",
        claim("12 million", 12_000_000, "count", subject="Nordwind")),
    row("a-theatre-the-subject-of-its-verb",
        "Fans were delighted. Last season, Eastgate Playhouse sold 210,000 tickets for its shows.",
        claim("210,000", 210_000, "count", subject="Eastgate Playhouse")),
    row("a-product-with-a-number",
        "Reviewers liked it. The Pixel 8 has a 6.2-inch screen.",
        claim("6.2-inch", "6.2", "in", measure="screen", subject="Pixel 8")),
    row("a-camera-phone-with-a-number",
        "Critics were unimpressed. The Aria 5 has a 48-megapixel camera.",
        claim("48-megapixel", 48, ANY, measure="camera", subject="Aria 5")),
    row("for-a-named-holder",
        "The league agreed a £625m deal for Sky.",
        claim("£625m", 625_000_000, "GBP", measure="deal", subject="Sky")),
    row("a-contract-for-a-named-holder",
        "The health board signed a $40m contract for Veltrix.",
        claim("$40m", 40_000_000, "USD", measure="contract", subject="Veltrix")),
    row("a-place-is-the-place-not-the-subject",
        "Germany's exports rose 4% in May.",
        claim("4%", 4, "percent", measure="exports", place="Germany", subject=None)),
    row("a-country-is-the-place-not-the-subject",
        "Japan's birth rate fell 2% last year.",
        claim("2%", 2, "percent", measure="birth rate", place="Japan", subject=None)),
    row("a-common-word-opening-a-sentence-is-no-holder",
        "Sales rose 5% to £3bn.",
        claim("5%", 5, "percent", subject=None), claim("£3bn", 3_000_000_000, "GBP", subject=None)),
    row("attendance-opening-a-sentence-is-no-holder",
        "Attendance fell 8% to 41,000.",
        claim("8%", 8, "percent", subject=None), claim("41,000", 41_000, "count", subject=None)),
    row("a-speaker-is-not-a-holder",
        "Police said 12 people had been arrested.",
        claim("12", 12, "count", speaker="police", subject=None)),
    row("firefighters-who-speak-are-not-a-holder",
        "Firefighters said 30 homes had been destroyed.",
        claim("30", 30, "count", speaker="firefighters", subject=None)),
    row("a-name-inside-a-noun-phrase-is-not-its-subject",
        "The domestic TV rights auction generated £1.7bn.",
        claim("£1.7bn", 1_700_000_000, "GBP", subject=None)),
    row("a-lottery-name-inside-a-noun-phrase-is-not-its-subject",
        "The weekly Lotto jackpot draw paid out £14m.",
        claim("£14m", 14_000_000, "GBP", subject=None)),
    row("possessives-in-a-list-of-unions",
        "Unison's 800,000 members, the Teachers' Union's 70,000 and Amicus' 20,000 will vote.",
        claim("800,000", 800_000, "count", measure="members", subject="Unison"),
        claim("70,000", 70_000, "count", measure="members", subject="Teachers' Union"),
        claim("20,000", 20_000, "count", measure="members", subject="Amicus")),
    row("possessives-in-a-list-of-hospitals",
        "Northgate's 9,000 nurses, the Royal Infirmary's 6,500 and St Luke's 4,000 will strike.",
        claim("9,000", 9000, "count", measure="nurses", subject="Northgate"),
        claim("6,500", 6500, "count", measure="nurses", subject="Royal Infirmary"),
        claim("4,000", 4000, "count", measure="nurses", subject="St Luke")),
    row("a-conversion-in-brackets-has-the-figures-holder",
        "Shares in Orion rose. Orion is spending $100m (£52m) on new data centres.",
        claim("$100m", 100_000_000, "USD", subject="Orion"), claim("£52m", 52_000_000, "GBP", subject="Orion")),
    row("a-festivals-conversion-in-brackets-has-the-figures-holder",
        "Tickets for Harrowfest sold out. Harrowfest is paying €2m (£1.7m) for its headline acts.",
        claim("€2m", 2_000_000, "EUR", subject="Harrowfest"),
        claim("£1.7m", 1_700_000, "GBP", subject="Harrowfest")),
    row("an-aside-after-a-dash-measures-what-it-is-about",
        "The new owners - two from Spain and one from Chile - took over in May.",
        claim("two", 2, "count", measure="owners")),
    row("an-aside-after-a-dash-measures-the-teachers",
        "The new teachers - four from Ireland and one from Canada - start in September.",
        claim("four", 4, "count", measure="teachers")),
    row("the-agent-of-a-passive-verb-of-money",
        "The Eredivisie earned 90 million euros more than the 410 million euros made by Belgium's Pro League.",
        claim("410 million euros", 410_000_000, "EUR", subject="Pro League")),
    row("the-agent-of-a-passive-verb-of-donations",
        "The museum raised £2m more than the £5m collected by Glasgow's Science Centre.",
        claim("£5m", 5_000_000, "GBP", subject="Science Centre")),
    row("names-and-figures-given-respectively",
        "Sales helped Ostrava's Banik and Slavia, with 54 million euros and 41 million euros respectively, "
        "top the table.",
        claim("54 million euros", 54_000_000, "EUR", subject="Banik"),
        claim("41 million euros", 41_000_000, "EUR", subject="Slavia")),
    row("hospitals-and-figures-given-respectively",
        "Donations helped Bristol's Hartley and Carden, with £3m and £2m respectively, open new wards.",
        claim("£3m", 3_000_000, "GBP", subject="Hartley"),
        claim("£2m", 2_000_000, "GBP", subject="Carden")),
    row("a-name-leading-with-a-figure",
        "The two clubs lead the table, with champion Ajax leading with 312 million euros.",
        claim("312 million euros", 312_000_000, "EUR", subject="Ajax")),
    row("a-candidate-leading-with-a-figure",
        "Two candidates are ahead in the count, with front-runner Dalton leading with 41,000 votes.",
        claim("41,000", 41_000, "count", subject="Dalton")),
    row("the-sentences-subject-across-a-long-clause",
        "But Voda sprung a surprise by winning the rights to 40 games, including half the best ones, in exchange "
        "for £500m over three years.",
        claim("40", 40, "count", subject="Voda"), claim("£500m", 500_000_000, "GBP", subject="Voda")),
    row("a-builders-subject-across-a-long-clause",
        "But Halden stunned rivals by winning contracts for 12 hospitals, including the two largest, in return "
        "for £800m over ten years.",
        claim("12", 12, "count", subject="Halden"), claim("£800m", 800_000_000, "GBP", subject="Halden")),
    row("with-a-name-and-a-verb-of-money",
        "The auction raised £2bn, with Telco paying £1.1bn for three packages.",
        claim("£1.1bn", 1_100_000_000, "GBP", subject="Telco")),
    row("with-a-donor-and-a-verb-of-money",
        "The appeal raised £5m, with Brightway spending £2m on new classrooms.",
        claim("£2m", 2_000_000, "GBP", subject="Brightway")),
    row("what-is-sold-for-a-figure",
        "The league has sold its radio rights in Spain to Onda for €30m.",
        claim("€30m", 30_000_000, "EUR", measure="radio rights")),
    row("a-depot-sold-for-a-figure",
        "The council has sold its bus depot in Leeds to Carrow Homes for £8m.",
        claim("£8m", 8_000_000, "GBP", measure="bus depot")),
    row("a-number-inside-a-name-is-still-no-figure",
        "Microsoft sold 40m copies of Vista and Windows 7.", claim("40m", 40_000_000, "count"),
        only=True),
    row("a-number-inside-a-film-title-is-still-no-figure",
        "Cinemas sold 5m tickets for Toy Days 3 and Frozen Tide.", claim("5m", 5_000_000, "count"),
        only=True),
]


@pytest.mark.parametrize("test_case", SUBJECTS)
def test_subjects(test_case: Case) -> None:
    check_case(test_case)


# --- what happened: event counts, sizes, qualifying figures, units ------------------------------------------

MEASURES = [
    row("a-verb-before-a-possessive-ends-the-noun-phrase",
        "Researchers estimate that about 2,000 schools run their own breakfast clubs.",
        claim("about 2,000", 2000, "count", measure="schools", speaker="Researchers")),
    row("a-verb-before-a-possessive-ends-the-villages",
        "Engineers estimate that around 300 villages dig their own wells for drinking water.",
        claim("around 300", 300, "count", measure="villages", speaker="Engineers")),
    row("an-auxiliary-is-no-part-of-the-noun",
        "After the merger the group would have revenues of about €3bn.",
        claim("about €3bn", 3_000_000_000, "EUR", measure="revenues")),
    row("an-auxiliary-is-no-part-of-the-incomes",
        "Once merged, the two charities would have incomes of about £40m.",
        claim("about £40m", 40_000_000, "GBP", measure="incomes")),
    row("the-sum-a-lawsuit-seeks",
        "The singer is seeking $4m in damages from the label.",
        claim("$4m", 4_000_000, "USD", measure=("damages", "sum sought"))),
    row("the-sum-a-claim-for-compensation-seeks",
        "The cyclist is seeking £2m in compensation from the race organisers.",
        claim("£2m", 2_000_000, "GBP", measure=("compensation", "sum sought"))),
    row("a-share-of-gdp-measures-what-is-set-against-it",
        "The treaty caps each member's budget deficit at 3% of GDP.",
        claim("3%", 3, "percent", measure="budget deficit")),
    row("a-share-of-gdp-measures-the-debt-set-against-it",
        "The new rule limits public debt to 60% of GDP.",
        claim("60%", 60, "percent", measure="public debt")),
    row("what-something-sells-for-is-its-price",
        "The maker expects the new e-reader to sell for €129 in Germany.",
        claim("€129", 129, "EUR", measure="price", place="Germany")),
    row("what-a-festival-pass-sells-for-is-its-price",
        "Organisers expect the weekend passes to sell for $250 in Canada.",
        claim("$250", 250, "USD", measure="price", place="Canada")),
    row("a-players-move-for-a-sum-is-a-transfer-fee",
        "The defender moved to Lazio for £8.5m from Porto in 2019.",
        claim("£8.5m", 8_500_000, "GBP", measure="transfer fee")),
    row("a-goalkeeper-signing-for-a-sum-is-a-transfer-fee",
        "The goalkeeper signed for Celtic for £3m from Benfica in 2021.",
        claim("£3m", 3_000_000, "GBP", measure="transfer fee")),
    row("a-place-word-ends-the-noun-phrase",
        "The album has sold four million copies worldwide.",
        claim("four million", 4_000_000, "count", measure="copies")),
    row("nationwide-ends-the-noun-phrase",
        "The bakery chain now runs 300 shops nationwide.",
        claim("300", 300, "count", measure="shops")),
    row("the-noun-of-a-total-with-odd",
        "Six of the 40-odd stations were closed by the strike.",
        claim("Six", 6, "count", measure="stations")),
    row("the-schools-of-a-total-with-odd",
        "Twelve of the 60-odd schools were shut by the snow.",
        claim("Twelve", 12, "count", measure="schools")),
    row("a-level-participle-ends-the-noun-phrase",
        "The charity has reserves of £2m and debts totalling £5.4m.",
        claim("£5.4m", 5_400_000, "GBP", measure="debts")),
    row("amounting-ends-the-noun-phrase",
        "The airline reported losses amounting to €2.3m over the winter.",
        claim("€2.3m", 2_300_000, "EUR", measure="losses")),
    row("a-past-verb-ends-the-noun-phrase",
        "Two million pilgrims made the journey to the shrine.",
        claim("Two million", 2_000_000, "count", measure="pilgrims")),
    row("finished-ends-the-noun-phrase",
        "Three thousand runners finished the marathon in heavy rain.",
        claim("Three thousand", 3000, "count", measure="runners")),
    row("a-figure-that-is-only-someones-measures-what-the-one-before-did",
        "The Greens raised £1.2m in donations - second only to the Liberals' £2.9m.",
        claim("£2.9m", 2_900_000, "GBP", measure="donations", subject="Liberals")),
    row("a-points-total-that-is-only-a-clubs-measures-what-the-one-before-did",
        "The Tigers scored 41 points in the semi-final - second only to the Lions' 47.",
        claim("47", 47, "count", measure="points", subject="Lions")),
    row("an-amount-per-head",
        "The scheme worked out at £95,000 per trainee pilot.",
        claim("£95,000", 95_000, "GBP", measure="per trainee pilot")),
    row("an-amount-per-household",
        "The insulation project worked out at €3,000 per household.",
        claim("€3,000", 3000, "EUR", measure="per household")),
    row("a-change-of-motion",
        "Fares went up 9% in January.",
        claim("9%", 9, "percent", measure="Fares", period="in January")),
    row("a-change-of-motion-downwards",
        "Rents went down 3% in April.",
        claim("3%", 3, "percent", measure="Rents", period="in April")),
    row("or-so-qualifies-a-figure-before-its-noun",
        "Police linked the gang to 40 or so burglaries.",
        claim("40 or so", 40, "count", measure="burglaries")),
    row("or-so-qualifies-a-count-of-trees",
        "Volunteers planted 200 or so oak saplings along the river.",
        claim("200 or so", 200, "count", measure="oak saplings")),
    row("a-participle-inside-a-noun-phrase",
        "She has won four Olympic mixed relay medals.",
        claim("four", 4, "count", measure="mixed relay medals")),
    row("a-participle-inside-a-fleet",
        "The carrier operates nine leased cargo jets.",
        claim("nine", 9, "count", measure="leased cargo jets")),
    row("what-someone-saw-fall",
        "The brewer saw annual pre-tax profits fall to 2.1bn kronor.",
        claim("2.1bn kronor", 2_100_000_000, "SEK", measure="annual pre-tax profits")),
    row("what-a-council-saw-rise",
        "The council saw annual recycling rates rise to 48%.",
        claim("48%", 48, "percent", measure="annual recycling rates")),
    row("a-present-verb-ends-the-noun-phrase",
        "About 40% of the site's visitors comes from abroad.",
        claim("About 40%", 40, "percent", measure="site's visitors")),
    row("a-present-verb-ends-the-museums-funding",
        "Around 60% of the museum's income comes from donors.",
        claim("Around 60%", 60, "percent", measure="museum's income")),
    row("a-workforce-so-strong",
        "The miner employs a 52,000-strong workforce in Chile.",
        claim("52,000", 52_000, "count", measure="workforce", place="Chile")),
    row("a-choir-so-strong",
        "The cathedral has a 40-strong choir in York.",
        claim("40", 40, "count", measure="choir", place="York")),
    row("two-sizes-by-each-other",
        "The handset (11cm by 5.8cm) goes on sale in May.",
        claim("11cm", 11, "cm", measure="dimensions")),
    row("two-sizes-of-a-painting-by-each-other",
        "The portrait (90cm by 60cm) goes on display in June.",
        claim("90cm", 90, "cm", measure="dimensions")),
    row("a-change-noun-before-what-changed",
        "Figures showed a 0.4% slip in car sales during March.",
        claim("0.4%", "0.4", "percent", measure="car sales", change="decrease")),
    row("a-jump-before-what-changed",
        "Data showed a 2.5% jump in hospital admissions during July.",
        claim("2.5%", "2.5", "percent", measure="hospital admissions", change="increase")),
    row("a-place-aside-of-the-subject",
        "Ticket sales around the world rose 12%. Unemployment in Portugal fell 2%.",
        claim("12%", 12, "percent", measure="Ticket sales", place="world"),
        claim("2%", 2, "percent", measure="Unemployment", place="Portugal")),
    row("a-place-aside-of-flu-and-crime",
        "Flu cases across Europe fell 8%. Burglaries in Scotland rose 3%.",
        claim("8%", 8, "percent", measure="Flu cases", place="Europe"),
        claim("3%", 3, "percent", measure="Burglaries", place="Scotland")),
    row("an-aside-adverb-is-no-part-of-the-subject",
        "The trade deficit, meanwhile, hit a record $58bn in October.",
        claim("$58bn", 58_000_000_000, "USD", measure="trade deficit")),
    row("an-aside-however-is-no-part-of-the-subject",
        "The jobless rate, however, reached a record 11% in March.",
        claim("11%", 11, "percent", measure="jobless rate")),
    row("a-preposition-before-the-noun-of",
        "The new cable carries signals over distances of up to 80 miles.",
        claim("up to 80 miles", 80, "mi", measure="distances")),
    row("a-preposition-before-speeds-of",
        "The new trains will run at speeds of up to 300 km/h.",
        claim("up to 300 km/h", 300, ANY, measure="speed")),
    row("a-plural-change-noun-heads-a-noun-phrase",
        "The party has promised £6bn in tax cuts over the parliament.",
        claim("£6bn", 6_000_000_000, "GBP", measure="tax cuts")),
    row("budget-cuts-head-a-noun-phrase",
        "The council has announced £40m in budget cuts over two years.",
        claim("£40m", 40_000_000, "GBP", measure="budget cuts")),
    row("what-a-device-holds",
        "The new memory card will hold 64GB.",
        claim("64GB", 64, "GB", measure="capacity")),
    row("what-a-tank-holds",
        "The new fuel tank will hold 60 litres.",
        claim("60 litres", 60, ANY, measure="capacity")),
    row("a-clause-that-stands-apart-has-a-main-figure-of-its-own",
        "Group sales rose 6% to 2.1 million while operating profits added 3% to €900m.",
        claim("2.1 million", 2_100_000, "count", measure="sales"),
        claim("€900m", 900_000_000, "EUR", measure="operating profits")),
    row("a-clause-on-revenues-has-a-main-figure-of-its-own",
        "Ticket sales rose 4% to 1.2 million while match-day revenues grew 7% to £80m.",
        claim("1.2 million", 1_200_000, "count", measure="sales"),
        claim("£80m", 80_000_000, "GBP", measure="revenues")),
    row("a-participle-before-a-preposition-ends-the-phrase",
        "There are 12 teams competing for the trophy, and public spending on sport rose 4%.",
        claim("12", 12, "count", measure="teams"), claim("4%", 4, "percent", measure="public spending on sport")),
    row("bidding-before-a-preposition-ends-the-phrase",
        "There are 30 charities bidding for the grant, and private investment in research fell 2%.",
        claim("30", 30, "count", measure="charities"),
        claim("2%", 2, "percent", measure="private investment in research")),
    row("an-abbreviation-in-brackets-leaves-the-subject",
        "Gross national income (GNI) grew by 2.3% last year.",
        claim("2.3%", "2.3", "percent", measure="Gross national income")),
    row("a-price-index-abbreviation-in-brackets-leaves-the-subject",
        "The consumer price index (CPI) rose by 1.8% in May.",
        claim("1.8%", "1.8", "percent", measure="consumer price index")),
    row("a-verb-before-the-figure-leaves-the-subject",
        "Since 2010 the tourist trade brought £4bn to the region.",
        claim("£4bn", 4_000_000_000, "GBP", measure="tourist trade")),
    row("added-before-the-figure-leaves-the-subject",
        "Since 2015 the cruise industry has added €900m to the island's economy.",
        claim("€900m", 900_000_000, "EUR", measure="cruise industry")),
    row("names-with-the-and-their-figures-in-brackets",
        "The Liberals (34%) and the Greens (11%) lost vote share.",
        claim("34%", 34, "percent", measure="vote share", subject="Liberals"),
        claim("11%", 11, "percent", measure="vote share", subject="Greens")),
    row("with-a-name-doing-the-figure",
        "The appeal raised £5m, with Brightway donating £2m for new classrooms.",
        claim("£2m", 2_000_000, "GBP", subject="Brightway")),
    row("a-player-joins-a-club-from-another",
        "Last summer the striker joined Celtic from Benfica for £3m.",
        claim("£3m", 3_000_000, "GBP", measure="transfer fee")),
    row("event-counts-of-other-people",
        "At least 9 passengers were killed and 40 injured when the train derailed.",
        claim("At least 9", 9, "count", measure="passengers killed"),
        claim("40", 40, "count", measure="passengers injured")),
    row("money-given-out",
        "The museum will this year give out £200,000.",
        claim("£200,000", 200_000, "GBP", measure="money given out")),
    row("a-share-bought-is-a-stake",
        "The regional bank agreed to buy 24.5% of the insurer.",
        claim("24.5%", 24.5, "percent", measure="stake in insurer")),
    row("a-share-acquired-is-a-stake",
        "The carmaker will acquire 30% of the battery maker.",
        claim("30%", 30, "percent", measure="stake")),
    row("money-set-aside",
        "The hospital trust has set aside hundreds of thousands of pounds for legal costs.",
        claim("hundreds of thousands of pounds", None, "GBP", measure="money set aside")),
    row("money-set-aside-for-repairs",
        "The school has set aside thousands of pounds for roof repairs.",
        claim("thousands of pounds", None, "GBP", measure="money set aside")),
    row("a-change-to-a-share-of-something-measures-its-subject",
        "Youth unemployment fell to 11% of the workforce.",
        claim("11%", 11, "percent", measure="Youth unemployment")),
    row("a-rise-to-a-share-of-households-measures-its-subject",
        "Child poverty rose to 27% of households.",
        claim("27%", 27, "percent", measure="Child poverty")),
    row("a-preposition-ends-the-noun-phrase",
        "She was there with three colleagues following the 2-0 defeat.",
        claim("three", 3, "count", measure="colleagues")),
    row("a-preposition-ends-the-advisers",
        "The minister arrived with four advisers after the 52-48 vote.",
        claim("four", 4, "count", measure="advisers")),
    row("either-of-two-figures-shares-the-scale",
        "Only six or seven million had been spent by the council.",
        claim("six or seven million", 6_000_000, "count")),
    row("either-of-two-thousands-shares-the-scale",
        "Only three or four thousand fans had bought tickets.",
        claim("three or four thousand", 3000, "count")),
    row("event-counts-take-their-predicate",
        "At least 52 people were killed and 700 injured when the quake struck.",
        claim("52", 52, "count", measure="people killed"), claim("700", 700, "count", measure="people injured")),
    row("crush-counts-take-their-predicate",
        "At least 9 people were killed and 40 injured in the stadium crush.",
        claim("9", 9, "count", measure="people killed"),
        claim("40", 40, "count", measure="people injured")),
    row("evacuated-and-missing",
        "Some 3,000 people were evacuated and 14 missing after the floods.",
        claim("3,000", 3000, "count", measure="people evacuated"), claim("14", 14, "count",
                                                                          measure="people missing")),
    row("residents-evacuated-and-missing",
        "About 1,500 residents were evacuated and 9 missing after the eruption.",
        claim("1,500", 1500, "count", measure="residents evacuated"),
        claim("9", 9, "count", measure="residents missing")),
    row("dimensions-of-one-thing",
        "The tablet measures 250 x 174 x 6.1 mm and weighs 480 g.",
        claim("250", 250, "mm", measure="dimensions"), claim("174", 174, "mm", measure="dimensions"),
        claim("480", 480, "g", measure="weight")),
    row("dimensions-of-a-locker",
        "The parcel locker measures 180 x 90 x 60 cm and weighs 75 kg.",
        claim("180", 180, "cm", measure="dimensions"), claim("90", 90, "cm", measure="dimensions"),
        claim("75", 75, "kg", measure="weight")),
    row("a-figure-qualifying-a-noun",
        "The laptop has a 14-inch, 2,880-by-1,800 OLED display.",
        claim("14-inch", 14, "in", measure="display")),
    row("a-figure-qualifying-an-engine",
        "The van has a 2-litre, 150-horsepower diesel engine.",
        claim("2-litre", 2, ANY, measure="engine")),
    row("takes-something-to-a-figure",
        "The sale takes the charity's income from donations this year to more than £4.2m.",
        claim("£4.2m", 4_200_000, "GBP", measure="income", subject=None)),
    row("takes-spending-to-a-figure",
        "The grant takes the school's spending on books this year to almost £80,000.",
        claim("£80,000", 80_000, "GBP", measure="spending", subject=None)),
    row("something-is-worth-a-figure",
        "The new stadium deal for 2021-2024 is worth £96m.",
        claim("£96m", 96_000_000, "GBP", measure="stadium deal")),
    row("a-grant-is-worth-a-figure",
        "The research grant for 2023-2026 is worth $5m.",
        claim("$5m", 5_000_000, "USD", measure="research grant")),
    row("a-cost-to-whom-of-a-figure",
        "Each bus will run at an average cost to the council of £52,000 a year.",
        claim("£52,000", 52_000, "GBP", measure="average cost")),
    row("a-total-cost-to-taxpayers-of-a-figure",
        "The tablets were bought at a total cost to taxpayers of £2m.",
        claim("£2m", 2_000_000, "GBP", measure="total cost")),
    row("a-verb-of-money-and-its-indirect-object",
        "Every new ward will cost the health board £3.4m.",
        claim("£3.4m", 3_400_000, "GBP", measure="cost")),
    row("a-strike-will-cost-an-airline",
        "The pilots' strike will cost the airline €40m.",
        claim("€40m", 40_000_000, "EUR", measure="cost")),
    row("set-aside-for-something",
        "The ministry said €90m a year has been earmarked for flood defences.",
        claim("€90m", 90_000_000, "EUR", measure="flood defences")),
    row("allocated-for-something",
        "The council said £2m a year has been allocated for pothole repairs.",
        claim("£2m", 2_000_000, "GBP", measure="pothole repairs")),
    row("a-phrasal-verb-of-money",
        "The lottery fund will this year give away £31m.",
        claim("£31m", 31_000_000, "GBP", measure="given away")),
    row("a-phrasal-verb-handing-out",
        "The charity will next spring hand out £5m.",
        claim("£5m", 5_000_000, "GBP", measure="handed out")),
    row("an-aside-giving-a-rate",
        "The channel pays £40m a year for 20 matches - £2m a match.",
        claim("£2m", 2_000_000, "GBP", measure="match")),
    row("an-aside-giving-a-rate-per-lesson",
        "The school charges £600 for 12 lessons - £50 a lesson.",
        claim("£50", 50, "GBP", measure="lesson")),
    row("a-generic-word-is-the-measure-when-it-is-the-only-one",
        "The total is likely to easily top £7bn over four years.",
        claim("£7bn", 7_000_000_000, "GBP", measure="total")),
    row("the-figure-is-the-measure-when-it-is-the-only-one",
        "The figure could easily pass 10,000 by the summer.",
        claim("10,000", 10_000, "count", measure="figure")),
    row("a-weight-by-its-unit",
        "Heavier than its rival's 130 g, the new model is 145 g.",
        claim("145", 145, "g", measure="weight")),
    row("a-laptops-weight-by-its-unit",
        "Lighter than its predecessor's 1.6 kg, the new laptop is 1.2 kg.",
        claim("1.2 kg", "1.2", "kg", measure="weight")),
]


def test_a_name_that_is_also_the_measure_is_only_whose() -> None:
    claims = analyse("In Frankfurt, Lufthansa fell 3.1%.").claims
    assert [(c.mention, c.subject, c.measure) for c in claims] == [("3.1%", "Lufthansa", "")]


def test_the_verb_a_name_did_a_figure_with_is_no_measure() -> None:
    claims = analyse("Okonkwo threw 68.40m to win the title. He added 1.5m later.").claims
    assert [(c.mention, c.measure) for c in claims] == [("68.40m", ""), ("1.5m", "")]


@pytest.mark.parametrize("test_case", MEASURES)
def test_measures(test_case: Case) -> None:
    check_case(test_case)


# --- when: periods, relative ones resolved against the article's date ----------------------------------------

PERIODS = [
    row("the-year-of-the-figures-a-forecast-rests-on",
        "Based on 2019 figures, the merged airline would carry more than 90 million passengers.",
        claim("more than 90 million", 90_000_000, "count", period="2019")),
    row("the-year-of-the-data-a-projection-rests-on",
        "Based on 2021 data, the enlarged school trust would teach more than 40,000 pupils.",
        claim("more than 40,000", 40_000, "count", period="2021")),
    row("from-a-month-and-year",
        "Interest rates rose 1.25 percentage points from June 2004 as the bank cooled the market.",
        claim("1.25 percentage points", "1.25", "percentage_point", period="from June 2004")),
    row("from-a-month-and-year-of-fares",
        "Bus fares have risen 30 pence from April 2019 as subsidies were withdrawn.",
        claim("30 pence", "0.30", ANY, period="from April 2019")),
    row("a-month-is-a-whole-word",
        "The 40 finalists will wait in separate rooms before the vote.",
        claim("40", 40, "count", period=None)),
    row("a-month-abbreviation-inside-a-word-is-no-month",
        "The 12 novelists decided to share the prize money.",
        claim("12", 12, "count", period=None)),
    row("a-date-in-a-coordinated-clause-is-not-the-figures",
        "The £30m hospital wing was designed by Arden Partners and is due to open on 4 March 2027 in Leeds.",
        claim("£30m", 30_000_000, "GBP", period=None, place=None)),
    row("an-opening-date-in-a-coordinated-clause-is-not-the-figures",
        "The $8m science centre was funded by the Halden Trust and is set to open on 12 June 2026 in Bristol.",
        claim("$8m", 8_000_000, "USD", period=None, place=None)),
    row("durations-of-each-figure",
        "The console sold 2 million units in two months and 5 million units in six months.",
        claim("2 million", 2_000_000, "count", period="two months"),
        claim("5 million", 5_000_000, "count", period="six months")),
    row("durations-of-each-user-count",
        "The app gained 3 million users in four weeks and 10 million users in a year.",
        claim("3 million", 3_000_000, "count", period="four weeks"),
        claim("10 million", 10_000_000, "count", period="a year")),
    row("a-figure-set-against-another-keeps-its-period",
        "Each ticket now costs £48, up from £39 under the previous deal.",
        claim("£48", 48, "GBP", period=None), claim("£39", 39, "GBP", period="previous deal")),
    row("a-fare-set-against-another-keeps-its-period",
        "A single bus fare now costs £2.50, up from £1.80 under the old contract.",
        claim("£2.50", "2.50", "GBP", period=None), claim("£1.80", "1.80", "GBP", period="old contract")),
    row("seasons-and-deals",
        "The broadcaster will show 126 matches per season under a three-year contract.",
        claim("126", 126, "count", period=("per season", "three-year contract"))),
    row("years-and-agreements",
        "The streaming service will carry 40 concerts per year under a five-year agreement.",
        claim("40", 40, "count", period=("per year", "five-year agreement"))),
    row("a-weekday-dates-a-count",
        "The death toll rose to 56 on Sunday, officials said.",
        claim("56", 56, "count", period="on Sunday")),
    row("a-weekday-dates-a-case-count",
        "Confirmed cases climbed to 230 on Thursday, health officials said.",
        claim("230", 230, "count", period="on Thursday")),
    row("a-weekday-of-an-announcement-dates-no-figure",
        "The plan she announced on Monday is backed by £20 million of funding.",
        claim("£20 million", 20_000_000, "GBP", period=None)),
    row("a-weekday-of-an-unveiling-dates-no-figure",
        "The scheme he unveiled on Friday is funded by €5 million of grants.",
        claim("€5 million", 5_000_000, "EUR", period=None)),
    row("currently",
        "The broadcaster is currently paying £90m a year for the rights.",
        claim("£90m", 90_000_000, "GBP", period=("currently", "a year"))),
    row("currently-spending",
        "The council is currently spending £4m a year on school transport.",
        claim("£4m", 4_000_000, "GBP", period=("currently", "a year"))),
    row("the-current-figure-of-a-deal",
        "The new fee is a 40% increase on the club's current £12m deal.",
        claim("£12m", 12_000_000, "GBP", period="current deal")),
    row("the-current-figure-of-a-contract",
        "The offer is a 15% rise on the coach's current £800,000 contract.",
        claim("£800,000", 800_000, "GBP", period="current contract")),
    row("last-years-thing-compared-is-no-period",
        "The laptop has a 14-inch display, slightly larger than last year's model.",
        claim("14-inch", 14, "in", period=None)),
    row("last-years-version-compared-is-no-period",
        "The phone has a 50-megapixel camera, much sharper than last year's version.",
        claim("50-megapixel", 50, ANY, period=None)),
    row("last-week-and-a-date",
        "Turnout fell 4% last week. Depositors who lost at least €1m before 15 March will be repaid.",
        claim("4%", 4, "percent", period="last week"), claim("€1m", 1_000_000, "EUR", period="15 March")),
    row("last-week-and-a-date-of-refunds",
        "Ridership dropped 7% last week. Students who paid at least £500 before 1 September will get refunds.",
        claim("7%", 7, "percent", period="last week"), claim("£500", 500, "GBP", period="1 September")),
]


@pytest.mark.parametrize("test_case", PERIODS)
def test_periods(test_case: Case) -> None:
    check_case(test_case)


@pytest.mark.parametrize(("text", "mention", "start", "end"), [
    ("Turnout fell 4% last week.", "4%", "2019-02-25", "2019-03-03"),
    ("Exports rose 7% last year.", "7%", "2018-01-01", "2018-12-31"),
    ("Exports rose 2% last month.", "2%", "2019-02-01", "2019-02-28"),
    ("Prices rose 3% this year.", "3%", "2019-01-01", "2019-03-06"),
    ("The toll rose to 56 on Sunday.", "56", "2019-03-03", "2019-03-03"),
    ("Sales fell 9% in June.", "9%", "2018-06-01", "2018-06-30"),
])
def test_relative_periods_are_resolved_against_the_articles_date(text: str, mention: str, start: str,
                                                                  end: str) -> None:
    published = dt.date(2019, 3, 6)  # a Wednesday
    [found] = [c for c in analyse(text, published).claims if c.mention == mention]
    assert (str(found.period_start), str(found.period_end)) == (start, end)


def test_relative_periods_stay_as_written_without_a_date() -> None:
    [found] = analyse("Turnout fell 4% last week.").claims
    assert (found.period, found.period_start, found.period_end) == ("last week", None, None)


# --- tables: figures whose words stand in a header and row labels ------------------------------------------

RANKED = ("Hospitals miss their targets\n\n"
          "Waiting lists grew again this winter, the health board said on Tuesday.\n\n"
          "LONGEST WAITING LISTS BY TRUST, YEAR 2019-20\n"
          "==========================================\n\n"
          "TRUST                        PATIENTS\n"
          "                          (THOUSANDS)\n"
          " 1. Northfield General       48\n"
          " 2. Riverside University     41\n"
          " 3. Hillcrest                39\n")
CELLS = ("Biggest stadium deals\n"
         "Club \tAnnual fee \tTotal fee \tLength\n\n"
         "Harbour Town FC\n\t\n\n£4.5m (€5.2m)\n\t\n\n£36m (€41.6m)\n\t\n\n8 years (2015-23)\n\n"
         "Valley Rovers\n\t\n\n£2.1m\n\t\n\n£21m\n\t\n\n10 years (2012-22)\n\n"
         "The league said it was pleased with the deals.\n")


def test_a_ranked_table_gives_its_rows_their_holder_measure_period_and_scale() -> None:
    found = {c.mention: c for c in analyse(RANKED).claims}
    first = found["48"]
    assert (first.subject, first.measure, first.period) == ("Northfield General", "patients", "2019-20")
    assert (first.value, first.unit) == (48_000, "count")
    assert found["39"].subject == "Hillcrest" and found["39"].value == 39_000


def test_a_table_of_cells_gives_each_figure_its_row_and_column() -> None:
    found = {c.mention: c for c in analyse(CELLS).claims}
    annual = found["£4.5m"]
    assert (annual.subject, annual.measure, annual.period) == ("Harbour Town FC", "annual fee", "2015-23")
    assert (found["£36m"].subject, found["£36m"].measure) == ("Harbour Town FC", "total fee")
    assert (found["£21m"].subject, found["£21m"].measure, found["£21m"].period) == ("Valley Rovers", "total fee",
                                                                                      "2012-22")


def test_a_row_of_an_institution_takes_its_place() -> None:
    text = ("Biggest league deals\nLeague \tAnnual cost \tTotal cost\n\n"
            "NBA (basketball)\n\t\n\n$2.6bn\n\t\n\n$24bn\n\n"
            "Bundesliga\n\t\n\n€1.1bn\n\t\n\n€4.4bn\n\n")
    found = {c.mention: c for c in analyse(text).claims}
    assert (found["$2.6bn"].subject, found["$2.6bn"].place) == ("NBA", "United States")
    assert (found["€4.4bn"].subject, found["€4.4bn"].place, found["€4.4bn"].measure) == ("Bundesliga", "Germany",
                                                                                          "total cost")


def test_a_crosshead_before_a_paragraph_is_no_table() -> None:
    text = ("Council budget\n\nSchools\n\nThe council will spend £12m on schools this year.\n\n"
            "Roads\n\nIt will spend £4m on roads.\n")
    assert {c.mention: c.subject for c in analyse(text).claims} == {"£12m": None, "£4m": None}


# --- numbers that are no figures ------------------------------------------------------------------------------

NOT_FIGURES = [
    row("an-age-in-apposition", "Ridley, 45, wrote and directed the film.", only=True),
    row("a-players-age-in-apposition", "Okafor, 29, scored twice in the final.", only=True),
    row("an-age-after-said", '"We are a covers band," said Morrow, 53.', only=True),
    row("a-doctors-age-after-said", '"The vaccine works," said Dr Patel, 61.', only=True),
    row("an-age-range", "The advert is aimed at children between the ages of six and 11.", only=True),
    row("an-age-range-of-adults", "The apprenticeships are open to adults between the ages of 18 and 25.", only=True),
    row("a-chart-position", "The single went to No 1 in the charts.", only=True),
    row("a-bestseller-list-position", "Her memoir went to No 3 in the bestseller list.", only=True),
    row("a-name-with-a-number-after-a-year", "Fans argue over Turbo Rally 2005 and Street Kings 4.", only=True),
    row("a-mission-name-with-a-number-after-a-year",
        "Engineers still debate Mission Orbit 1998 and Rover Probe 2.", only=True),
    row("a-rank-in-words", "The coach has guided the club to the league's top eight.", only=True),
    row("a-rank-in-words-of-a-school", "The head has led the school into the region's top ten.", only=True),
    row("the-odds-of-a-bet", "Bookmakers gave Ellis odds of 6-9, with Harlow at 5-2.", only=True),
    row("the-odds-of-an-election-bet", "Bookmakers offered odds of 3-1 on the Greens, with Labour at 1-5.",
        only=True),
    row("a-league-named-with-a-number-word", "Rovers beat the League Two side in the cup.", only=True),
    row("a-division-named-with-a-number-word", "The Division Three club signed a new goalkeeper.", only=True),
    row("the-age-of-just", "She became a councillor at the age of just 23 for her home ward.", only=True),
    row("the-age-of-just-for-a-professor", "He was made a professor at the age of just 29.", only=True),
    row("an-age-at-the-time", "The witness - who was 13 at the time - gave evidence.", only=True),
    row("an-inventors-age-at-the-time", "The inventor - who was 19 at the time - sold the patent.", only=True),
    row("a-race-named-by-its-distance", "Marsh, the 2008 Olympic 400m champion, and Keane, the 100m silver "
        "medallist, withdrew.", only=True),
    row("a-swim-named-by-its-distance", "Lin, the 2016 Olympic 200m freestyle champion, and Ortiz, the 400m "
        "bronze medallist, retired.", only=True),
    row("money-is-no-race", "The club made a £400m final payment.", claim("£400m", 400_000_000, "GBP")),
    row("a-final-settlement-is-no-race", "The insurer agreed a £2.5m final settlement.",
        claim("£2.5m", 2_500_000, "GBP")),
    row("a-round-of-a-competition", "The holders face Lyon in the last 16 next month.", only=True),
    row("a-round-of-a-quiz-competition", "The school quiz team has reached the last eight of the national contest.",
        only=True),
    row("a-ranking-in-the-world", "The former champion has dropped to 87 in the world after injury.", only=True),
    row("a-universitys-ranking-in-the-world", "The university has slipped to 45 in the world this year.", only=True),
    row("nothing-counted-by-none-of-this", "Sadly none of this was explained to the parents.", only=True),
    row("nothing-counted-by-none-of-it", "Unfortunately none of this reached the voters before polling day.",
        only=True),
    row("a-match-clock", "Okafor scored the winner with nine minutes left.", only=True),
    row("a-match-clock-remaining", "The visitors equalised with two minutes remaining.", only=True),
    row("the-last-years-are-a-period-not-a-round",
        "Over the last four years waiting lists grew 30%.",
        claim("30%", 30, "percent", measure="waiting lists", period="last four years")),
    row("the-last-years-of-crime-are-a-period-not-a-round",
        "Over the last three years burglaries fell 12%.",
        claim("12%", 12, "percent", measure="burglaries", period="last three years")),
    row("a-number-that-owns-something-is-a-name", "Rapper 50's new album is out.", only=True),
    row("a-dj-number-that-owns-something-is-a-name", "DJ 808's new radio show starts tonight.", only=True),
    row("two-race-distances-of-an-athlete", "The 100m and 200m champion withdrew.", only=True),
    row("two-swim-distances-of-a-swimmer", "The 50m and 100m freestyle champion has retired.", only=True),
    row("the-size-of-a-squad", "The coach named a 23-man squad for the tour.", only=True),
    row("the-size-of-a-players-squad", "The manager picked a 26-player squad for the finals.", only=True),
    row("long-race-distances-of-an-athlete", "The 5000m and 10,000m record holder has retired.", only=True),
    row("a-year-that-owns-something", "The museum shows 1851's Great Exhibition catalogue.", only=True),
    row("a-year-that-owns-footage", "The archive shows 1969's moon landing footage.", only=True),
    row("an-age-to-come", "The final is in Lisbon next May, when she will be 36.", only=True),
    row("an-age-to-come-at-an-election", "The election is next spring, when he will be 70.", only=True),
    row("an-age-turned", "The goalkeeper turned 41 on Saturday.", only=True),
    row("an-age-turned-by-a-senator", "The senator turned 80 on Friday.", only=True),
    row("an-age-threshold", "Most of the club's members are over 65.", only=True),
    row("an-age-threshold-under", "Most patients on the ward are under 18.", only=True),
    row("a-duration-with-an-adjective", "It has been three difficult months for the staff.", only=True),
    row("a-duration-with-an-adjective-for-families", "It has been two long years for the flood victims.",
        only=True),
    row("a-place-that-leads-the-next-figure",
        "Unemployment was highest in the North East at 8.1%, followed by Wales on 7.4%.",
        claim("8.1%", "8.1", "percent", place="North East"), claim("7.4%", "7.4", "percent", place="Wales")),
    row("a-region-that-leads-the-next-figure",
        "Turnout was lowest in the West Midlands at 31%, followed by Scotland on 34%.",
        claim("31%", 31, "percent", place="West Midlands"), claim("34%", 34, "percent", place="Scotland")),
    row("a-place-named-with-and-is-no-holder",
        "Prices rose 4% in London, and in Yorkshire and the Humber 2.5%.",
        claim("2.5%", "2.5", "percent", place="Yorkshire and the Humber", subject=None)),
    row("a-county-pair-named-with-and-is-no-holder",
        "House prices fell 3% in Scotland, and in Devon and Cornwall 1.5%.",
        claim("1.5%", "1.5", "percent", place="Devon and Cornwall", subject=None)),
    row("an-office-named-after-a-place",
        "The Duke of Cornwall received £21m from the estate.",
        claim("£21m", 21_000_000, "GBP", place=None)),
    row("a-bishop-named-after-a-place",
        "The Bishop of Durham spent £40,000 on roof repairs.",
        claim("£40,000", 40_000, "GBP", place=None)),
    row("a-title-before-a-full-name",
        "Novelist Sarah Hale has sold two million copies.",
        claim("two million", 2_000_000, "count", subject="Sarah Hale")),
    row("an-architects-title-before-a-full-name",
        "Architect Lena Morrow has designed 40 bridges.",
        claim("40", 40, "count", subject="Lena Morrow")),
    row("an-institution-inside-a-papers-name-is-no-place",
        "A column in the Bundesliga Weekly states that ticket prices rose 15 percent.",
        claim("15 percent", 15, "percent", place=None)),
    row("the-worlds-ranking-is-no-place",
        "Nordbrau, the world's third-largest brewer, sold 90 million hectolitres.",
        claim("90 million", 90_000_000, ANY, place=None)),
    row("the-worlds-chipmaker-ranking-is-no-place",
        "Vendrix, the world's second-biggest chipmaker, shipped 400 million processors.",
        claim("400 million", 400_000_000, ANY, place=None)),
    row("a-place-and-a-figure-are-no-age",
        "In Kent, 40 homes were flooded, and in Essex, 12.",
        claim("40", 40, "count", place="Kent"), claim("12", 12, "count", measure="homes", place="Essex")),
    row("a-county-and-a-figure-are-no-age",
        "In Devon, 25 schools closed, and in Cornwall, 9.",
        claim("25", 25, "count", place="Devon"), claim("9", 9, "count", measure="schools", place="Cornwall")),
]


@pytest.mark.parametrize("test_case", NOT_FIGURES)
def test_numbers_that_are_no_figures(test_case: Case) -> None:
    check_case(test_case)
