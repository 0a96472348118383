"""Simulator runs: per-user limits (one run in flight, runs per minute) shared by all workers.

Revision ID: 0003_sim_runs
Revises: 0002_content_versions
Create Date: 2026-11-29

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_sim_runs'
down_revision = '0002_content_versions'
branch_labels = None
depends_on = None

IN_FLIGHT = sa.text("finished_at IS NULL")


def upgrade():
    op.create_table('sim_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_sim_run_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sim_run'))
    )
    with op.batch_alter_table('sim_run', schema=None) as batch_op:
        batch_op.create_index('ix_sim_run_user_started', ['user_id', 'started_at'], unique=False)
        batch_op.create_index('uq_sim_run_user_in_flight', ['user_id'], unique=True,
                              sqlite_where=IN_FLIGHT, postgresql_where=IN_FLIGHT)


def downgrade():
    with op.batch_alter_table('sim_run', schema=None) as batch_op:
        batch_op.drop_index('uq_sim_run_user_in_flight')
        batch_op.drop_index('ix_sim_run_user_started')

    op.drop_table('sim_run')
