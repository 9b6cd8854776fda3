"""Case files: reading and writing exports, batch reclassification, tallies and the demo caseload.

Nothing here imports the TUI; the TUI and the case store call these functions.
"""
