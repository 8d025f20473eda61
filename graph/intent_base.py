"""Shared pieces of the chat intent catalogue (``graph.intents``): the ``Intent`` record and the
scope / filter fragments every enterprise-rooted template uses."""

from __future__ import annotations

from dataclasses import dataclass

from graph.queries import ENTERPRISE_SCOPE

__all__ = ["ENTERPRISE_SCOPE", "Intent"]

Shape = str  # "list" | "count" | "groups" | "record"

_ENT = (
    "($town IS NULL OR e.town = $town) AND ($enterprise_id IS NULL OR e.id = $enterprise_id) "
    "AND ($enterprise_ids IS NULL OR e.id IN $enterprise_ids) AND " + ENTERPRISE_SCOPE
)
_ENT_SLOTS = ("town", "enterprise_id", "enterprise_ids")
# One village, community or park parcel ("新桥镇/马嘶村", the Village id that ``e.village`` holds): the
# templates rooted at an enterprise (firms, hazard sources, hazards, inspections, penalties, sensors,
# special operations, risk points) filter by it (``agents.chat.villages``); duty, cameras and events
# are held per town, where a village stands for its town.
_VILLAGE = "($village IS NULL OR e.village = $village)"
# The enterprise's own registration (agents.chat.registration): "法人姓王", "安全负责人姓李", "2015年以后成立",
# "员工100人以上". Only the enterprise-set templates take them; a question that pairs them with another
# template is composed (ADR 0012) or declined, never answered without them.
_REGISTRATION = (
    "($legal_rep_surname IS NULL OR e.legal_rep STARTS WITH $legal_rep_surname) "
    "AND ($safety_officer_surname IS NULL OR e.safety_officer STARTS WITH $safety_officer_surname) "
    "AND ($founded_from_ms IS NULL OR e.founded_at >= $founded_from_ms) "
    "AND ($founded_before_ms IS NULL OR e.founded_at < $founded_before_ms) "
    "AND ($employees_min IS NULL OR e.employees >= $employees_min) "
    "AND ($employees_max IS NULL OR e.employees <= $employees_max)"
)
_REGISTRATION_SLOTS = (
    "legal_rep_surname", "safety_officer_surname", "founded_from_ms", "founded_before_ms", "employees_min",
    "employees_max",
)  # fmt: skip
_ENT_FILTERS = (
    "($category IS NULL OR e.category = $category) "
    "AND ($category_group IS NULL OR e.category IN $category_group) "
    "AND ($key_domain IS NULL OR $key_domain IN e.key_domains) "
    "AND ($scale IS NULL OR e.scale = $scale) "
    "AND ($responsibility_class IS NULL OR e.responsibility_class = $responsibility_class) "
    "AND ($dishonest IS NULL OR e.serious_dishonesty = $dishonest) "
    "AND ($tag IS NULL OR $tag IN e.tags)"
)
_ENT_FILTER_SLOTS = (
    "category", "category_group", "key_domain", "scale", "responsibility_class", "dishonest", "tag",
)  # fmt: skip
_OPEN = "['待整改', '整改中']"
# Enterprises that hold a named chemical ("哪些企业储存了液氯"); ``$chemical`` lists the names and CAS
# numbers the word stands for (``agents.chat.records``), matched on the Chemical's id (its CAS, else its name).
# A clause after the enterprise WHERE: FalkorDB resolves no pattern comprehension inside WHERE itself.
_CHEMICAL = (
    "WITH e, [(e)-[:HOLDS]->(cs:ChemicalStock)-[:OF_CHEMICAL]->(ch:Chemical) | ch.id] AS held_chemicals "
    "WHERE ($chemical IS NULL OR any(cid IN held_chemicals WHERE cid IN $chemical))"
)


@dataclass(frozen=True)
class Intent:
    id: str
    title: str  # Chinese description shown to users and to the LLM router
    slots: tuple[str, ...]
    columns: tuple[str, ...]
    cypher: str | None
    shape: Shape = "list"
    key: str = "id"
    key_kind: str = "enterprise"  # what the key column identifies
    item: str = "{name}"  # how one row reads in a templated answer
    subject: str = "企业"  # what is counted/listed, for templated answers
    examples: tuple[str, ...] = ()
