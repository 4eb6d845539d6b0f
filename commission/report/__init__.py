"""The commission's annual report: one year of published work, in four formats."""
