"""Many rows at once: each engine's fast way, behind one small interface with a portable fallback.

- :func:`cursor` and :func:`rows` read a query's rows as the driver's own tuples (SQLite's
  cursor; a server-side cursor on PostgreSQL, streamed), which cost much less per row than
  SQLAlchemy's rows;
- :func:`insert_rows` writes rows given as tuples: ``COPY`` on PostgreSQL, the driver's
  ``executemany`` on SQLite, SQLAlchemy's ``executemany`` elsewhere;
- :func:`update_rows` sets one column of many rows by their key: on PostgreSQL the new
  values are copied into a temporary table and applied by one ``UPDATE ... FROM``;
- :func:`search_index_set_aside` lets a batch of new claims be indexed for full-text
  search in one statement rather than row by row (SQLite's trigger is set aside; PostgreSQL's
  index needs nothing).

Values go to the database as they are given (a date as its ISO text, as SQLite keeps it),
except where SQLAlchemy is the fallback.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    ForeignKeyConstraint,
    Select,
    Table,
    UniqueConstraint,
    any_,
    bindparam,
    column,
    select,
    table,
    text,
    update,
)
from sqlalchemy.schema import AddConstraint, DropConstraint
from sqlalchemy.sql.compiler import Compiled

# the rows a server-side cursor fetches at a time
_FETCH = 10_000
_names = itertools.count(1)


def batch_size(connection: Connection) -> int:
    """How many values a query compares with at most (``IN (...)``): few on SQLite, whose statements take a
    bounded number of values, many on PostgreSQL, where each statement is a round trip to the server.
    """
    return 10_000 if connection.dialect.name == "postgresql" else 500


def batches(connection: Connection, items: Sequence[Any]) -> Iterator[list[Any]]:
    """``items`` in batches of :func:`batch_size`."""
    size = batch_size(connection)
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def among(connection: Connection, column: ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """``column`` is one of ``values``: on PostgreSQL one array, ``= ANY(...)`` (the driver then has one value
    to send, not thousands to write into the statement), elsewhere ``IN (...)``.
    """
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def _literal_sql(connection: Connection, stmt: Select[Any]) -> str:
    """The statement's SQL for the engine in use, with the values it compares with written into it."""
    return str(stmt.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))


@contextmanager
def cursor(connection: Connection, stmt: Select[Any], *, stream: bool = False) -> Iterator[Any]:
    """``stmt`` run on a driver cursor (``fetchmany``, iteration), closed after the block.

    Values come as the driver gives them (dates from SQLite as ISO strings, from PostgreSQL
    as dates). With ``stream``, for a scan of a whole table, the rows come as they are read:
    on PostgreSQL from a cursor on the server (which needs the transaction the connection
    is in), rather than all at once.
    """
    dbapi = connection.connection
    if stream and connection.dialect.name == "postgresql":
        driver = dbapi.cursor(name=f"factcheck_rows_{next(_names)}")
        driver.itersize = _FETCH
    else:
        driver = dbapi.cursor()
    try:
        driver.execute(_literal_sql(connection, stmt))
        yield driver
    finally:
        driver.close()


