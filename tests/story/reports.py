"""Short news reports written for these tests (fictional places and people): two events of
the same kind (two earthquakes, two rehab check-ins), three reports of one of them, a wire
copy, and an unrelated story."""

from newsprism.model import Article

QUAKE_A = [
    ("A magnitude 6.1 earthquake shakes Korvath province",
     "A magnitude 6.1 earthquake struck Korvath province early on Tuesday, collapsing two "
     "schools in the town of Ellsmere and killing at least 14 people, the regional governor "
     "Ana Petrovna said. Rescue teams were pulling survivors from the rubble of the Ellsmere "
     "market. \"We are still searching for families under the walls,\" Petrovna told reporters. "
     "The quake was centred 12 kilometres north of Ellsmere at a depth of 10 kilometres."),
    ("Death toll rises to 14 after Ellsmere quake",
     "Rescuers in Ellsmere dug through collapsed schools on Tuesday after a 6.1 magnitude "
     "quake hit Korvath province. Governor Ana Petrovna put the death toll at 14 and said "
     "dozens were injured. \"We are still searching for families under the walls,\" she said. "
     "Aftershocks rattled the Ellsmere market district through the morning."),
    ("Korvath quake: schools collapse in Ellsmere",
     "Two schools and part of the market collapsed in Ellsmere when the 6.1 earthquake hit "
     "Korvath province, officials said. Governor Petrovna said 14 people died. Seismologists "
     "placed the epicentre north of Ellsmere, at a shallow depth of 10 kilometres, which "
     "explained the damage in the town."),
]
QUAKE_B = [
    ("Strong 7.3 quake hits coastal Sarnia Bay, tsunami warning lifted",
     "A magnitude 7.3 earthquake shook the coast of Sarnia Bay late on Friday, cracking the "
     "harbour wall at Port Duvan and cutting power to 40,000 homes. Mayor Tomas Reinholt said "
     "no deaths were reported. A tsunami warning for Sarnia Bay was lifted after two hours. "
     "Fishing boats in Port Duvan were damaged."),
    ("Port Duvan cleans up after 7.3 earthquake",
     "Residents of Port Duvan cleared debris on Saturday after the 7.3 magnitude earthquake "
     "that hit Sarnia Bay overnight. Mayor Tomas Reinholt said power had returned to most of "
     "the 40,000 homes. The tsunami warning was lifted after two hours and the harbour wall "
     "will be repaired."),
]
REHAB_A = [
    ("Singer Lila Marchetti checks into Greyhaven rehab",
     "Pop singer Lila Marchetti has checked into the Greyhaven Recovery Centre in Vermont, "
     "her publicist Rob Kline said on Monday. Marchetti cancelled the last four dates of her "
     "Neon Tide tour. \"She thanks her fans for their patience,\" Kline said."),
    ("Lila Marchetti enters Greyhaven, cancels Neon Tide dates",
     "Lila Marchetti entered the Greyhaven Recovery Centre in Vermont on Monday, according "
     "to publicist Rob Kline, and the Neon Tide tour dates were cancelled. \"She thanks her fans "
     "for their patience,\" Kline said in a statement."),
]
REHAB_B = [
    ("Actor Dev Ashford begins 60-day stay at Cold Spring clinic",
     "Actor Dev Ashford began a court-ordered 60-day stay at the Cold Spring clinic in "
     "Arizona on Thursday, his lawyer Marta Quist said. Ashford was sentenced last month for "
     "driving under the influence. Quist said the actor would complete the programme."),
    ("Dev Ashford reports to Cold Spring for court-ordered rehab",
     "Dev Ashford reported to the Cold Spring clinic in Arizona on Thursday to begin 60 days "
     "of court-ordered treatment, lawyer Marta Quist confirmed. The judge ordered the stay "
     "after Ashford's drunk driving conviction."),
]
UNRELATED = [
    ("City council approves new tram line",
     "The Halberg city council voted 31 to 9 on Wednesday to fund a new tram line between the "
     "central station and the university campus. Construction will start next spring and cost "
     "about 240 million euros, the transport office said."),
]


