"""A table of phrases and the figure the number layer reads in each: value and unit.

Grouped by origin, in the manner of price-parser's test tables:

* ``BUGS`` — the forms that were misread before currencies came from CLDR and units through pint
  (a count, the wrong currency, or metres for million);
* ``CURRENCIES``, ``SCALES``, ``PHYSICAL`` and ``COMPOUND`` — the features, one row per form,
  with each ambiguity decided both ways;
* ``DEVELOPMENT_SET`` — the kinds of figures met in the development clusters (phone specifications,
  a table whose header states its unit, the other end of a change), in sentences written for this table;
* ``TOPICS`` — sentences of business, science, sport, technology and disasters;
* ``NOT_READ`` — what must not be read as money or as a unit;
* ``KNOWN_FAILURES`` — rows the number layer gets wrong today, as ``xfail(strict=True)``.

Every sentence was written for this table. A row names text that lies inside the figure's span,
and the value (exact) and unit it must have; ``low``/``high`` check a range.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from factcheck.extract import extract
from factcheck.extract.numbers import Quantity, find_quantities


@dataclass(frozen=True)
class Row:
    text: str
    find: str
    value: Decimal | None
    unit: str
    low: Decimal | None = None
    high: Decimal | None = None


def row(id: str, text: str, find: str, value: Any, unit: str, low: Any = None, high: Any = None):
    number = None if value is None else Decimal(str(value))
    bounds = [None if b is None else Decimal(str(b)) for b in (low, high)]
    return pytest.param(Row(text, find, number, unit, *bounds), id=id)


def known(reason: str, param):
    return pytest.param(*param.values, id=param.id, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- bugs: forms that were misread ----------------------------------------------------------------------------

BUGS = [
    row("naira-after-m", "The lender wrote off 154m naira of bad loans.", "154m naira", 154_000_000, "NGN"),
    row("baht-after-bn", "Tourism earned the kingdom 30bn baht in the spring.", "30bn baht", 30_000_000_000, "THB"),
    row("pesos-after-m", "The miner was fined 400m pesos.", "400m pesos", 400_000_000, "MXN"),
    row("rupiah-after-trillion", "The budget sets aside 59.2 trillion rupiah for roads.", "59.2 trillion rupiah",
        59_200_000_000_000, "IDR"),
    row("nationality-lower-case", "The airline bought jets for 125 million australian dollars.",
        "125 million australian dollars", 125_000_000, "AUD"),
    row("canadian-prefix", "The pension fund paid C$300 million for the stake.", "C$300 million", 300_000_000, "CAD"),
    row("hong-kong-prefix", "The tycoon raised HK$10bn from the sale.", "HK$10bn", 10_000_000_000, "HKD"),
    row("code-after-lower-case", "A ticket costs 20 usd at the door.", "20 usd", 20, "USD"),
    row("symbol-after-spaced", "The menu is 10 € a head.", "10 €", 10, "EUR"),
    row("code-before-scale-after", "Investors put in USD 75 million.", "USD 75 million", 75_000_000, "USD"),
    row("code-between-figure-and-scale", "Investors put in 75 USD million.", "75 USD million", 75_000_000, "USD"),
    row("half-million-code", "The charity raised half million usd last year.", "half million usd", 500_000, "USD"),
    row("m-before-count-noun-in-capitals", "The firm shipped almost 6m VR headsets.", "6m", 6_000_000, "count"),
    row("m-before-euro", "A 420m euro loan was agreed.", "420m euro", 420_000_000, "EUR"),
    row("m-before-capitalised-plural", "There are 2.7m Catholics in the region.", "2.7m", 2_700_000, "count"),
    row("m-before-deep", "The submersible dived 4,000m deep.", "4,000m", 4000, "m"),
    row("m-before-a-stretch", "A 200m stretch of the coast road was closed.", "200m", 200, "m"),
    row("m-before-an-exclusion-zone", "Police set up a 500m exclusion zone around the plant.", "500m", 500, "m"),
    row("coins-after-dollars", "A sandwich cost 4 dollars 75 cents.", "4 dollars 75 cents", "4.75", "USD"),
    row("coins-in-words", "The fare rose to twelve dollars and twenty-five cents.",
        "twelve dollars and twenty-five cents", "12.25", "USD"),
    row("quarter-million", "A quarter million dollars went missing.", "quarter million dollars", 250_000, "USD"),
    row("three-quarters-of-a-billion", "The scheme cost three quarters of a billion pounds.",
        "three quarters of a billion pounds", 750_000_000, "GBP"),
]

# --- currencies: codes, symbols, names, and what several currencies share --------------------------------------

CURRENCIES = [
    row("code-before-glued-scale", "Profits reached GBP27m.", "GBP27m", 27_000_000, "GBP"),
    row("code-after-scale", "The bank lost 3.2bn EUR.", "3.2bn EUR", 3_200_000_000, "EUR"),
    row("code-after-lower-case-scale", "It raised 12m chf.", "12m chf", 12_000_000, "CHF"),
    row("symbol-after-glued", "A coffee is 3€ there.", "3€", 3, "EUR"),
    row("symbol-before-euro", "The rebate is worth €450.", "€450", 450, "EUR"),
    row("us-prefix", "The loan was US$2.5bn.", "US$2.5bn", 2_500_000_000, "USD"),
    row("australian-prefix", "Shares worth A$40m changed hands.", "A$40m", 40_000_000, "AUD"),
    row("australian-long-prefix", "Shares worth AU$40m changed hands.", "AU$40m", 40_000_000, "AUD"),
    row("canadian-long-prefix", "A CA$15 fee applies.", "CA$15", 15, "CAD"),
    row("new-zealand-prefix", "The club spent NZ$8m on the stand.", "NZ$8m", 8_000_000, "NZD"),
    row("singapore-prefix", "Rents reached S$5,000 a month.", "S$5,000", 5000, "SGD"),
    row("brazil-prefix", "The fine is R$1.2 million.", "R$1.2 million", 1_200_000, "BRL"),
    row("mexico-prefix", "Tickets start at MX$350.", "MX$350", 350, "MXN"),
    row("rupee-sign", "The scheme costs ₹5 crore.", "₹5 crore", 50_000_000, "INR"),
    row("won-sign", "The phone sells for ₩1,200,000.", "₩1,200,000", 1_200_000, "KRW"),
    row("won-after-a-scale", "The chipmaker earned 1.2 trillion won in the quarter.", "1.2 trillion won",
        1_200_000_000_000, "KRW"),
    row("won-after-a-sum", "A bowl of noodles costs 5000 won in Seoul.", "5000 won", 5000, "KRW"),
    row("rouble-sign", "Bread costs ₽60.", "₽60", 60, "RUB"),
    row("lira-sign", "Rent rose to ₺9,000.", "₺9,000", 9000, "TRY"),
    row("naira-sign", "Fuel costs ₦617 a litre.", "₦617", 617, "NGN"),
    row("peso-sign-philippines", "Rice costs ₱45 a kilo.", "₱45", 45, "PHP"),
    row("baht-sign", "A massage costs ฿300.", "฿300", 300, "THB"),
    row("dong-sign", "Noodles cost ₫40,000.", "₫40,000", 40_000, "VND"),
    row("yuan-ideograph", "A metro ticket costs 4元.", "4元", 4, "CNY"),
    row("zloty-after", "A tram ticket costs 4.40 zł.", "4.40 zł", "4.4", "PLN"),
    row("kr-with-norway", "In Norway a pint costs 95 kr.", "95 kr", 95, "NOK"),
    row("kr-with-swedish", "The Swedish lender set aside 300m kr.", "300m kr", 300_000_000, "SEK"),
    row("kr-alone-default", "A coffee costs 40 kr.", "40 kr", 40, "SEK"),
    row("rs-with-pakistan", "Pakistan's budget sets aside Rs 900bn for defence.", "Rs 900bn", 900_000_000_000, "PKR"),
    row("rs-alone-default", "The court imposed a fine of Rs 5 lakh.", "Rs 5 lakh", 500_000, "INR"),
    row("dollars-with-canada", "Canada will spend 40bn dollars on trains.", "40bn dollars", 40_000_000_000, "CAD"),
    row("dollars-alone-default", "The toy cost 30 dollars.", "30 dollars", 30, "USD"),
    row("bare-dollar-sign-is-usd", "Canada's fund paid $2bn.", "$2bn", 2_000_000_000, "USD"),
    row("pounds-with-egypt", "Egypt raised fuel prices by 2 pounds a litre.", "2 pounds", 2, "EGP"),
    row("swiss-francs", "The watchmaker made 1.1bn Swiss francs.", "1.1bn Swiss francs", 1_100_000_000, "CHF"),
    row("francs-with-france", "In 1995 France spent 80bn francs on it.", "80bn francs", 80_000_000_000, "FRF"),
    row("yuan", "The app earned 2bn yuan.", "2bn yuan", 2_000_000_000, "CNY"),
    row("renminbi", "Deposits of 3bn renminbi were moved.", "3bn renminbi", 3_000_000_000, "CNY"),
    row("rmb-before", "The deal is worth RMB 600m.", "RMB 600m", 600_000_000, "CNY"),
    row("rupees", "Tickets cost 500 rupees.", "500 rupees", 500, "INR"),
    row("rand", "The mine lost 2bn rand.", "2bn rand", 2_000_000_000, "ZAR"),
    row("naira-words", "The bill was five thousand naira.", "five thousand naira", 5000, "NGN"),
    row("roubles-british-spelling", "Wages rose to 60,000 roubles.", "60,000 roubles", 60_000, "RUB"),
    row("historical-german-marks", "The car cost 40,000 German marks in 1990.", "40,000 German marks", 40_000, "DEM"),
    row("historical-drachmas", "A coffee cost 400 drachmas.", "400 drachmas", 400, "GRD"),
    row("historical-last-in-use", "The club paid 900m pesetas in 1998.", "900m pesetas", 900_000_000, "ESP"),
    row("historical-cypriot-pounds", "The house sold for 90,000 Cypriot pounds.", "90,000 Cypriot pounds",
        90_000, "CYP"),
    row("cfa-francs", "The loan is 5bn CFA francs.", "5bn CFA francs", 5_000_000_000, "XOF"),
    row("shekels-without-new", "The fine was 10,000 Israeli shekels.", "10,000 Israeli shekels", 10_000, "ILS"),
    row("nis-before", "The grant is NIS 2m.", "NIS 2m", 2_000_000, "ILS"),
    row("kenyan-shilling-symbol", "The levy raised KSh 3bn.", "KSh 3bn", 3_000_000_000, "KES"),
    row("word-code-with-scale", "The pesos bond raised COP 1.5 trillion.", "COP 1.5 trillion",
        1_500_000_000_000, "COP"),
    row("pence", "A stamp costs 85p.", "85p", "0.85", "GBP"),
    row("euro-cents", "The levy is 20 euro cents a litre.", "20 euro cents", "0.2", "EUR"),
    row("metres-swum", "She swam 1,500m in 16 minutes.", "1,500m", 1500, "m"),
    row("coins-of-a-country", "The new stamp costs 65 Canadian cents.", "65 Canadian cents", "0.65", "CAD"),
    row("coins-of-a-country-short-name", "Bus fares rose by 40 US cents.", "40 US cents", "0.4", "USD"),
    row("coins-of-a-people", "A kilo of maize flour rose by 90 Kenyan cents.", "90 Kenyan cents", "0.9", "KES"),
    row("accounting-brackets", "Net income was ($4.5m).", "($4.5m)", -4_500_000, "USD"),
    row("spaced-prefix-lower-case", "exports rose to hk $ 3.2 billion .", "hk $ 3.2 billion", 3_200_000_000,
        "HKD"),
    row("spaced-prefix-single-letter", "the charge was c $ 45 million .", "c $ 45 million", 45_000_000, "CAD"),
    row("spaced-prefix-dotted", "the grant is u.s $ 2,000,000 .", "u.s $ 2,000,000", 2_000_000, "USD"),
    row("symbol-after-then-figure", "Tips: 5 $ 20 cents each.", "5 $ 20 cents", "5.2", "USD"),
    row("symbols-before-two-figures", "$ 1,200.50 $ 980.25 in fees", "$ 980.25", "980.25", "USD"),
    row("number-word-hyphen-currency", "He dropped a two-euro coin.", "two-euro", 2, "EUR"),
    row("conversion-in-brackets-keeps-sign", "It cost £5m ($6m) to build.", "$6m", 6_000_000, "USD"),
]

# --- scales: million or metres, lakh and crore, and pounds of money or weight ----------------------------------

SCALES = [
    row("m-plural-noun", "The service has 3.5m subscribers.", "3.5m", 3_500_000, "count"),
    row("m-noun-phrase", "About 2.1m cash payments were made.", "2.1m", 2_100_000, "count"),
    row("m-money-in-sentence", "Sales were 90m euros, up from 72m a year before.", "72m", 72_000_000, "count"),
    row("m-headline-end", "Viewing figures fall by 3m", "3m", 3_000_000, "count"),
    row("m-high", "The dam is 185m high.", "185m", 185, "m"),
    row("m-hyphen-tall", "A 30m-tall statue was unveiled.", "30m", 30, "m"),
    row("m-final", "She won the 400m final in Rome.", "400m", 400, "m"),
    row("m-world-record", "He broke the 1,500m world record.", "1,500m", 1500, "m"),
    row("m-jumped", "The teenager jumped 7.85m to win.", "7.85m", "7.85", "m"),
    row("m-both-ends-alike", "She is the 800m and 1500m champion.", "800m", 800, "m"),
    row("m-athletics-sentence", "He took silver in the 200m.", "200m", 200, "m"),
    row("m-bracketed-feet", "The robot is 1.2m (3.9ft) tall.", "1.2m", "1.2", "m"),
    row("m-per-second", "The lift climbs at 10m per second.", "10m", 10, "m"),
    row("m-length-word-in-sentence", "Engineers built a 150m tower.", "150m", 150, "m"),
    row("lakh", "The flat costs 45 lakh rupees.", "45 lakh rupees", 4_500_000, "INR"),
    row("crore", "The state will spend ₹1,200 crore.", "₹1,200 crore", 12_000_000_000, "INR"),
    row("lakh-crore", "The budget is ₹45 lakh crore.", "₹45 lakh crore", 45_000_000_000_000, "INR"),
    row("capitalised-million", "Game Sells 10 Million Copies", "10 Million", 10_000_000, "count"),
    row("pounds-money", "The council will spend 300 pounds per pupil.", "300 pounds", 300, "GBP"),
    row("pounds-weighs", "The bear weighs 600 pounds.", "600 pounds", 600, "lb"),
    row("pounds-of-substance", "Police seized 90 pounds of heroin.", "90 pounds", 90, "lb"),
    row("pounds-lost", "She lost 40 pounds in a year.", "40 pounds", 40, "lb"),
    row("pound-hyphen-weight", "A 500-pound bomb was found.", "500-pound", 500, "lb"),
    row("pounds-heavier", "He is 20 pounds heavier than last season.", "20 pounds", 20, "lb"),
    row("lbs", "The newborn weighed 8lbs.", "8lbs", 8, "lb"),
]

# --- physical units -------------------------------------------------------------------------------------------

PHYSICAL = [
    row("square-kilometres-abbreviated", "The fire burned 18,000 sq km of forest.", "18,000 sq km", 18_000, "sq km"),
    row("square-kilometres-superscript", "The reserve covers 450km².", "450km²", 450, "sq km"),
    row("hectares", "Farmers lost 2,000 hectares of wheat.", "2,000 hectares", 2000, "ha"),
    row("square-feet", "The warehouse has 500,000 square feet of space.", "500,000 square feet", 500_000, "sq ft"),
    row("nautical-miles", "The tanker was 60 nautical miles offshore.", "60 nautical miles", 60, "nmi"),
    row("knots", "Gusts reached 70 knots.", "70 knots", 70, "kn"),
    row("miles-an-hour", "Winds of 100 miles an hour hit the coast.", "100 miles an hour", 100, "mi/h"),
    row("mph", "The car was doing 90mph.", "90mph", 90, "mi/h"),
    row("kph", "The train runs at 300kph.", "300kph", 300, "km/h"),
    row("celsius-glued", "Temperatures hit 41C in the capital.", "41C", 41, "°C"),
    row("fahrenheit-glued", "It was 104F in the shade.", "104F", 104, "°F"),
    row("degrees-celsius", "The sea warmed by 1.5 degrees Celsius.", "1.5 degrees Celsius", "1.5", "°C"),
    row("degree-sign", "Water boils at 100°C.", "100°C", 100, "°C"),
    row("kelvin", "The magnet is cooled to 4 kelvin.", "4 kelvin", 4, "K"),
    row("litres", "Each household uses 140 litres a day.", "140 litres", 140, "l"),
    row("cubic-metres", "The dam holds 3bn cubic metres of water.", "3bn cubic metres", 3_000_000_000, "cu m"),
    row("barrels-per-day", "Output fell to 1.2m barrels per day.", "1.2m barrels per day", 1_200_000, "bbl/d"),
    row("bpd", "The field pumps 80,000 bpd.", "80,000 bpd", 80_000, "bbl/d"),
    row("grams-glued", "The phone weighs 168g.", "168g", 168, "g"),
    row("tonnes", "The ship carried 20,000 tonnes of grain.", "20,000 tonnes", 20_000, "t"),
    row("stone", "He weighed 18 stone.", "18 stone", 18, "st"),
    row("ounces", "The letter weighed 3 ounces.", "3 ounces", 3, "oz"),
    row("megawatts", "The farm will produce 400MW.", "400MW", 400, "MW"),
    row("terawatt-hours", "The grid used 300 terawatt hours.", "300 terawatt hours", 300, "TWh"),
    row("kilowatt-hours", "A home uses 2,700 kWh a year.", "2,700 kWh", 2700, "kWh"),
    row("horsepower", "The engine makes 600bhp.", "600bhp", 600, "hp"),
    row("gigabytes", "The tablet has 64GB of storage.", "64GB", 64, "GB"),
    row("terabytes-word", "The leak held two terabytes of files.", "two terabytes", 2, "TB"),
    row("megabits-per-second", "Broadband reached 80Mbps.", "80Mbps", 80, "Mbps"),
    row("megabits-spelled", "Speeds of 30 megabits per second were promised.", "30 megabits per second", 30, "Mbps"),
    row("megabytes-per-second-kept-apart", "The drive reads at 500MB/s.", "500MB/s", 500, "MB/s"),
    row("gigahertz", "It runs at 3.2GHz.", "3.2GHz", "3.2", "GHz"),
    row("screen-diagonal", "It has a 6.1-inch display.", "6.1-inch", "6.1", "in"),
    row("inches-before-screen", "A 10.5in screen is standard.", "10.5in", "10.5", "in"),
    row("resolution-p", "It streams in 2160p.", "2160p", 2160, "px"),
    row("pixel-density", "The panel has 460 ppi.", "460 ppi", 460, "ppi"),
    row("megapixels-glued", "The rear camera is 48MP.", "48MP", 48, "MP"),
    row("megapixels-hyphen", "It adds a 12-megapixel lens.", "12-megapixel", 12, "MP"),
    row("battery", "A 4,500mAh battery is fitted.", "4,500mAh", 4500, "mAh"),
    row("frames-per-second", "It films at 60 frames per second.", "60 frames per second", 60, "fps"),
    row("magnitude-before", "A magnitude 7.1 earthquake struck at dawn.", "magnitude 7.1", "7.1", "magnitude"),
    row("magnitude-hyphen-after", "A 6.4-magnitude quake shook the city.", "6.4-magnitude", "6.4", "magnitude"),
    row("richter", "The tremor measured 5.2 on the Richter scale.", "5.2 on the Richter scale", "5.2",
        "magnitude"),
    row("nanometres", "The chip uses a 3nm process.", "3nm", 3, "nm"),
    row("picometre-not-a-time", "The lattice spacing is 5.431 pm.", "5.431 pm", "5.431", "pm"),
    row("cubic-kilometres-caret", "The eruption threw out 10km^3 of ash.", "10km^3", 10, "cu km"),
    row("light-years", "The star is 40 light years away.", "40 light years", 40, "ly"),
    row("rating", "Critics gave it three-and-a-half stars.", "three-and-a-half stars", "3.5", "stars"),
]

# --- compound and fractional figures --------------------------------------------------------------------------

COMPOUND = [
    row("half-a-million", "Half a million people marched.", "Half a million", 500_000, "count"),
    row("a-quarter-of-a-million", "A quarter of a million homes lost power.", "A quarter of a million",
        250_000, "count"),
    row("one-and-a-half-hyphens", "One-and-a-half million tickets were sold.", "One-and-a-half million",
        1_500_000, "count"),
    row("trillion-yen", "The stimulus is worth 1.2 trillion yen.", "1.2 trillion yen", 1_200_000_000_000, "JPY"),
    row("euros-and-cents", "The toll is €2 and 40 cents.", "€2 and 40 cents", "2.4", "EUR"),
    row("pounds-and-pence", "He paid £3 and 20p.", "£3 and 20p", "3.2", "GBP"),
    row("basis-points", "The bank raised rates by 25 bps.", "25 bps", "0.25", "percentage_point"),
    row("basis-points-spelled", "Yields rose 40 basis points.", "40 basis points", "0.4", "percentage_point"),
    row("one-in-four", "One in four pupils is absent.", "One in four", 25, "percent"),
    row("seven-out-of-ten", "Seven out of ten voters agreed.", "Seven out of ten", 70, "percent"),
    row("pc", "Inflation fell to 2.1pc.", "2.1pc", "2.1", "percent"),
    row("pct", "Unemployment rose to 6.3 pct.", "6.3 pct", "6.3", "percent"),
    row("percentage-after", "Turnout was 64 percentage in the poll.", "64 percentage", 64, "percent"),
    row("percents", "It was eighty percents complete.", "eighty percents", 80, "percent"),
    row("percent-of-a-number", "The fee is per cent of fifteen.", "per cent of fifteen", 15, "percent"),
    row("minus-words-percent", "Growth was minus two percent.", "minus two percent", -2, "percent"),
    row("three-halves-is-a-number", "It is three halves of the old size.", "three halves", "1.5", "count"),
    row("powers-of-two", "A key of 2x2^10 bits is used.", "2x2^10 bits", 2048, "bit"),
    row("ten-out-of-ten", "The review gave it 10 out of 10.", "10 out of 10", 100, "percent"),
    row("stars-out-of-five", "Critics gave it four stars out of five.", "four stars out of five", 4, "stars"),
    # two units of one dimension, the larger first: one figure in the smaller
    row("feet-and-inches", "The suspect is 6ft 2ins tall.", "6ft 2ins", 74, "in"),
    row("feet-and-inches-spelled", "The goalkeeper stands 6 feet 4 inches.", "6 feet 4 inches", 76, "in"),
    row("stone-and-pounds", "The jockey weighed in at 8 stone 6lb.", "8 stone 6lb", 118, "lb"),
    row("pounds-and-ounces", "The baby weighed 7lb 6oz at birth.", "7lb 6oz", 118, "oz"),
    row("minutes-and-seconds-in-words", "She ran a time of two minutes 3.5 seconds.", "two minutes 3.5 seconds",
        "123.5", "s"),
    row("hours-minutes-and-seconds", "He set a record of 2 hours 4 minutes and 55 seconds.",
        "2 hours 4 minutes and 55 seconds", 7495, "s"),
    # seconds timed to a fraction are a time clocked, even after "in" (not when something happened)
    row("a-sprint-won-in-seconds", "The schoolgirl won the 200m final in 24.31 seconds.", "24.31 seconds", "24.31",
        "s"),
    row("a-swim-in-secs", "He swam the first length in 28.4secs.", "28.4secs", "28.4", "s"),
]

# --- development set: the kinds of figures met in the development clusters, in sentences of our own ------------

DEVELOPMENT_SET = [
    row("dimensions-share-the-last-unit", "The handset measures 150.9 x 75.7 x 8.3 mm.", "150.9", "150.9", "mm"),
    row("dimensions-middle", "The handset measures 150.9 x 75.7 x 8.3 mm.", "75.7", "75.7", "mm"),
    row("dimensions-by-inches", "It is 5.9 by 2.9 by 0.33 inches.", "2.9", "2.9", "in"),
    row("options-share-the-unit", "It comes with 64 or 128GB of storage.", "64", 64, "GB"),
    row("options-second", "It comes with 64 or 128GB of storage.", "128GB", 128, "GB"),
    row("slash-between-rates", "Downloads of 300Mbps down/75Mbps up are quoted.", "75Mbps", 75, "Mbps"),
    row("other-end-of-a-change-from", "The levy was raised to 15 percent from 12, the lowest in the region.", "12",
        12, "percent"),
    row("other-end-of-a-change-to", "The threshold was cut from 5m euros to 2m.", "2m", 2_000_000, "EUR"),
    row("other-end-first", "Forecasts put the rate at 4 to 4.5 percent.", "4 to 4.5 percent", 4, "percent", 4, "4.5"),
    row("range-of-money-scaled", "Clubs will get £5-6m each.", "£5-6m", 5_000_000, "GBP", 5_000_000, 6_000_000),
    # a unit before a slash and another figure: "20Mbps/5Mbps", "5kg/11lb"
    row("a-speed-before-a-slash", "Typical speeds are 20Mbps/5Mbps.", "20Mbps", 20, "Mbps"),
    row("a-weight-before-a-slash", "The laptop weighs 1.2kg/2.6lb.", "1.2kg", "1.2", "kg"),
    # a change and the level it leads to are two figures; a change given as a range is one
    row("a-change-then-its-level", "Copper fell $2.86 to $41.32 a tonne.", "$2.86", "2.86", "USD"),
    row("a-level-after-its-change", "Unemployment rose 32,000 to 1.41 million.", "1.41 million", 1_410_000, "count"),
    row("a-change-that-is-a-range", "Sales are expected to grow by 3 to 5%.", "3 to 5%", 3, "percent", 3, 5),
    row("a-cut-that-is-a-range", "The move will cut profits by $3.8m to $4.9m.", "$3.8m to $4.9m", 3_800_000, "USD",
        3_800_000, 4_900_000),
    # what a verb changes, "from" one level "to" another, has two levels, not a range
    row("an-object-changed-from-a-level", "The plan will increase the number of nurses from 3,500 to 4,000.",
        "4,000", 4000, "count"),
    row("an-age-raised-from-a-level", "Ministers would raise the pension age for council staff from 60 to 65.",
        "65", 65, "count"),
    # a range ascends: "from 1.9% to 1.8%", "by 229 to 206" are two figures
    row("a-descending-pair-is-two-figures", "Growth was revised from 1.9% to 1.8%.", "1.8%", "1.8", "percent"),
    row("a-vote-tally-is-two-figures", "Peers voted by 229 to 206 for the change.", "206", 206, "count"),
    row("rates-bracketed-conversion", "The deal is worth 2bn euros (£1.7bn).", "£1.7bn", 1_700_000_000, "GBP"),
]

# --- topics: business, science, sport, technology, disasters ---------------------------------------------------

TOPICS = [
    row("business-bond", "The utility sold a 500m Swiss franc bond.", "500m Swiss franc", 500_000_000, "CHF"),
    row("business-turnover", "Turnover at the Danish group rose to 12bn Danish kroner.", "12bn Danish kroner",
        12_000_000_000, "DKK"),
    row("business-oil", "Brent crude fell 2% to $78 a barrel.", "$78", 78, "USD"),
    row("business-rates", "The central bank cut rates by 50 basis points to 5.25%.", "50 basis points", "0.5",
        "percentage_point"),
    row("science-temperature", "The lab reached minus 270 degrees Celsius.", "minus 270 degrees Celsius", -270,
        "°C"),
    row("science-distance", "The probe flew within 3,500km of the moon.", "3,500km", 3500, "km"),
    row("science-mass", "The asteroid sample weighed 120 grams.", "120 grams", 120, "g"),
    row("sport-sprint", "The 21-year-old won the 100m in 9.86 seconds.", "100m", 100, "m"),
    row("sport-transfer", "The club paid €120m for the striker.", "€120m", 120_000_000, "EUR"),
    row("sport-long-jump", "She leapt 7.12m in the long jump.", "7.12m", "7.12", "m"),
    row("sport-goal-distance", "He scored from 35 yards.", "35 yards", 35, "yd"),
    row("technology-sales", "The maker sold 8m consoles in a month.", "8m", 8_000_000, "count"),
    row("technology-chip", "The 2.8GHz chip has 16GB of memory.", "2.8GHz", "2.8", "GHz"),
    row("technology-download", "The update is a 1.2GB download.", "1.2GB", "1.2", "GB"),
    row("disaster-quake", "The 7.8-magnitude earthquake killed thousands.", "7.8-magnitude", "7.8", "magnitude"),
    row("disaster-storm", "The cyclone brought winds of 250km/h.", "250km/h", 250, "km/h"),
    row("disaster-flood", "Floods covered 12,000 square kilometres.", "12,000 square kilometres", 12_000, "sq km"),
    row("disaster-aid", "Donors pledged 1.5bn dollars in aid.", "1.5bn dollars", 1_500_000_000, "USD"),
    row("disaster-oil-spill", "The tanker spilled 40,000 tonnes of oil.", "40,000 tonnes", 40_000, "t"),
]

# --- what must not be read as money or as a unit --------------------------------------------------------------


@dataclass(frozen=True)
class Absent:
    text: str
    find: str  # text inside the figure (or where a figure must not be)
    not_unit: str  # the unit it must not have ("" : there must be no figure there with a unit other than count)


def absent(id: str, text: str, find: str, not_unit: str = ""):
    return pytest.param(Absent(text, find, not_unit), id=id)


NOT_READ = [
    absent("top-ten-is-no-paanga", "TOP 10 GADGETS OF THE YEAR", "10", "TOP"),
    absent("summit-name-is-no-peso", "Leaders met at COP28 in Dubai.", "28", "COP"),
    absent("goal-number-is-no-pound", "The plan serves SDG 4 on education.", "4", "SDG"),
    absent("the-mark-is-no-currency", "The index passed the 8,000 mark.", "8,000"),
    absent("gold-medals-are-no-money", "She won 3 gold medals.", "3"),
    # "won" is a verb after a year, a count that won, and before 't
    absent("a-year-that-won-is-no-money", "1998 won the poll as the best year for British film.", "1998", "KRW"),
    absent("a-year-that-wont-is-no-money", "2010 won't be a year to remember for the club.", "2010", "KRW"),
    absent("a-game-that-won-is-no-money", "Racer 3 won two awards at the show.", "3", "KRW"),
    absent("people-are-no-afghanis", "Three Afghanis were rescued.", "Three"),
    absent("time-of-day-is-no-picometre", "The shop opens at 5 pm.", "5", "pm"),
    absent("minutes-are-no-picometres", "The train left at 5.30 pm.", "5.30", "pm"),
    absent("spaced-c-is-no-celsius", "She won Grade 5 C in the exam.", "5", "°C"),
    absent("stars-in-a-crowd", "More than 40 stars walked the carpet.", "40", "stars"),
    absent("pounds-for-schools-are-money", "Schools will get 500 pounds more per pupil.", "500", "lb"),
    absent("five-pound-note-is-money", "She found a 20-pound note.", "20", "lb"),
    absent("m-before-a-plural-is-no-length", "The app has 40m users.", "40m", "m"),
    absent("1080-without-p-is-no-resolution", "Shares rose to 1080p.", "1080p", "GBP"),
    absent("billion-dollar-is-a-figure-of-speech", "It is a billion-dollar business.", "billion", "USD"),
    absent("possessive-s-is-no-singapore", "The retailer's $5m bid failed.", "$5m", "SGD"),
    absent("article-is-no-australia", "A $20 note was found.", "$20", "AUD"),
    absent("percent-of-after-a-share", "Some 30 per cent of 500 firms closed.", "500", "percent"),
    # "second" joined by a hyphen to the next word is the ordinal of a compound, not seconds
    absent("second-half-goals-are-no-seconds", "United scored three second-half goals.", "three second", "s"),
    absent("second-hand-cars-are-no-seconds", "The dealer sold 40 second-hand cars.", "40 second", "s"),
    absent("web-address-digits", "See https://example.org/report?id=2020%20v2 for more.", "2020", "percent"),
]

# --- known failures -------------------------------------------------------------------------------------------

KNOWN_FAILURES = [
    known("a length with no length word around it: 'a 120m yacht' reads as 120 million",
          row("m-object-without-cue", "Engineers launched a 120m yacht.", "120m", 120, "m")),
    known("the scale of '£3m' is not carried to a bare '5m' after 'to' without 'from'",
          row("scale-carried-to", "The fee is £3m to 5m.", "5m", 5_000_000, "GBP")),
    known("a resolution written with 'by' gives counts, not pixels",
          row("resolution-by", "The panel is 2,560-by-1,440 pixels.", "2,560", 2560, "px")),
    known("a named temperature is no figure",
          row("absolute-zero", "The gas was cooled to near absolute zero.", "absolute zero", 0, "K")),
    known("metres per hour are not a unit of the table",
          row("metres-per-hour", "The robot moves at 4.5m/h.", "4.5m/h", "4.5", "m/h")),
]

TABLE = BUGS + CURRENCIES + SCALES + PHYSICAL + COMPOUND + DEVELOPMENT_SET + TOPICS + KNOWN_FAILURES


def _describe(quantities: list[Quantity]) -> str:
    return ", ".join(f"{q.text!r}={q.value} {q.unit}" for q in quantities) or "(nothing)"


def _covering(quantities: list[Quantity], text: str, find: str) -> list[Quantity]:
    at = text.index(find)
    return [q for q in quantities if q.start <= at and at + len(find) <= q.end]


@pytest.mark.parametrize("case", TABLE)
def test_number_table(case: Row) -> None:
    quantities = find_quantities(case.text)
    found = _covering(quantities, case.text, case.find)
    assert found, f"no figure covers {case.find!r}: {_describe(quantities)}"
    q = found[0]
    assert (q.value, q.unit) == (case.value, case.unit), f"read {q.text!r} as {q.value} {q.unit}"
    if case.low is not None:
        assert (q.low, q.high) == (case.low, case.high)


@pytest.mark.parametrize("case", NOT_READ)
def test_not_read(case: Absent) -> None:
    quantities = find_quantities(case.text)
    for q in _covering(quantities, case.text, case.find):
        if case.not_unit:
            assert q.unit != case.not_unit, f"read {q.text!r} as {q.value} {q.unit}"
        else:
            assert q.unit == "count", f"read {q.text!r} as {q.value} {q.unit}"


def test_table_ids_are_unique() -> None:
    ids = [p.id for p in TABLE + NOT_READ]
    assert len(ids) == len(set(ids))


# --- through the claim layer: a table's column unit, and units that carry their time ----------------------------


def test_a_column_header_gives_its_rows_unit_and_scale() -> None:
    text = ("Income of the biggest clubs, last season.\n\n"
            "CLUB                 INCOME\n"
            "                (EUR MILLIONS)\n"
            " 1. Northport            214\n"
            " 2. Eastfield            187.5\n\n"
            "The figures were compiled by the league.")
    claims = [(c.mention, c.value, c.unit) for c in extract(text)]
    assert ("214", Decimal(214_000_000), "EUR") in claims
    assert ("187.5", Decimal(187_500_000), "EUR") in claims
    assert not any(m.upper() == "MILLIONS" for m, _, _ in claims)


def test_a_header_with_the_currency_named_after_the_scale() -> None:
    text = "Revenue (in millions of dollars)\nWidgets        12.5\nGadgets        8"
    claims = {c.mention: (c.value, c.unit) for c in extract(text)}
    assert claims.get("12.5") == (Decimal(12_500_000), "USD")


@pytest.mark.parametrize("header", ["Height (m)", "Source (AFP)", "Plan (ALL)", "Seen (in 2019)"])
def test_a_bracket_that_states_no_currency_or_spelled_scale_is_no_header(header: str) -> None:
    text = f"{header}\nNorth      40"
    assert [(c.value, c.unit) for c in extract(text)] == [(Decimal(40), "count")]


def test_a_table_ends_at_a_line_that_is_no_row() -> None:
    text = "SALES (£m)\nNorth      40\nSouth      35\n\nSome 20 shops closed."
    claims = [(c.value, c.unit) for c in extract(text)]
    assert (Decimal(40_000_000), "GBP") in claims
    assert (Decimal(20), "count") in claims


@pytest.mark.parametrize(("text", "mention", "unit"), [
    ("The storm moved at 15 miles an hour.", "15 miles an hour", "mi/h"),
    ("The camera shoots 24 frames a second.", "24 frames a second", "fps"),
    ("Output is 90,000 barrels a day.", "90,000 barrels a day", "bbl/d"),
])
def test_a_unit_that_carries_its_time_is_a_claim(text: str, mention: str, unit: str) -> None:
    assert [(c.mention, c.unit) for c in extract(text)] == [(mention, unit)]


def test_a_hyphenated_duration_is_no_claim() -> None:
    assert [c.mention for c in extract("Shares hit a three-and-a-half year high.")] == []


@pytest.mark.parametrize(("text", "figures"), [
    # "not one but two": the figure is two, and "not one" no zero
    ("The panel wrote not one but two reports on the NHS.", [("two", 2)]),
    ("Not one but 14 ministers resigned.", [("14", 14)]),
    ("Not one patient was turned away.", [("Not one", 0)]),
    # "no one" and "nobody" count none only of whom something befell
    ("No one was hurt in the fire at the depot.", [("No one", 0)]),
    ("Nobody has been arrested over the theft.", [("Nobody", 0)]),
    ("Last year no one under 18 was killed on the county's roads.", [("no one", 0), ("under 18", 18)]),
    ("The result was a shock no one could have predicted.", []),
    ("Nobody knows how many voters will turn out.", []),
    # two sizes of one unit side by side are two figures, not feet and inches
    ("The tablet comes in 5 inch and 7 inch models.", [("5 inch", 5), ("7 inch", 7)]),
    ("The ladders are 6 ft and 12 ft long.", [("6 ft", 6), ("12 ft", 12)]),
])
def test_what_is_read_as_figures(text: str, figures: list[tuple[str, int]]) -> None:
    assert [(c.mention, c.value) for c in extract(text)] == figures
