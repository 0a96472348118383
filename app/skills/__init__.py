"""The skills record: what passed work proves (``proofs``), the evidence rows it leaves
(``evidence``; ``recording`` from inside the web app), the one rule that turns evidence into a
level (``levels``, and the same rule in SQL in ``levels_sql``), the student's record and
certificate (``record``), the class heat map (``classmap``), a server-drawn chart (``chart``),
and the pages and the ``skills rebuild`` command (``views``). Explained in ``docs/skills.md``."""