def make(reports, prefix: str, published: str | None = None) -> list[Article]:
    """Articles from (title, text) pairs, ids ``prefix0``, ``prefix1`` ..."""
    return [Article(id=f"{prefix}{i}", source=f"{prefix}{i}.txt", text=text, title=title,
                    published=published, published_provenance="given" if published else None)
            for i, (title, text) in enumerate(reports)]


def wire_copy(article: Article, new_id: str) -> Article:
    """A lightly edited reprint: a word changed, a sign-off line added."""
    text = article.text.replace("early on Tuesday", "early Tuesday") + "\n\nReporting by wire staff."
    return Article(id=new_id, source=f"{new_id}.txt", text=text, title=article.title,
                   published=article.published)


# Two ferry disasters on the same strait five years apart (dated reports of each), and
# reports of the first that carry no publication date.
FERRY_2016 = [
    ("Ferry Maren Star capsizes in the Orvin Strait, 23 dead",
     "The passenger ferry Maren Star capsized in a storm in the Orvin Strait on Sunday night, "
     "killing at least 23 people, coast guard commander Ilse Varga said. The ferry was "
     "carrying 140 passengers from Tallow Point to Brask when it listed and overturned. "
     "Divers recovered bodies from the hull on Monday."),
    ("Orvin Strait ferry disaster: Maren Star toll reaches 23",
     "Coast guard divers searched the overturned hull of the Maren Star in the Orvin Strait "
     "on Monday as the death toll reached 23. Commander Ilse Varga said 117 passengers were "
     "rescued. The ferry had left Tallow Point for Brask on Sunday evening despite a storm "
     "warning."),
    ("Captain of capsized Maren Star questioned",
     "Police questioned the captain of the Maren Star, Osric Lund, after the ferry capsized in "
     "the Orvin Strait with 140 passengers aboard and 23 died. Commander Ilse Varga of the "
     "coast guard said the storm warning had been issued before the ferry left Tallow Point."),
]
FERRY_2016_UNDATED = [
    ("Survivors of the Maren Star describe the night the ferry overturned",
     "Survivors of the Maren Star said water poured onto the car deck minutes before the ferry "
     "overturned in the Orvin Strait. Of the 140 passengers who left Tallow Point for Brask, 23 "
     "died. Captain Osric Lund has been questioned by police, and coast guard commander Ilse "
     "Varga praised the divers."),
    ("Maren Star: families of the 23 dead demand answers",
     "Families of the 23 people who died when the ferry Maren Star capsized in the Orvin "
     "Strait demanded to know why captain Osric Lund sailed from Tallow Point despite the "
     "storm warning. Coast guard commander Ilse Varga said the inquiry would publish its "
     "findings."),
]
FERRY_2021 = [
    ("Ferry Kestrel runs aground in Orvin Strait, two missing",
     "The ferry Kestrel ran aground on the Selk reef in the Orvin Strait on Thursday and two "
     "crew members are missing, coast guard spokesman Pavel Dunn said. The ferry's 85 "
     "passengers were taken off by lifeboats and brought to Brask harbour."),
    ("Search for two Kestrel crew members goes on after grounding",
     "Coast guard boats searched the Orvin Strait on Friday for two crew members of the "
     "Kestrel, which ran aground on the Selk reef. Spokesman Pavel Dunn said all 85 "
     "passengers were safe in Brask. Fuel leaking from the ferry's hull was contained."),
    ("Kestrel grounding: ferry operator suspends Brask crossings",
     "The operator of the Kestrel suspended its crossings to Brask after the ferry ran aground "
     "on the Selk reef in the Orvin Strait. Two crew members are still missing, coast guard "
     "spokesman Pavel Dunn said, and the 85 passengers were unharmed."),
]
