"""Do the Alembic migrations produce exactly the schema the models describe?"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.extensions import db


def test_migrations_match_models(app):
    """After `db upgrade`, does autogenerate find no difference between database and models?"""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_every_model_table_exists_with_its_columns(app):
    """Does every model table exist with exactly the model's columns?"""
    inspector = inspect(db.engine)
    for table in db.metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert columns == {column.name for column in table.columns}, table.name


def test_unique_constraints_are_in_the_database(app):
    """Are the natural keys (username, school code, join code) unique in the database itself?"""
    inspector = inspect(db.engine)

    def unique_columns(table: str) -> set[tuple[str, ...]]:
        found = {tuple(c["column_names"]) for c in inspector.get_unique_constraints(table)}
        found |= {tuple(i["column_names"]) for i in inspector.get_indexes(table) if i.get("unique")}
        return found

    assert ("username",) in unique_columns("user_account")
    assert ("code",) in unique_columns("school")
    assert ("join_code",) in unique_columns("classroom")


def test_database_refuses_impossible_class_year(app, world):
    """Does the database itself refuse a class year outside 1–5, whatever the code above it does?"""
    import pytest
    from sqlalchemy.exc import IntegrityError

    from tests.factories import gen_classroom

    with pytest.raises(IntegrityError):
        gen_classroom(world.school, year=9, section="Z")
    db.session.rollback()
