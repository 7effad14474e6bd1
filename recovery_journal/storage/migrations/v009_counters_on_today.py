"""Version 9: each counter says whether it shows on Today (issue 13 §1, "the counters the person
chose to pin on Today").

``pinned`` is 1 for a counter shown on the Today page, 0 for one kept only on the Milestones
page. Every counter that exists when a journal upgrades is set to 1, so what Today showed before
(every counter not archived) is what it shows after. Unpinning hides a counter from Today only:
its start date, slips and milestones are untouched. Frozen: the name and column are the history.
"""

SQL = """
ALTER TABLE counters ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT 1;
"""
