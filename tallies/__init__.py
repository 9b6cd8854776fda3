"""Need counts for housing planners: counting, disclosure control and export.

Kept apart from `casefiles/` (which is about reading and writing files): tallies take
classified records from files or from the case store and carry no identifiers.
"""
