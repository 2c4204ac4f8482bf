"""Places of publication for the CRF's `kw=place` feature: a lexicon, as GROBID's and AnyStyle's parsers use.

A place the CRF never saw in training ("Houston", "Opladen", "Natick, Mass.") is otherwise read as
part of the publisher or the title next to it. The list holds the cities that publishers and
universities print most often, the states and provinces as imprints abbreviate them ("NJ",
"Calif.", "Mass.") and countries. Words that are also common surnames or English words ("Reading",
"Lincoln", "Norman", "Bath", "Jordan") and two-letter abbreviations that are also words
("CA" for circa, "Co.", "il") are left out; the second words of two-word places ("Angeles",
"Oaks") are in, since their first word is common.
"""

from __future__ import annotations

_CITIES = """
london oxford cambridge york boston chicago princeton berkeley angeles francisco washington baltimore philadelphia
toronto montreal montréal sydney melbourne paris berlin münchen munich frankfurt hamburg leipzig stuttgart
heidelberg wien vienna zürich zurich basel bern geneva genève amsterdam leiden rotterdam brussels bruxelles
brüssel madrid barcelona roma rome milano milan torino turin firenze florence bologna lisboa lisbon moscow moskva
tokyo tôkyo beijing singapore delhi abingdon oxon basingstoke houndmills oaks hoboken dordrecht cheltenham
aldershot farnham westport bloomington ithaca arbor haven stanford pittsburgh edinburgh dublin manchester
copenhagen stockholm oslo helsinki warsaw warszawa prague praha budapest athens boulder durham
opladen wiesbaden weinheim tübingen köln cologne bielefeld göttingen bonn mannheim hannover konstanz freiburg
darmstadt baden-baden münster bremen dresden düsseldorf reinbek gütersloh nürnberg marburg kassel paderborn
neuwied weilerswist regensburg würzburg erlangen jena potsdam kiel karlsruhe mainz trier bochum dortmund
duisburg augsburg bamberg bayreuth passau salzburg innsbruck graz linz klagenfurt osnabrück oldenburg rostock
greifswald magdeburg hildesheim siegen giessen gießen saarbrücken ludwigsburg pfaffenweiler baltmannsweiler
mering wilhelmshaven lüneburg flensburg lübeck braunschweig wuppertal bielfeld
houston austin dallas atlanta seattle portland denver minneapolis evanston urbana champaign cleveland detroit
miami gainesville lanham totowa mahwah hillsdale norwood englewood cliffs saddle belmont natick armonk
amherst charlottesville chapel knoxville nashville tucson albuquerque honolulu sacramento pasadena
oakland lexington louisville tallahassee tempe
vancouver ottawa québec quebec calgary winnipeg edmonton halifax
seoul shanghai hong kong kyoto osaka taipei mumbai bombay bangalore calcutta kolkata chennai madras karachi
lahore dhaka colombo kathmandu bangkok jakarta manila kuala lumpur hanoi
cairo nairobi johannesburg pretoria kampala dakar accra lagos ibadan addis ababa harare
jerusalem tel aviv amman beirut tehran istanbul ankara
méxico buenos aires janeiro bogotá lima caracas quito montevideo brasília
kraków krakow cracow zagreb ljubljana beograd belgrade sofia bucureşti bucharest kyiv kiev vilnius riga tallinn
bratislava lausanne lyon marseille toulouse bordeaux lille strasbourg grenoble rennes nantes montpellier
napoli naples padova padua pisa bari venezia venice genova palermo sevilla valencia salamanca granada coimbra
porto utrecht groningen nijmegen leuven louvain gent ghent antwerpen antwerp uppsala lund aarhus bergen
"""

_REGIONS = """
uk usa u.s.a germany france netherlands switzerland italy spain canada australia japan china india
austria belgium sweden norway denmark finland poland russia brazil argentina israel egypt kenya nigeria
ireland scotland england portugal greece turkey mexico palestine bangladesh pakistan
ny nj ct nc tx mn wi dc d.c n.y mass calif conn ill mich wis minn
colo fla tenn ont massachusetts california connecticut illinois pennsylvania michigan maryland virginia
texas ohio oregon
"""

PLACES: frozenset[str] = frozenset((_CITIES + _REGIONS).replace(",", " ").split())