def rows(connection: Connection, stmt: Select[Any], *, stream: bool = False) -> Iterator[tuple[Any, ...]]:
    """The rows of a query as the driver's own tuples (see :func:`cursor`)."""
    with cursor(connection, stmt, stream=stream) as found:
        yield from found


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _copy(connection: Connection, target: str, columns: Sequence[str], values: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL's ``COPY ... FROM STDIN`` of rows into a table."""
    names = ", ".join(_quoted(connection, name) for name in columns)
    with connection.connection.cursor() as driver, driver.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def _execute_many(connection: Connection, compiled: Compiled, keys: Sequence[str],
                  values: Sequence[Sequence[Any]]) -> None:
    """Run a compiled statement once per row (``executemany``), rows given as tuples of its parameters ``keys``.

    The statement is compiled once for the database in use, so this stays portable,
    without building SQLAlchemy parameters for each row.
    """
    params: Sequence[Any]
    if not compiled.positional:
        params = [dict(zip(keys, row, strict=True)) for row in values]
    elif list(compiled.positiontup or []) == list(keys):
        params = values
    else:
        order = [keys.index(key) for key in compiled.positiontup or []]
        params = [tuple(row[i] for i in order) for row in values]
    connection.exec_driver_sql(str(compiled), params)  # type: ignore[arg-type]


def insert_rows(connection: Connection, target: Table, columns: Sequence[str], values: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as tuples of ``columns`` into a table, the engine's fastest way."""
    if not values:
        return
    engine = connection.dialect.name
    if engine == "postgresql":
        _copy(connection, _quoted(connection, target.name), columns, values)
    elif engine == "sqlite":
        _execute_many(connection, target.insert().compile(dialect=connection.dialect, column_keys=list(columns)),
                      columns, values)
    else:
        connection.execute(target.insert(), [dict(zip(columns, row, strict=True)) for row in values])


def update_rows(connection: Connection, target: Table, key: str, name: str,
                values: Sequence[tuple[Any, Any]]) -> None:
    """Set column ``name`` of the rows whose ``key`` is given, from (key, value) pairs."""
    if not values:
        return
    key_column, value_column = target.c[key], target.c[name]
    if connection.dialect.name == "postgresql":
        staged = f"factcheck_{target.name}_{name}_{next(_names)}"
        types = [column.type.compile(connection.dialect) for column in (key_column, value_column)]
        connection.exec_driver_sql(f"CREATE TEMPORARY TABLE {staged} (key {types[0]}, value {types[1]}) "
                                   "ON COMMIT DROP")
        _copy(connection, staged, ["key", "value"], values)
        new = table(staged, column("key"), column("value"))
        with _indexes_set_aside(connection, target) if len(values) >= _MANY_ROWS else nullcontext():
            connection.execute(update(target).where(key_column == new.c.key).values({name: new.c.value}))
        connection.exec_driver_sql(f"DROP TABLE {staged}")
        return
    stmt = update(target).where(key_column == bindparam("row_key")).values({name: bindparam("row_value")})
    if connection.dialect.name == "sqlite":
        _execute_many(connection, stmt.compile(dialect=connection.dialect), ("row_key", "row_value"), values)
    else:
        connection.execute(stmt, [{"row_key": k, "row_value": v} for k, v in values])


# From how many rows an update of one column on PostgreSQL sets the table's other indexes aside
_MANY_ROWS = 100_000


@contextmanager
def _indexes_set_aside(connection: Connection, target: Table) -> Iterator[None]:
    """The table's indexes but those of its constraints dropped for the block and made again after it.

    Updating a row on PostgreSQL writes a new version of it, which every index of the table
    then lists (the full-text and trigram indexes with dozens of entries a claim): for most of
    a table, building each index once, at the end, costs a fraction of that. The indexes are
    taken as the database has them, whichever migration made them.
    """
    indexes = connection.execute(text(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = :name AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))"),
        {"name": target.name}).all()
    for index_name, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {_quoted(connection, index_name)}")
    yield
    # a larger budget than the default 64 MB lets a full-text index be built in far fewer passes;
    # for this transaction only
    connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    for _, definition in indexes:
        connection.exec_driver_sql(definition)


@contextmanager
def references_checked_at_the_end(connection: Connection, *targets: Table) -> Iterator[None]:
    """Rows written to these tables inside the block have their references and uniqueness checked once, at
    the end, over the whole tables, instead of row by row.

    On PostgreSQL each row's foreign keys are otherwise looked up one by one (as costly as
    writing the row), so the tables' foreign key and unique constraints are dropped and made
    again, which checks every row at once. SQLite leaves references unchecked in a transaction
    that asks it to (``Database.write(check_references=False)``), and keeps its constraints.
    """
    if connection.dialect.name != "postgresql":
        yield
        return
    constraints = [c for t in targets for c in sorted(t.constraints, key=lambda c: str(c.name))
                   if isinstance(c, ForeignKeyConstraint | UniqueConstraint)]
    for constraint in constraints:
        connection.execute(DropConstraint(constraint))
    yield
    for constraint in constraints:
        connection.execute(AddConstraint(constraint))


def clear(connection: Connection, *targets: Table) -> None:
    """Remove every row of these tables (``TRUNCATE`` on PostgreSQL: no row is deleted one by one)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"TRUNCATE {', '.join(_quoted(connection, t.name) for t in targets)}")
    else:
        for target in targets:
            connection.execute(target.delete())


def refresh_statistics(connection: Connection, *targets: Table) -> None:
    """After rewriting most of these tables, let the planner know them again (PostgreSQL's ``ANALYZE``,
    in the transaction, which would otherwise wait for the autovacuum; SQLite plans without).
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"ANALYZE {', '.join(_quoted(connection, t.name) for t in targets)}")


def follow_ids(connection: Connection, target: Table) -> None:
    """After rows were inserted with ids of their own, have new rows take ids after them (PostgreSQL's
    sequence does not follow by itself; SQLite's AUTOINCREMENT does).
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{target.name}', 'id'), "
                                   f"(SELECT coalesce(max(id), 0) + 1 FROM {_quoted(connection, target.name)}), false)")


def table_rows(connection: Connection, target: Table, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """Some columns of every row of a table, in key order, as driver tuples (see :func:`cursor`)."""
    return rows(connection, select(*(target.c[name] for name in columns)).order_by(*target.primary_key.columns),
                stream=True)


_FTS = table("claims_fts", column("rowid"), column("mention"), column("sentence"), column("measure"))
_FTS_INSERT_TRIGGER = "claims_fts_insert"


@contextmanager
def search_index_set_aside(connection: Connection, claims: Table, inserted: ColumnElement[bool]) -> Iterator[None]:
    """Index the claims inserted inside the block (``inserted`` selects them) for full-text search in one
    statement, at the end of the block.

    On SQLite the index is kept by a trigger, so that claims written by any program are
    found; a trigger costs about three times as much per row as one INSERT ... SELECT over
    the batch. So within this transaction only, the trigger is set aside and put back
    (SQLite's schema changes are transactional: other connections never see it gone).
    PostgreSQL's search vector is a generated column: nothing to do.
    """
    trigger = None
    if connection.dialect.name == "sqlite":
        trigger = connection.scalar(select(column("sql")).select_from(table("sqlite_master")).where(
            column("type") == "trigger", column("name") == _FTS_INSERT_TRIGGER))
    if trigger is None:
        yield
        return
    connection.exec_driver_sql(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
    yield
    new = select(claims.c.id, claims.c.mention, claims.c.sentence, claims.c.measure).where(inserted)
    connection.execute(_FTS.insert().from_select(["rowid", "mention", "sentence", "measure"], new))
    connection.execute(text(trigger))
