"""Alembic environment for factcheck.

factcheck passes its own engine in ``config.attributes["engine"]``; the
``alembic`` command line falls back to ``sqlalchemy.url`` (or ``$FACTCHECK_DB``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from factcheck.storage.engine import create_db_engine, resolve_url
from factcheck.storage.models import Base
from factcheck.storage.schema import include_name

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    return create_db_engine(config.get_main_option("sqlalchemy.url") or resolve_url())


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or resolve_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect().execution_options(factcheck_write=True) as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            # one transaction for the whole upgrade (SQLite can roll DDL back): a process that opens
            # the database at the same moment waits, then finds it up to date
            transactional_ddl=True,
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
