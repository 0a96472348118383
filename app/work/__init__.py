"""Class work services shared by the learning and teaching areas: activity keys, assignments,
drafts, attempts and progress. Plain functions over the models that raise the domain errors of
``app.work.errors``; views stay thin and never decide grades or statuses themselves."""
