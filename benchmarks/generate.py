"""A synthetic store for scale tests: N merged events with realistic distributions, written directly
into the store's tables (a bulk load: executemany of plain SQL in large batches, one transaction per batch,
count tables written once at the end, on SQLite indexes built after the load; see `generate_store`).

    engine = open_store("sqlite:////tmp/big.db")
    generate_store(engine, n_events=1_000_000, seed=7)

What it makes (deterministic for a seed):
  - ~5,000 actors (persons, organizations, a few country actors) of ~150 countries; actor and
    country popularity follow Zipf laws, as in news (a few leaders appear in most reports);
  - event dates over 10 years (2015-2024): a uniform background plus bursts around summits; 8% of
    events last 2-5 days; sources give the day (80%), a range, the month, the year or no date;
  - the PLOVER type mix of real diplomatic news (CONSULT 40%, AGREE 10%, COOPERATE 10%, ...), modes,
    statuses, topics, agreements for AGREE;
  - 1-4 sources per event (documents in several languages), each source a document with its own
    per-document event row, actor rows, merge assignment, and the merged record built by the real
    `merge.combine` with the real blocking keys.
The rows are what `store.write.write_document` would have written, without running the pipeline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select

from communique.merge import blocking_keys, combine, view_of
from communique.store.db import WRITE_LOCK, WRITE_OPTION
from communique.store.derived import Totals, index_rows, period_columns
from communique.store.schema import documents, event_actor, events, merge_keys, merged_events, merged_index

# Countries roughly by how often they appear in diplomatic news; the rest of the world follows.
PROMINENT = ("US", "CN", "RU", "UA", "GB", "FR", "DE", "IN", "JP", "IR", "IL", "TR", "KR", "KP", "SA", "VN",
             "PK", "BR", "AU", "CA", "IT", "EG", "ID", "PL", "QA", "AE", "SY", "IQ", "AF", "ZA", "MX", "ES",
             "PH", "TH", "MY", "SG", "NG", "ET", "KZ", "BY")
OTHER = ("AM", "AO", "AR", "AT", "AZ", "BA", "BD", "BE", "BG", "BH", "BO", "BW", "CD", "CH", "CI", "CL", "CM",
         "CO", "CR", "CU", "CY", "CZ", "DK", "DZ", "EC", "EE", "FI", "GE", "GH", "GR", "GT", "HN", "HR", "HU",
         "IE", "IS", "JM", "JO", "KE", "KG", "KH", "KW", "LA", "LB", "LK", "LT", "LU", "LV", "LY", "MA", "MD",
         "ME", "MG", "MK", "ML", "MM", "MN", "MT", "MZ", "NA", "NE", "NL", "NO", "NP", "NZ", "OM", "PA", "PE",
         "PG", "PT", "PY", "RO", "RS", "RW", "SD", "SE", "SI", "SK", "SN", "SO", "SS", "SV", "TJ", "TM", "TN",
         "TZ", "UG", "UY", "UZ", "VE", "YE", "ZM", "ZW", "BN", "BT", "MV", "FJ", "TL", "SR", "GY", "HT", "DO",
         "TT", "BB", "NI", "BF", "TD", "GN", "BJ", "TG", "SL", "LR", "MR", "ER", "DJ", "GA", "CG", "GQ")
COUNTRIES: tuple[str, ...] = PROMINENT + OTHER[: 150 - len(PROMINENT)]

TYPE_MIX = {"CONSULT": 40, "AGREE": 10, "COOPERATE": 10, "SUPPORT": 7, "REQUEST": 6, "ACCUSE": 6, "AID": 4,
            "REJECT": 4, "PROTEST": 3, "THREATEN": 2, "SANCTION": 2, "CONCEDE": 1.5, "MOBILIZE": 1.5,
            "RETREAT": 1, "COERCE": 1, "ASSAULT": 1}
CONSULT_MODES = {"meet": 45, "visit": 20, "phone": 20, "host": 10, "multilateral": 5}
LABELS = {"CONSULT": "political consultations", "AGREE": "signing of an agreement", "COOPERATE": "cooperation",
          "SUPPORT": "expression of support", "REQUEST": "request", "ACCUSE": "accusation", "AID": "aid",
          "REJECT": "rejection", "PROTEST": "protest", "THREATEN": "threat", "SANCTION": "sanctions",
          "CONCEDE": "concession", "MOBILIZE": "mobilization", "RETREAT": "withdrawal", "COERCE": "coercion",
          "ASSAULT": "attack"}
TOPICS = ("politics", "economy_trade", "international_issues", "defense", "security", "energy", "investment",
          "education", "culture", "health", "tourism", "science_technology", "transport", "agriculture",
          "people_to_people", "oil_gas", "finance", "digital", "maritime", "military_technical", "labour",
          "nuclear_energy", "clean_energy", "cybersecurity", "party", "semiconductors", "biotechnology")
LANGS = {"en": 40, "ru": 12, "fr": 8, "de": 8, "es": 8, "ar": 6, "vi": 5, "id": 5, "tr": 4, "pl": 4}
SOURCES_PER_EVENT = {1: 55, 2: 25, 3: 12, 4: 8}
ROLES = ("President", "Prime Minister", "Minister of Foreign Affairs", "Deputy Minister of Foreign Affairs",
         "Minister of Defence", "Ambassador", "Minister of Trade", "Secretary-General", "Spokesperson")
ORG_KINDS = ("Ministry of Foreign Affairs", "Parliament", "Ministry of Defence", "Central Bank", "Embassy")
MULTI_DAY_SHARE = 0.08  # visits and summits over 2-5 days (reported as ranges by some sources)
# How one source dates its event, by cumulative share: the day; the range of a multi-day event (else the
# day); the month only; the year only ("in 2019"); no date.
PRECISION_SHARES = (("day", 0.80), ("range", 0.84), ("month", 0.945), ("year", 0.955), (None, 1.0))
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1
BURST_SHARE = 0.3  # share of events around a summit or crisis
BURSTS = 400
_SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ne", "sa", "vi", "do", "re", "an", "el", "is", "or", "ul", "ha",
              "ti", "mo", "ze", "ba", "ko", "ri", "na", "pe", "gu", "yo", "li", "ch", "sh", "va")


def reported_date(draw: float, day: dt.date, days: int) -> tuple[str | None, str | None, str | None]:
    """(start, end, precision) of an event of `days` days from `day`, as one source reports it, for a
    uniform draw in [0, 1) (PRECISION_SHARES)."""
    precision = next(p for p, share in PRECISION_SHARES if draw < share)
    if precision == "range":
        if days == 1:
            return day.isoformat(), None, "day"
        return day.isoformat(), (day + dt.timedelta(days=days - 1)).isoformat(), "range"
    if precision == "day":
        return day.isoformat(), None, "day"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", None, "month"
    if precision == "year":
        return f"{day.year:04d}", None, "year"
    return None, None, None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str
    role: str | None


@dataclass(slots=True)
class GenerateStats:
    merged: int = 0
    reports: int = 0
    documents: int = 0
    actor_rows: int = 0
    key_rows: int = 0

    def add(self, chunk: dict[str, list[dict[str, Any]]]) -> None:
        self.merged += len(chunk["merged"])
        self.reports += len(chunk["events"])
        self.documents += len(chunk["documents"])
        self.actor_rows += len(chunk["event_actor"])
        self.key_rows += len(chunk["keys"])


class Weighted:
    """Draws from a fixed discrete distribution (cumulative weights + bisect: O(log n) a draw)."""

    def __init__(self, items: list[Any], weights: list[float]) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


def zipf_weights(n: int, exponent: float) -> list[float]:
    return [1.0 / (rank ** exponent) for rank in range(1, n + 1)]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def make_actors(n_actors: int, rng: random.Random) -> list[Actor]:
    """Actors of every country; popular countries have more of them. Ordered by popularity rank."""
    country_pick = Weighted(list(COUNTRIES), zipf_weights(len(COUNTRIES), 0.9))
    actors = [Actor(id=f"cc:{cc}", name=f"Country {cc}", kind="country", country=cc, role=None)
              for cc in COUNTRIES[:40]]
    n = len(actors)
    while len(actors) < n_actors:
        cc = country_pick.draw(rng)
        if rng.random() < 0.8:
            actors.append(Actor(id=f"Q{9_000_000 + n}", name=_name(rng), kind="person", country=cc,
                                role=rng.choice(ROLES)))
        else:
            actors.append(Actor(id=f"local:org-{n}", name=f"{rng.choice(ORG_KINDS)} of {cc}",
                                kind="organization", country=cc, role=None))
        n += 1
    rng.shuffle(actors)  # popularity (rank in the Zipf law) is independent of kind
    return actors


class EventFactory:
    """Makes merged events one at a time: member records (one per source document) in contract form."""

    def __init__(self, rng: random.Random, n_actors: int = 5000, days: int = DAYS) -> None:
        self.rng = rng
        self.days = days  # the span of event dates from FIRST_DAY
        self.actors = make_actors(n_actors, rng)
        self.actor_pick = Weighted(self.actors, zipf_weights(len(self.actors), 1.0))
        self.type_pick = Weighted(list(TYPE_MIX), list(TYPE_MIX.values()))
        self.mode_pick = Weighted(list(CONSULT_MODES), list(CONSULT_MODES.values()))
        self.lang_pick = Weighted(list(LANGS), list(LANGS.values()))
        self.sources_pick = Weighted(list(SOURCES_PER_EVENT), list(SOURCES_PER_EVENT.values()))
        self.topic_pick = Weighted(list(TOPICS), zipf_weights(len(TOPICS), 0.8))
        self.bursts = sorted(rng.randrange(days) for _ in range(max(1, BURSTS * days // DAYS)))

    def day(self) -> dt.date:
        rng = self.rng
        if rng.random() < BURST_SHARE:
            offset = int(rng.choice(self.bursts) + rng.gauss(0, 2))
            offset = min(max(offset, 0), self.days - 1)
        else:
            offset = rng.randrange(self.days)
        return FIRST_DAY + dt.timedelta(days=offset)

    def participants(self) -> list[Actor]:
        """2 parties from different countries mostly; sometimes 1, 3 or 4."""
        rng = self.rng
        wanted = 1 if rng.random() < 0.08 else 2 if rng.random() < 0.8 else rng.choice((3, 4))
        chosen = [self.actor_pick.draw(rng)]
        tries = 0
        while len(chosen) < wanted and tries < 20:
            tries += 1
            other = self.actor_pick.draw(rng)
            if all(other.id != a.id for a in chosen) and (other.country != chosen[0].country or tries > 10):
                chosen.append(other)
        return chosen

    def members(self, serial: int) -> tuple[list[dict[str, Any]], list[str]]:
        """The member records of one real-world event and the dates of their documents."""
        rng = self.rng
        type_ = self.type_pick.draw(rng)
        mode = self.mode_pick.draw(rng) if type_ == "CONSULT" else None
        day = self.day()
        parties = self.participants()
        topics = sorted({self.topic_pick.draw(rng) for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))})
        status = "occurred" if rng.random() < 0.8 else rng.choice(("planned", "agreed_to", "denied"))
        location = parties[0] if rng.random() < 0.6 else None
        n_sources = self.sources_pick.draw(rng)
        records, doc_dates = [], []
        days = rng.randint(2, 5) if rng.random() < MULTI_DAY_SHARE else 1
        for k in range(n_sources):
            start, end, precision = reported_date(rng.random(), day, days)
            doc_day = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
            lang = self.lang_pick.draw(rng)
            records.append({
                "id": f"evt_g{serial:08d}_{k}", "type": type_, "mode": mode, "label": LABELS[type_],
                "status": status, "background": False,
                "date": {"start": start, "end": end, "precision": precision},
                "location": {"name": f"Capital of {location.country}" if location else None,
                             "country": location.country if location else None, "evidence": None},
                "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role,
                            "mention": a.name} for a in parties],
                "topics": topics,
                "agreements": ([{"kind": "memorandum_of_understanding", "count": rng.randint(1, 6),
                                 "subject": ", ".join(topics) or None}] if type_ == "AGREE" else []),
                "sources": [{"doc": f"gen-{serial:08d}-{k}", "lang": lang,
                             "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": "talks"}]}],
                "confidence": round(0.5 + rng.random() * 0.45, 2),
            })
            doc_dates.append(doc_day.isoformat())
        return records, doc_dates


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def rows_for_event(factory: EventFactory, serial: int, seq_start: int) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one merged event and its source documents."""
    members, doc_dates = factory.members(serial)
    merged_id = members[0]["id"]
    rows: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "event_actor": [], "merged": [],
                                              "keys": []}
    for k, (rec, doc_date) in enumerate(zip(members, doc_dates, strict=True)):
        source = rec["sources"][0]
        doc_id, lang = source["doc"], source["lang"]
        title = f"{rec['label']}: " + " and ".join(a["name"] for a in rec["actors"])
        rows["documents"].append({
            "id": doc_id, "content_hash": hashlib.sha256(f"{doc_id}\x1f{title}".encode()).hexdigest(),
            "seq": seq_start + k, "source": "synthetic", "title": title, "url": None, "input_date": doc_date,
            "lang_hint": lang, "opt_doc_date": None, "opt_lang": None, "raw_text": title, "text": title,
            "lang": lang, "date": doc_date, "record": _dumps({"id": doc_id, "lang": lang, "date": doc_date}),
            "ingested_at": "2025-01-01T00:00:00+00:00", "pipeline_version": "synthetic",
        })
        date = rec["date"]
        rows["events"].append({
            "id": rec["id"], "doc_id": doc_id, "position": 0, "merged_id": merged_id, "type": rec["type"],
            "mode": rec["mode"], "status": rec["status"], "date_start": date["start"], "date_end": None,
            "precision": date["precision"],
            "country_pair": ",".join(sorted({a["country"] for a in rec["actors"]})), "lang": lang,
            "confidence": rec["confidence"], "record": _dumps(rec),
            "merge_reason": _dumps({"action": "new"} if k == 0 else {"action": "joined", "merged": merged_id}),
        })
        rows["event_actor"] += [{"event_id": rec["id"], "position": i, "actor_id": a["id"], "name": a["name"],
                                 "kind": a["kind"], "country": a["country"], "role": a["role"]}
                                for i, a in enumerate(rec["actors"])]
    record = combine(members, merged_id)
    doc_date = min(doc_dates)
    view = view_of(record, doc_date)
    countries = sorted({a["country"] for a in record["actors"]})
    rows["merged"].append({
        "id": merged_id, "type": record["type"], "mode": record["mode"], "status": record["status"],
        "date_start": record["date"]["start"], "date_end": record["date"]["end"],
        "date_lo": view.interval.lo.isoformat() if view.interval else None,
        "date_hi": view.interval.hi.isoformat() if view.interval else None,
        "countries": "," + ",".join(countries) + ",", "langs": ",".join(sorted({s["lang"] for s in record["sources"]})),
        "doc_date": doc_date, "n_sources": len(record["sources"]), "confidence": record["confidence"],
        "record": _dumps(record), **period_columns(record),
        "_record": record,  # for the derived tables (taken out before the row is written)
    })
    rows["keys"] += [{"key": key, "merged_id": merged_id} for key in blocking_keys(view)]
    return rows


