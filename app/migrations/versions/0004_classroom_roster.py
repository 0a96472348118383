"""Classroom roster: a lockable join code and one-time passwords that must be changed.

Revision ID: 0004_classroom_roster
Revises: 0003_sim_runs
Create Date: 2026-11-29

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004_classroom_roster'
down_revision = '0003_sim_runs'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.add_column(sa.Column('join_locked', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.drop_column('join_locked')
