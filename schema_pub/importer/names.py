"""Names: people and organizations, titles, roles and the keys of a draft.

Small word lists and regular expressions, no model: a capitalised run of words
is a name; a run holding a word such as "News" or "Press" is a news outlet, one
holding "Department" or "Inc." another organization; leading words such as
"District Attorney" are a job title, not part of the person's name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word of a name: capitalised, or an initial ("J."), or a particle inside a name.
NAME_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’-]*)"
NAME_RUN = re.compile(
    rf"{NAME_WORD}(?:\s+(?:(?:de|van|von|der|da|di|du|la|le|bin|al)\s+)?{NAME_WORD})*"
)

MEDIA_WORDS = frozenset(
    [
        "News",
        "Press",
        "Times",
        "Post",
        "Journal",
        "Tribune",
        "Herald",
        "Guardian",
        "Gazette",
        "Chronicle",
        "Telegraph",
        "Reuters",
        "Bloomberg",
        "Radio",
        "Television",
        "TV",
        "Magazine",
        "Daily",
        "Wire",
        "Broadcasting",
        "Network",
        "Observer",
        "Independent",
        "Mirror",
        "Economist",
        "Newsweek",
        "Axios",
        "Politico",
        "Agence",
        "Presse",
        "Courier",
        "Courant",
        "Dispatch",
        "Examiner",
        "Inquirer",
        "Ledger",
        "Register",
        "Sentinel",
        "Star",
        "Standard",
        "Bulletin",
        "Record",
        "Review",
        "Monitor",
        "Report",
        "Insider",
        "Times-Union",
        "Newswire",
        "Weekly",
        "Channel",
        "Media",
        "Vox",
        "Variety",
        "Globe",
        "Sun",
        "Beacon",
    ]
)
MEDIA_ACRONYMS = frozenset(
    [
        "AP",
        "AFP",
        "NBC",
        "CBS",
        "ABC",
        "CNN",
        "BBC",
        "NPR",
        "PBS",
        "MSNBC",
        "DPA",
        "ANSA",
        "EFE",
        "UPI",
        "CNBC",
        "ITV",
        "RTE",
        "CBC",
        "SBS",
        "ZDF",
        "ARD",
        "RAI",
        "ESPN",
    ]
)
ORG_WORDS = frozenset(
    [
        "Department",
        "Office",
        "Ministry",
        "Agency",
        "Bureau",
        "Council",
        "Committee",
        "Commission",
        "Court",
        "Company",
        "Corporation",
        "Corp",
        "Corp.",
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "LLC",
        "Group",
        "Association",
        "Foundation",
        "Institute",
        "University",
        "College",
        "School",
        "Hospital",
        "Union",
        "Party",
        "Government",
        "Administration",
        "Service",
        "Services",
        "Club",
        "Police",
        "Authority",
        "Board",
        "Bank",
        "Fund",
        "Society",
        "Organization",
        "Organisation",
        "Federation",
        "League",
        "Church",
        "Museum",
        "Center",
        "Centre",
        "Trust",
        "Senate",
        "Congress",
        "Parliament",
        "Army",
        "Navy",
        "Council",
        "Airlines",
        "Motors",
        "Records",
        "Studios",
        "Labs",
        "Systems",
        "Technologies",
        "Partners",
        "Images",
    ]
)
ORG_ACRONYMS = frozenset(
    [
        "FBI",
        "CIA",
        "NASA",
        "NATO",
        "EU",
        "UN",
        "WHO",
        "FDA",
        "CDC",
        "NYPD",
        "LAPD",
        "IRS",
        "SEC",
        "DOJ",
        "UNICEF",
        "FIFA",
    ]
)

TITLE_WORDS = frozenset(
    [
        "Attorney",
        "District",
        "President",
        "Vice",
        "Senator",
        "Sen.",
        "Representative",
        "Rep.",
        "Governor",
        "Gov.",
        "Mayor",
        "Judge",
        "Justice",
        "Chief",
        "Officer",
        "Detective",
        "Sheriff",
        "Commissioner",
        "Secretary",
        "Minister",
        "Prime",
        "Director",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Professor",
        "Prof.",
        "Coach",
        "Captain",
        "Capt.",
        "Sergeant",
        "Sgt.",
        "Lieutenant",
        "Lt.",
        "General",
        "Gen.",
        "Colonel",
        "Col.",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "CEO",
        "CFO",
        "COO",
        "Prosecutor",
        "Councilman",
        "Councilwoman",
        "Councilmember",
        "Executive",
        "Deputy",
        "Assistant",
        "Superintendent",
        "Ambassador",
        "Bishop",
        "Pope",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Speaker",
        "Leader",
        "Inspector",
        "Trooper",
        "Coroner",
        "Auditor",
        "Treasurer",
        "Comptroller",
        "Defender",
        "Chancellor",
        "Dean",
        "Principal",
        "Manager",
        "Founder",
        "Editor",
        "Rabbi",
        "Imam",
        "Reverend",
        "Rev.",
        "Pastor",
        "Marshal",
        "Admiral",
        "Adm.",
        "Commander",
        "Controller",
        "Clerk",
        "Solicitor",
        "Counsel",
        "Lawyer",
        "Police",
        "Public",
    ]
)
HONORIFICS = frozenset(["Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame"])
NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "But",
        "Or",
        "Nor",
        "So",
        "Yet",
        "For",
        "According",
        "While",
        "When",
        "After",
        "Before",
        "As",
        "In",
        "On",
        "At",
        "To",
        "From",
        "By",
        "With",
        "Without",
        "Of",
        "If",
        "Then",
        "Now",
        "Still",
        "Meanwhile",
        "However",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "Its",
        "Two",
        "Three",
        "One",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Where",
        "What",
        "Who",
        "Why",
        "How",
        "Prosecutors",
        "Jurors",
    ]
)
PRONOUNS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "x",
    "them": "x",
    "it": "n",
    "we": "x",
    "i": "x",
}
FEMININE_ROLES = frozenset(
    [
        "actress",
        "woman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "spokeswoman",
        "chairwoman",
        "councilwoman",
        "businesswoman",
        "congresswoman",
        "waitress",
        "queen",
        "princess",
        "girl",
        "grandmother",
    ]
)
MASCULINE_ROLES = frozenset(
    [
        "actor",
        "man",
        "father",
        "husband",
        "son",
        "brother",
        "spokesman",
        "chairman",
        "councilman",
        "businessman",
        "congressman",
        "waiter",
        "king",
        "prince",
        "boy",
        "grandfather",
    ]
)


def words(text: str) -> list[str]:
    return text.split()


_ARTICLE = re.compile(r"^(?:the|a|an|one|another)\s+", re.I)
_TOKEN_SPLIT = re.compile(r"[\s/-]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


@lru_cache(maxsize=4096)
def is_media(name: str) -> bool:
    """A news outlet: holds a media word (News, Press, Times...) or is a known acronym."""
    tokens = _TOKEN_SPLIT.split(name.strip())
    return any(t in MEDIA_WORDS for t in tokens) or any(t in MEDIA_ACRONYMS for t in tokens)


@lru_cache(maxsize=4096)
def is_organization(name: str) -> bool:
    """Any organization, news outlets included."""
    tokens = _TOKEN_SPLIT.split(name.strip())
    if is_media(name):
        return True
    if any(t in ORG_WORDS or t in ORG_ACRONYMS for t in tokens):
        return True
    return len(tokens) == 1 and bool(_ACRONYM.fullmatch(tokens[0]))


@lru_cache(maxsize=4096)
def split_title(phrase: str) -> tuple[str | None, str]:
    """``Manhattan District Attorney Alvin Bragg`` -> (``Manhattan District Attorney``, ``Alvin Bragg``).

    The name is what follows the last title word; honorifics (Mr., Dr.) are
    dropped. With no title word, the whole phrase is the name.
    """
    tokens = phrase.split()
    while tokens and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    last = -1
    for i, token in enumerate(tokens[:-1]):
        if token in TITLE_WORDS or (
            i == last + 1 and len(tokens) - i > 2 and looks_like_role(token)
        ):
            last = i
    if last < 0:
        return None, " ".join(tokens)
    title = " ".join(tokens[: last + 1])
    name = tokens[last + 1 :]
    while name and name[0] in HONORIFICS:
        name = name[1:]
    return title, " ".join(name)


@lru_cache(maxsize=4096)
def looks_like_role(word: str) -> bool:
    """A word shaped like a role noun: Organizer, Resident, Actress, Pianist, Spokesperson."""
    return (
        bool(
            re.fullmatch(
                r"[A-Za-z]+(?:ess|er|or|ist|ian|ent|ant|ee|man|woman|person|ber|ger|ive|ary|ess)",
                word,
            )
        )
        and word.lower() not in _ROLE_LOOKALIKES
    )


_ROLE_LOOKALIKES = frozenset(
    ["after", "under", "over", "never", "ever", "other", "another", "whether", "either", "however"]
)


def slug(text: str, limit: int = 40) -> str:
    """A draft key from a name or description: ``Jessica Mann`` -> ``jessica-mann``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    tokens = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for token in tokens:
        candidate = f"{out}-{token}" if out else token
        if len(candidate) > limit and out:
            break
        out = candidate[:limit]
    return out or "entity"


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def strip_article(text: str) -> str:
    return _ARTICLE.sub("", text)


def gender_of_role(role: str) -> str | None:
    for token in re.findall(r"[a-z]+", role.lower()):
        if token in FEMININE_ROLES:
            return "f"
        if token in MASCULINE_ROLES:
            return "m"
    return None
