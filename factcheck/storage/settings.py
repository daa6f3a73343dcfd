"""Settings of a database: key-value state such as the publishing organisation, the source and licence
of each document set, and the version of the rules its links were made by.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.storage.models import Setting


def get_setting(session: Session, key: str) -> str | None:
    """A stored setting, if any."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def set_setting(session: Session, key: str, value: str) -> None:
    """Store a setting."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def set_keys(session: Session) -> list[str]:
    """The per-document-set settings stored (``set.NAME.source``, ``set.NAME.licence``)."""
    return list(session.scalars(select(Setting.key).where(Setting.key.like("set.%")).order_by(Setting.key)))
