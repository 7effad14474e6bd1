"""SQLAlchemy 2.0 typed tables for the whole data model (DESIGN.md section 4).

Column names equal the domain dataclass field names, so one generic converter
(:mod:`recovery_journal.storage.repository`) moves values across the boundary; entries, with their
tags and emotions, have their own repository. The schema itself is created and changed only by
migrations (:mod:`recovery_journal.storage.migrations`); a test keeps these classes and the migrated
schema in step.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import Enum
from types import MappingProxyType
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Dialect,
    FetchedValue,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship

from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.measures import MeasureKind
from recovery_journal.domain.progress import DayConvention, MilestoneKind
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage

UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # how every instant is stored (sortable text)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as sortable UTC text ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime reached storage")
        return value.astimezone(UTC).strftime(UTC_FORMAT)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)  # 'Z' suffix: UTC (Python 3.11+)


class JsonTuple(TypeDecorator[tuple[str, ...]]):
    """A short list of strings (steps, learned strategies) as a JSON array."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: Dialect) -> str:
        return json.dumps(list(value or ()), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[str, ...]:
        return tuple(json.loads(value)) if value else ()


def _enum(cls: type[Enum]) -> SAEnum:
    return SAEnum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=60,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    """Key/value facts about the journal itself: schema version, journal id, created."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
    # SQLite's own row number (never written by us, not part of the DDL): the order the tags
    # were given in, which an entry read through the ORM keeps, as the list's plain SQL does.
    Column("rowid", Integer, system=True),
)


class TagRow(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)


class EntryRow(Base):
    __tablename__ = "entries"
    __table_args__ = (
        Index("ix_entries_live_date", "deleted_utc", "local_date", "id"),
        # Idempotent imports: an entry of another app is stored once (migration version 6).
        Index(
            "ux_entries_source",
            "source_app",
            "source_id",
            unique=True,
            sqlite_where=text("source_app IS NOT NULL"),
        ),
    )
    # The trigger-kept search_key is not fetched back after a write (an INSERT's RETURNING
    # would show it before the trigger ran): it is expired instead.
    __mapper_args__ = MappingProxyType({"eager_defaults": False})
    id: Mapped[int] = mapped_column(primary_key=True)
    local_date: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    mood: Mapped[int | None] = mapped_column(Integer)
    anxiety: Mapped[int | None] = mapped_column(Integer)
    energy: Mapped[int | None] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    bring_to_therapy: Mapped[bool] = mapped_column(Boolean, default=False)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    local_time: Mapped[str | None] = mapped_column(String(8))
    utc_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    source_app: Mapped[str | None] = mapped_column(String(32))
    source_id: Mapped[str | None] = mapped_column(Text)
    source_mood_label: Mapped[str | None] = mapped_column(Text)
    # The search index's key, kept by triggers in the schema (migration version 11): never
    # written from here, nor loaded (deferred): only the search SQL reads it.
    search_key: Mapped[int | None] = mapped_column(
        Integer, server_default=FetchedValue(), server_onupdate=FetchedValue(), deferred=True
    )

    tags: Mapped[list[TagRow]] = relationship(
        secondary=entry_tags, lazy="selectin", order_by=entry_tags.c.rowid
    )
    emotions: Mapped[list[EmotionRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="EmotionRow.id"
    )


class EmotionRow(Base):
    __tablename__ = "entry_emotions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    intensity: Mapped[int] = mapped_column(Integer)


class EntryRevisionRow(Base):
    __tablename__ = "entry_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    replaced_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    mood: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[tuple[str, ...]] = mapped_column(JsonTuple, default=())


class TriggerRow(Base):
    __tablename__ = "triggers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[TriggerCategory] = mapped_column(_enum(TriggerCategory))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TriggerEventRow(Base):
    __tablename__ = "trigger_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    trigger_id: Mapped[int] = mapped_column(ForeignKey("triggers.id"), index=True)
    occurred_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    intensity: Mapped[int] = mapped_column(Integer)
    context: Mapped[str] = mapped_column(Text, default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id", ondelete="SET NULL"))


class WarningSignRow(Base):
    __tablename__ = "warning_signs"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[WarningStage] = mapped_column(_enum(WarningStage))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WarningSignObservationRow(Base):
    __tablename__ = "warning_sign_observations"
    id: Mapped[int] = mapped_column(primary_key=True)
    sign_id: Mapped[int] = mapped_column(ForeignKey("warning_signs.id"), index=True)
    observed_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class CopingStrategyRow(Base):
    __tablename__ = "coping_strategies"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[CopingCategory] = mapped_column(_enum(CopingCategory))
    steps: Mapped[tuple[str, ...]] = mapped_column(JsonTuple, default=())
    favourite: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[StrategySource] = mapped_column(_enum(StrategySource))
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CopingUseRow(Base):
    __tablename__ = "coping_uses"
    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("coping_strategies.id"), index=True)
    used_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    distress_before: Mapped[int | None] = mapped_column(Integer)
    distress_after: Mapped[int | None] = mapped_column(Integer)
    helpfulness: Mapped[int | None] = mapped_column(Integer)
    trigger_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("trigger_events.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")


class CopingPlanItemRow(Base):
    __tablename__ = "coping_plan_items"
    __table_args__ = (
        CheckConstraint(
            "(trigger_id IS NULL) != (warning_stage IS NULL)", name="ck_plan_one_target"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("coping_strategies.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    trigger_id: Mapped[int | None] = mapped_column(ForeignKey("triggers.id"), index=True)
    warning_stage: Mapped[WarningStage | None] = mapped_column(_enum(WarningStage))


class SafetyPlanItemRow(Base):
    __tablename__ = "safety_plan_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    step: Mapped[SafetyStep] = mapped_column(_enum(SafetyStep))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class SupportContactRow(Base):
    __tablename__ = "support_contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[ContactRole] = mapped_column(_enum(ContactRole))
    reach: Mapped[str] = mapped_column(Text, default="")
    safety_step: Mapped[SafetyStep | None] = mapped_column(_enum(SafetyStep))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PeerMeetingRow(Base):
    __tablename__ = "peer_meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_name: Mapped[str] = mapped_column(String(200))
    local_date: Mapped[date] = mapped_column(Date, index=True)
    resonated: Mapped[str] = mapped_column(Text, default="")
    strategies_learned: Mapped[tuple[str, ...]] = mapped_column(JsonTuple, default=())
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class CounterRow(Base):
    __tablename__ = "counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    convention: Mapped[DayConvention] = mapped_column(_enum(DayConvention))
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pinned: Mapped[bool] = mapped_column(Boolean, default=True)  # shown on Today (schema 9)


class SlipRow(Base):
    __tablename__ = "counter_slips"
    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), index=True)
    local_date: Mapped[date] = mapped_column(Date)
    context: Mapped[str] = mapped_column(Text, default="")
    next_time: Mapped[str] = mapped_column(Text, default="")


class MilestoneRow(Base):
    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(primary_key=True)
    local_date: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MilestoneKind] = mapped_column(_enum(MilestoneKind))
    notes: Mapped[str] = mapped_column(Text, default="")
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class GoalRow(Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    completed_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class GoalStepRow(Base):
    __tablename__ = "goal_steps"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    done_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PhaseRow(Base):
    __tablename__ = "phases"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeasureRow(Base):
    """An own daily measure (migration "own daily measures")."""

    __tablename__ = "measures"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MeasureKind] = mapped_column(_enum(MeasureKind))
    unit: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    archived_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MeasureValueRow(Base):
    __tablename__ = "measure_values"
    __table_args__ = (
        Index("ux_measure_values_measure_day", "measure_id", "local_date", unique=True),
        Index("ix_measure_values_day_measure", "local_date", "measure_id", "value"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id"))
    local_date: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    updated_utc: Mapped[datetime] = mapped_column(UtcDateTime)


class DraftRow(Base):
    __tablename__ = "drafts"
    slot: Mapped[str] = mapped_column(String(64), primary_key=True)
    saved_utc: Mapped[datetime] = mapped_column(UtcDateTime)
    payload: Mapped[str] = mapped_column(Text)


def column_names(row_cls: type[Base]) -> list[str]:
    table: Any = row_cls.__table__
    return [c.name for c in table.columns]


# Configured now, when the ORM is imported (the command line imports it while Argon2id derives the
# keys, the app on its worker while the unlock screen shows), not by the first row made after the
# keys are there: resolving the relationships and instrumenting every class is ~50 ms of CPU that
# `add` otherwise waited for beyond the KDF (issue 14 item 6).
configure_mappers()