def generate_rows(n_events: int, seed: int = 7, batch: int = 20_000,
                  first_serial: int = 0, first_seq: int = 1) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Rows for `n_events` merged events, `batch` events at a time."""
    factory = EventFactory(random.Random(seed))
    seq = first_seq
    for start in range(0, n_events, batch):
        chunk: dict[str, list[dict[str, Any]]] = {"documents": [], "events": [], "event_actor": [], "merged": [],
                                                  "keys": []}
        for serial in range(first_serial + start, first_serial + min(start + batch, n_events)):
            rows = rows_for_event(factory, serial, seq)
            seq += len(rows["documents"])
            for table, values in rows.items():
                chunk[table] += values
        yield chunk


COUNT_FLUSH_ROWS = 4_000_000  # distinct counts held in memory before they are added to the count tables
TABLES = {"documents": documents, "events": events, "event_actor": event_actor, "merged": merged_events,
          "keys": merge_keys, "index": merged_index}
# The tables the generator fills row by row; on SQLite their secondary indexes are built after the load.
LOADED_TABLES = tuple(sorted(table.name for table in TABLES.values()))


def generate_store(engine: Engine, n_events: int = 1_000_000, seed: int = 7, batch: int = 20_000,
                   progress: Callable[[int], None] | None = None) -> GenerateStats:
    """Append `n_events` synthetic merged events (and their documents and reports) to a migrated store.

    A bulk load: rows go in by executemany of plain SQL (no per-row statement building), one transaction
    per batch; the count tables' counts are summed in memory over many batches and each count row is
    written once (upserts, so appending to a filled store adds to its counts); on SQLite the load runs
    with the secondary indexes of the loaded tables dropped (rebuilt by one sort each at the end, from
    their own CREATE statements) and without a journal (the file is a benchmark's: a crash mid-load
    leaves it to be deleted). The tables end as `store.write.write_document` would have left them."""
    stats = GenerateStats()
    with engine.connect() as conn:
        first_seq = (conn.execute(select(func.max(documents.c.seq))).scalar() or 0) + 1
        first_serial = conn.execute(select(func.count()).select_from(merged_events)).scalar() or 0
    engine.dispose()  # no other pooled connection: SQLite lets the load change the journal mode
    totals = Totals()
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, _bulk_load(conn):
        for chunk in generate_rows(n_events, seed, batch, first_serial, first_seq):
            with conn.begin():
                _lock_writers(conn)
                indexed = totals.add([(m["id"], m.pop("_record")) for m in chunk["merged"]])
                chunk["index"] = index_rows(indexed)
                for name, table in TABLES.items():
                    if chunk[name]:
                        conn.exec_driver_sql(_insert_sql(conn, table, list(chunk[name][0])), chunk[name])
                if conn.dialect.name == "sqlite":  # the store keeps SQLite's full-text index by hand
                    conn.exec_driver_sql("INSERT INTO docs_fts (rowid, doc_id, title, text) "
                                         "VALUES (:seq, :id, :title, :text)",
                                         [{"seq": d["seq"], "id": d["id"], "title": d["title"], "text": d["text"]}
                                          for d in chunk["documents"]])
                if totals.size() >= COUNT_FLUSH_ROWS:
                    totals.write(conn)
            stats.add(chunk)
            if progress:
                progress(stats.merged)
        with conn.begin():
            _lock_writers(conn)
            totals.write(conn)
    return stats


def _lock_writers(conn: Connection) -> None:
    """What `store.db.writing` does on PostgreSQL (SQLite: the connection's BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(WRITE_LOCK)


def _insert_sql(conn: Connection, table: Table, names: list[str]) -> str:
    """INSERT of these columns of `table` (the others stay NULL) with named parameters in the driver's style."""
    style = (lambda n: f":{n}") if conn.dialect.paramstyle in ("qmark", "named") else (lambda n: f"%({n})s")
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(n) for n in names)
    return f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join(style(n) for n in names)})"


