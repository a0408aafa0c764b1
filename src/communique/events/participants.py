"""Who took part: from a trigger's window to the participants of one or more draft events.

Rules, in the order they apply:
- A visit has a visitor (the subject, or the person named right after a nominal trigger: "the
  visit of X to Y") and a destination (a country named after the trigger); other persons in the
  window are not participants of the visit.
- A meeting whose object side names several counterparts of the other party ("the delegation met
  A, B and C") is one event per counterpart, each with the subject side.
- A verbal trigger with no actor before it ("The delegation met…", "Both sides signed…") takes the
  document's protagonist: the first person who leads the story.
- Countries are participants only where too few persons and organizations are named, and never
  from an adjective ("the Vietnamese community").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.actors import country_mention, government_seat
from communique.actors.groups import group_sector
from communique.actors.kb import ARMED_GROUP, load_kb
from communique.document import Document, Mention, Timex
from communique.events import sides
from communique.events.candidates import Candidate, is_adjective


@dataclass(slots=True)
class Draft:
    """An event in the making: one trigger (or several, once merged) and its participants."""

    cand: Candidate
    type: str
    mode: str | None
    label: str
    actors: list[Mention]
    destination: Mention | None = None
    date: dict[str, object] | None = None
    date_timex: Timex | None = None
    own_date: bool = False  # the date comes from the trigger's own window
    location: dict[str, object] | None = None
    location_mention: Mention | None = None
    background: bool = False
    background_list: bool = False  # named in a list of earlier developments ("including X, Y")
    status: str = "occurred"
    absorbed: list[Draft] = field(default_factory=list)
    weight: float = 0.0  # the strongest trigger's weight in the group (its label names the event)

    def __post_init__(self) -> None:
        self.weight = self.weight or self.cand.trigger.weight

    @property
    def start(self) -> int:
        return self.cand.trigger.start

    def entity_ids(self) -> set[str]:
        return {m.entity_id for m in self.actors}

    def parties(self) -> int:
        """Distinct sides: a country named beside one of its own people or bodies is not another side (an armed
        group is no body of the country it fights in: "al-Shabaab stormed a base in Somalia" has two sides), nor
        is its government, named generically, beside one of its own officials ("Peskov stressed that the
        Russian authorities…"), nor a body a person present holds an office in."""
        own = {country_of(m) for m in self.actors if m.kind != "country" and not is_armed_group(m)} - {None}
        named = {country_of(m) for m in self.actors
                 if m.kind != "country" and group_sector(m.entity_id) is None and not is_armed_group(m)} - {None}
        offices = [p for p in self.actors if p.kind == "person" and (p.role or p.org_id)]
        return len({m.entity_id for m in self.actors
                    if not (m.kind == "country" and m.country in own)
                    and not (group_sector(m.entity_id) == "government" and m.country in named)
                    and not (m.kind == "organization" and any(_holds_office_in(p, m) for p in offices))})

    def core_ids(self) -> set[str]:
        """Persons and organizations: the participants that decide whether two drafts are one event."""
        ids = {m.entity_id for m in self.actors if m.kind != "country"}
        return ids or self.entity_ids()


def _holds_office_in(person: Mention, org: Mention) -> bool:
    """The organization is the person's own ("Andrey Klimov, Deputy Secretary of the General Council of United
    Russia"): no other side than the person."""
    return person.org_id == org.entity_id or bool(person.role and org.name and org.name in person.role)


def is_armed_group(m: Mention) -> bool:
    """A named armed group of the KB ("the Taliban"; not the generic "militants", whose ids are `group:`)."""
    if m.kind != "organization":
        return False
    entity = load_kb().entities.get(m.entity_id)
    return entity is not None and entity.type == ARMED_GROUP


def country_of(m: Mention) -> str | None:
    """The actor's country: as the text states it, else as the knowledge base knows it."""
    if m.country:
        return m.country
    entity = load_kb().entities.get(m.entity_id)
    return entity.country if entity is not None else None


def unique(mentions: Sequence[Mention]) -> list[Mention]:
    """One mention per entity, in text order, preferring the first."""
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.entity_id not in seen:
            seen.add(m.entity_id)
            out.append(m)
    return out


def protagonist(doc: Document, candidates: Sequence[Candidate]) -> Mention | None:
    """The person the story follows: the first person on the subject side of a trigger, else the first person."""
    for cand in candidates:
        persons = [m for m in cand.subject if m.kind == "person"]
        if persons:
            return persons[0]
    excluded = {id(m) for c in candidates for m in c.excluded}
    return next((m for m in doc.mentions if m.kind == "person" and id(m) not in excluded), None)


def group_members(previous: Draft | None, hero: Mention | None) -> list[Mention]:
    """Who "the delegation", "both sides", "the two ministers" are: the people and bodies of the
    latest meeting or visit, else the story's protagonist."""
    if previous is not None:
        members = [m for m in previous.actors if m.kind != "country"]
        if members:
            return members
    return [hero] if hero is not None else []


def drafts_for(text: str, cand: Candidate, hero: Mention | None, previous: Draft | None = None) -> list[Draft]:
    """The draft events a candidate yields (none, one, or one per counterpart).

    `previous` is the latest meeting or visit before it: a group subject stands for its members.
    """
    trig = cand.trigger
    if trig.type == "CONSULT" and trig.mode == "visit":
        return _visit_drafts(text, cand, hero)
    subject = [m for m in cand.subject if not is_adjective(m)]
    objects = [m for m in cand.objects if not is_adjective(m)]
    subject, objects = _with_companions(text, cand.lang, subject, objects)
    subject_core = [m for m in subject if m.kind != "country"]
    if not subject_core and not trig.noun and cand.group_subject:
        object_ids = {m.entity_id for m in objects}
        subject_core = [m for m in group_members(previous, hero) if m.entity_id not in object_ids]
        subject_core += _countries_of(subject_core)
    object_core = [m for m in objects if m.kind != "country"]
    if trig.needs == "person_object" and not _has_counterpart_person(subject, objects):
        return []
    if trig.needs == "actor_object" and not objects:
        return []  # "asked North Korea to apologise", "asked Hanoi": someone is asked; "was asked about" names no one
    if trig.noun and trig.type in JOINT_TYPES:
        joint = [m for m in sides.joint_group(text, object_core, cand.lang) if m.kind != "country"]
        if len(joint) >= 2 and joint[0].start - trig.end <= JOINT_REACH:
            return [_draft(cand, unique(joint))]  # "the talks between Lavrov and Rubio", whoever reports them
    counterparts = _counterparts(subject_core, object_core, trig.type)
    if len(counterparts) >= 2:
        return [_draft(cand, unique([*subject_core, c])) for c in counterparts]
    actors = unique([*subject_core, *object_core])
    if len(actors) < 2:
        actors = unique([*actors, *(m for m in [*subject, *objects] if m.kind == "country")])
    draft = _draft(cand, actors)
    if draft.parties() < 2:
        draft.actors = unique([*actors, *_demonym_sides(cand, draft)])
    if draft.parties() < 2 and (host := _host_country(cand, draft)) is not None:
        draft.actors = unique([*draft.actors, host])
        draft.destination = host
    return [draft]


def _countries_of(members: Sequence[Mention]) -> list[Mention]:
    """The countries "both sides", "beide landen", "两国" stand for besides their people: each member's country,
    cited where the member is named (the sides of the meeting just reported are their countries too)."""
    out: list[Mention] = []
    for m in members:
        code = country_of(m)
        if m.kind != "country" and code and all(c.country != code for c in out):
            out.append(country_mention(m, code, "group"))
    return out


def _host_country(cand: Candidate, draft: Draft) -> Mention | None:
    """A meeting with one side named, in the capital of another country after the predicate ("Sánchez ya ha llegado
    a Rabat", "Lavrov held talks in Ankara"): the host country is the other side, as in a visit. Only a capital:
    talks in Geneva or New York are at an international organization's seat, not with Switzerland or the US
    (Brussels and Vienna, capitals that are such seats too, are read as their country)."""
    if cand.trigger.type != "CONSULT" or not draft.actors:
        return None
    own = {country_of(m) for m in draft.actors}
    place = next((p for p in cand.places if p.start >= cand.trigger.start and p.kind == "location"
                  and p.country and p.country not in own and government_seat(p) is not None), None)
    return country_of_place(place) if place is not None else None


def _with_companions(text: str, lang: str, subject: list[Mention], objects: list[Mention],
                     ) -> tuple[list[Mention], list[Mention]]:
    """Names "together with" the actor stand on the actor's side when another counterpart is named ("Meloni,
    together with von der Leyen and Rutte, meets Saied": one meeting of the three with Saied); alone they are
    the counterpart ("Lavrov, together with Wang Yi, …")."""
    if not subject:
        return subject, objects
    beside = {id(m) for m in sides.companions(text, objects, lang)}
    if not beside or all(id(m) in beside for m in objects):
        return subject, objects
    return [*subject, *(m for m in objects if id(m) in beside)], [m for m in objects if id(m) not in beside]


def _demonym_sides(cand: Candidate, draft: Draft) -> list[Mention]:
    """A country named only by its adjective is a side when no other second side is named
    ("Mexican aid arrives in Haiti", "the departure of the last French soldiers from Chad")."""
    own = {country_of(m) for m in draft.actors} | {m.country for m in draft.actors}
    out = []
    for m in [*cand.subject, *cand.objects]:
        if is_adjective(m) and m.country not in own:
            own.add(m.country)
            out.append(m)
    return out[:1]


JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
JOINT_REACH = 40  # characters between a nominal trigger and the pair it names ("talks between A and B")


def _has_counterpart_person(subject: list[Mention], objects: list[Mention]) -> bool:
    """A person acted on: named on the target side, or a second person where the verb comes last
    ("hat Steinmeier den Ministerpräsidenten Li Qiang empfangen")."""
    persons = {m.entity_id for m in [*subject, *objects] if m.kind == "person"}
    return any(m.kind == "person" for m in objects) or len(persons) >= 2


def _draft(cand: Candidate, actors: list[Mention]) -> Draft:
    t = cand.trigger
    return Draft(cand=cand, type=t.type, mode=t.mode, label=t.label, actors=actors)


def _counterparts(subject: list[Mention], objects: list[Mention], event_type: str) -> list[Mention]:
    """Several persons (or, when none is named, several organizations) met one by one by the subject side."""
    if event_type != "CONSULT" or not subject:
        return []
    subject_ids = {m.entity_id for m in subject}
    persons = unique([m for m in objects if m.kind == "person" and m.entity_id not in subject_ids])
    if len(persons) >= 2:
        return persons
    if persons:
        return []
    orgs = unique([m for m in objects if m.kind == "organization" and m.entity_id not in subject_ids])
    return orgs if len(orgs) >= 2 else []


def _visit_drafts(text: str, cand: Candidate, hero: Mention | None) -> list[Draft]:
    trig = cand.trigger
    destination = next((m for m in cand.objects if m.kind == "country" and not is_adjective(m)), None)
    place = next((p for p in cand.places if p.start >= trig.end), None)
    visitors = [m for m in cand.subject if m.kind in ("person", "organization")][:1]
    if not visitors:
        named = _named_right_after(text, cand)
        if named is not None and (named.kind == "person" or not cand.framing):
            visitors = [named]
    if not visitors and (cand.framing or trig.noun):
        return []  # "in the framework of the visit to Russia": context for other events, not one itself
    if not visitors and hero is not None and cand.group_subject:
        visitors = [hero]
    if not visitors:
        return []
    if destination is None and place is not None and place.country:
        destination = country_of_place(place)
    guest = _guest_of_host(cand, visitors[0], destination)
    if guest is not None:
        return [Draft(cand=cand, type=trig.type, mode="meet", label=trig.label, actors=[visitors[0], guest])]
    delegation = [m for m in cand.objects if m.kind == "organization" and destination is not None
                  and visitors[0].end <= m.start < destination.start]
    actors = unique([*visitors, *delegation[:1], *([destination] if destination else [])])
    draft = _draft(cand, actors)
    draft.destination = place if place is not None and destination is not None and destination.source == "place" \
        else destination or place
    return [draft]


def _guest_of_host(cand: Candidate, visitor: Mention, destination: Mention | None) -> Mention | None:
    """No one visits their own country: "President X met in Hanoi the Speaker of the Duma, who is visiting
    Vietnam" is the host meeting the guest, the first person named after the verb from another country."""
    if destination is None or visitor.kind != "person" or country_of(visitor) != destination.country:
        return None
    return next((m for m in cand.objects if m.kind == "person" and m.start > visitor.end
                 and country_of(m) not in (None, destination.country)), None)


def country_of_place(place: Mention) -> Mention:
    """The country a visited city lies in, as a participant whose evidence is the city's name."""
    return country_mention(place, str(place.country), "place", place.confidence)


def _named_right_after(text: str, cand: Candidate, reach: int = 80) -> Mention | None:
    """The actor a nominal or inverted trigger names right after itself, in the same clause.

    "the state visit of President X to Vietnam", "besuchte … Genosse X, Sekretär …", "la visite
    officielle en Russie du président X": no comma or semicolon between the trigger and the name.
    """
    text_end = cand.trigger.end
    for m in cand.objects:
        if m.kind not in ("person", "organization"):
            continue
        between = text[text_end : m.start]
        if m.start - text_end > reach or "," in between or ";" in between:
            return None
        return m
    return None
