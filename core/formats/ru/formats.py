"""Russian: Django's formats («26 января 2026 г.», «40 000 000,50»), and a day with
its month in the genitive («26 января», not «26 январь»)."""

MONTH_DAY_FORMAT = "j E"