@contextmanager
def _bulk_load(conn: Connection) -> Iterator[None]:
    """SQLite: the loaded tables' secondary indexes dropped, no journal, no syncs and a big page cache for
    the load; afterwards the indexes rebuilt from their own SQL and the connection's settings restored.
    Other databases: nothing (their bulk path is the executemany and the deferred counts)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    marks = ", ".join("?" for _ in LOADED_TABLES)
    with conn.begin():
        indexes = conn.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                       f"AND sql IS NOT NULL AND tbl_name IN ({marks})", LOADED_TABLES).all()
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    journal = _pragma(conn, "journal_mode")
    _pragma(conn, "journal_mode=OFF")
    _pragma(conn, "synchronous=OFF")
    _pragma(conn, "cache_size=-1000000")  # KiB: 1 GB
    try:
        yield
    finally:
        with conn.begin():
            for _, sql in indexes:
                conn.exec_driver_sql(sql)
        _pragma(conn, f"journal_mode={journal}")
        _pragma(conn, "synchronous=NORMAL")  # as store.db sets every connection
        _pragma(conn, "cache_size=-2000")  # SQLite's default


def _pragma(conn: Connection, pragma: str) -> Any:
    """A PRAGMA outside any transaction (SQLAlchemy would begin one; the journal mode cannot change in it)."""
    row = conn.connection.driver_connection.execute(f"PRAGMA {pragma}").fetchone()  # type: ignore[union-attr]
    return row[0] if row else None
